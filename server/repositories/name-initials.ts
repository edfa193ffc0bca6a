import type { Graph } from "../db/graph.ts";
import { nameInitials } from "../search/name-initials.ts";

/** Bumped when what `nameInitials` holds changes, so every start after it recomputes them once. */
export const SEARCH_KEYS_VERSION = 1;
const BATCH = 10_000;

interface PageRow {
  id: string;
  name: string | null;
  aliases: string[] | null;
  missing: boolean;
}

/**
 * Gives every entity its `nameInitials` (pinyin initials, server/search/name-initials.ts) when the
 * database was loaded by code that did not write them: a 1M-firm database from an older import,
 * a restored dump. Every loader writes them itself; this pass runs once per database (a
 * DataVersion node records it, and a new SEARCH_KEYS_VERSION redoes it) and walks the entities in id order, 10k per transaction.
 * Returns how many entities it filled.
 */
export async function backfillNameInitials(graph: Graph, log: (line: string) => void = () => {}): Promise<number> {
  const [marker] = await graph.read<{ version: number | null }>("find-search-keys-version");
  if (marker?.version === SEARCH_KEYS_VERSION) return 0;
  // An older version wrote initials by another rule: recompute them all, not only the missing.
  const all = typeof marker?.version === "number";
  let after = "";
  let filled = 0;
  for (;;) {
    const page = await graph.read<PageRow>("list-entity-names-page", { after, batch: BATCH, all }, 600_000);
    if (page.length === 0) break;
    after = page.at(-1)!.id;
    const rows = page.filter((row) => row.missing).map((row) => ({ id: row.id, initials: nameInitials(row.name, row.aliases) }));
    if (rows.length > 0) {
      await graph.writeTransaction((tx) => tx.run("set-name-initials", { rows }), 600_000);
      filled += rows.length;
      if (filled % 100_000 < rows.length) log(`Search keys: pinyin initials written for ${filled} entities ...`);
    }
  }
  await graph.writeTransaction((tx) => tx.run("mark-search-keys-version", { version: SEARCH_KEYS_VERSION, at: new Date().toISOString() }));
  if (filled > 0) log(`Search keys: pinyin initials written for ${filled} entities loaded without them.`);
  return filled;
}
