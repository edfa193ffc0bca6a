import { z } from "zod";
import { InvalidInputError } from "../lib/invalid-input.ts";

/**
 * Which import batches made the graph of a given moment. Every import is a batch with its time
 * (`at`); a revert marks it reverted at `revertedAt`. The graph of now holds the batches in effect
 * now; the graph of a moment T holds those applied by T and not reverted by T.
 */
export interface BatchMark {
  id: string;
  at: string;
  status: string;
  revertedAt?: string;
  /** JSON text of the firms the revert deleted (RevertedFirm[]), kept on the batch record. */
  revertedFirms?: string;
}

const revertedFirmsSchema = z.array(
  z.object({ id: z.string(), name: z.string(), segments: z.array(z.string()), regions: z.array(z.string()) }),
);
/** A firm an import created and its revert deleted: enough to name it per segment afterwards. */
export type RevertedFirm = z.infer<typeof revertedFirmsSchema>[number];

/** The firms kept on a reverted batch's record; text that is not such a list (edited by hand) names none. */
export function parseRevertedFirms(text: string): RevertedFirm[] {
  try {
    const parsed = revertedFirmsSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** Later than any batch; an ISO text that still compares as text (a year beyond 9999 would not). */
const END_OF_TIME = "9999-12-31T23:59:59.999Z";

/** A point in time: an ISO date or time, or a batch id (the moment just after that batch). */
export function momentOf(point: string | undefined, batches: BatchMark[], field: string): string {
  if (point === undefined) return END_OF_TIME;
  if (point.startsWith("import-")) {
    const batch = batches.find((b) => b.id === point);
    if (!batch) throw new InvalidInputError(field, `no import batch "${point}"`);
    return batch.at;
  }
  const time = Date.parse(point.length === 10 ? `${point}T23:59:59.999Z` : point);
  if (Number.isNaN(time)) throw new InvalidInputError(field, `"${point}" is neither a date (2026-11-26) nor an import batch id`);
  return new Date(time).toISOString();
}

const inEffectAt = (b: BatchMark, moment: string) =>
  (b.status === "applied" || b.status === "reverted") && b.at <= moment && !(b.status === "reverted" && (b.revertedAt ?? "") <= moment);

/** Batches whose writes the graph holds now but did not hold at `moment` (to be taken back to see it then). */
export function batchesSince(batches: BatchMark[], moment: string): string[] {
  return batches.filter((b) => inEffectAt(b, END_OF_TIME) && !inEffectAt(b, moment)).map((b) => b.id);
}

/** Batches in effect at `from` and reverted by `to`: what they created is gone from the graph. */
export function batchesRevertedBetween(batches: BatchMark[], from: string, to: string): string[] {
  return batches.filter((b) => inEffectAt(b, from) && !inEffectAt(b, to)).map((b) => b.id);
}
