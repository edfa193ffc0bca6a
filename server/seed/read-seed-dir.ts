import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { z } from "zod";
import { SEED_FILES, type SeedFileName } from "../../model/domain.ts";

export type SeedData = { [F in SeedFileName]: z.infer<(typeof SEED_FILES)[F]["schema"]>[] };

/** One problem in the seed files, precise enough to find and fix by hand. */
export interface SeedProblem {
  file: string;
  record: number | null;
  recordId: string | null;
  field: string | null;
  message: string;
}

export class SeedValidationError extends Error {
  constructor(readonly problems: SeedProblem[]) {
    super(
      `seed data refused (${problems.length} problem${problems.length === 1 ? "" : "s"}), nothing written:\n` +
        problems
          .slice(0, 50)
          .map(
            (p) =>
              `  ${p.file}${p.record === null ? "" : ` record #${p.record}`}${p.recordId ? ` (${p.recordId})` : ""}${p.field ? ` field "${p.field}"` : ""}: ${p.message}`,
          )
          .join("\n"),
    );
    this.name = "SeedValidationError";
  }
}

/**
 * Reads and validates every seed file in a folder: shape of each record (zod), unique ids
 * across files, and that every reference (relation ends, sources, figure regions) points at
 * something that exists. Throws SeedValidationError listing every problem; returns parsed data.
 */
export async function readSeedDir(dir: string): Promise<SeedData> {
  const problems: SeedProblem[] = [];
  const present = new Set(await readdir(dir));
  const data = {} as Record<SeedFileName, unknown[]>;

  for (const [file, { schema }] of Object.entries(SEED_FILES) as [SeedFileName, (typeof SEED_FILES)[SeedFileName]][]) {
    data[file] = [];
    if (!present.has(file)) continue;
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(path.join(dir, file), "utf8"));
    } catch (error) {
      problems.push({ file, record: null, recordId: null, field: null, message: `not valid JSON: ${(error as Error).message}` });
      continue;
    }
    if (!Array.isArray(raw)) {
      problems.push({ file, record: null, recordId: null, field: null, message: "must be a JSON array of records" });
      continue;
    }
    raw.forEach((record, index) => {
      const result = schema.safeParse(record);
      const recordId = typeof record?.id === "string" ? record.id : null;
      if (result.success) {
        data[file].push(result.data);
        return;
      }
      for (const issue of result.error.issues) {
        problems.push({ file, record: index, recordId, field: issue.path.join(".") || null, message: issue.message });
      }
    });
  }

  const seed = data as SeedData;
  checkReferences(seed, problems);
  if (problems.length > 0) throw new SeedValidationError(problems);
  return seed;
}

function checkReferences(seed: SeedData, problems: SeedProblem[]) {
  const ids = new Map<string, string>();
  for (const file of Object.keys(SEED_FILES) as SeedFileName[]) {
    if (file === "relations.json") continue;
    (seed[file] as { id: string }[]).forEach((record, index) => {
      const seenIn = ids.get(record.id);
      if (seenIn) {
        problems.push({ file, record: index, recordId: record.id, field: "id", message: `duplicate id, also in ${seenIn}` });
      }
      ids.set(record.id, file);
    });
  }
  const missing = (file: string, index: number, recordId: string | null, field: string, ref: string) =>
    problems.push({ file, record: index, recordId, field, message: `refers to unknown id "${ref}"` });

  for (const file of Object.keys(SEED_FILES) as SeedFileName[]) {
    (seed[file] as { id?: string; sources?: { doc: string }[] }[]).forEach((record, index) => {
      record.sources?.forEach((source, s) => {
        if (!ids.has(source.doc)) missing(file, index, record.id ?? null, `sources.${s}.doc`, source.doc);
      });
    });
  }
  seed["figures.json"].forEach((figure, index) => {
    if (!ids.has(figure.region)) missing("figures.json", index, figure.id, "region", figure.region);
    if (figure.about && !ids.has(figure.about)) missing("figures.json", index, figure.id, "about", figure.about);
  });
  const relationKeys = new Set<string>();
  seed["relations.json"].forEach((rel, index) => {
    const label = `${rel.type} ${rel.from} -> ${rel.to}`;
    if (!ids.has(rel.from)) missing("relations.json", index, label, "from", rel.from);
    if (!ids.has(rel.to)) missing("relations.json", index, label, "to", rel.to);
    const key = `${label} ${rel.props.region ?? ""} ${rel.props.period ?? ""}`;
    if (relationKeys.has(key)) {
      problems.push({ file: "relations.json", record: index, recordId: label, field: null, message: "duplicate relation" });
    }
    relationKeys.add(key);
  });
}
