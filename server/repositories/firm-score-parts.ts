import { type FirmScoreInputs, riskWarningJavaRegex, SCORE_PARTS_VERSION, storedScoreParts, TAG_WEIGHTS } from "../analysis/signals.ts";
import type { Graph, NamedTransaction } from "../db/graph.ts";
import { derivedDataState, markDerivedDataIn } from "./derived-data-marks.ts";

/**
 * The per-firm score parts (server/analysis/signals.ts storedScoreParts: `weightScore`,
 * `scorePartsVersion`, and `riskWarning` on a firm under risk warning) kept on every :Firm for
 * the ranking query. Every write that
 * can change a firm's tags, name or aliases recomputes them for the firms it touched, inside its own
 * transaction (imports, reverts, the seed loaders), the synthetic generator writes them with each
 * firm; the app and the bench at start run the backfill, which finds firms a loader or older code left without them, or with parts of an
 * older weight table, so a database loaded before they existed ranks the same once it has run
 * (and skips the walk when nothing it could find has changed since the last one).
 */
const PAGE = 10_000;

type InputRow = FirmScoreInputs & { id: string };

function partsRows(firms: InputRow[]) {
  // A row without riskWarning removes the property (SET to null): absent means no warning.
  return firms.map((firm) => ({ id: firm.id, ...storedScoreParts(firm) }));
}

/**
 * Recomputes the parts of the given entities that are firms (other ids are skipped), in Cypher with
 * the rules of signals.ts passed in: nothing is read back into the importer's bounded heap
 * (reading the firms back made the 100,000-row import test run out of its 256 MB heap).
 */
export async function refreshFirmScorePartsIn(tx: NamedTransaction, ids: readonly string[]): Promise<void> {
  const rules = { tagWeights: TAG_WEIGHTS, riskWarningName: riskWarningJavaRegex(), version: SCORE_PARTS_VERSION };
  for (let i = 0; i < ids.length; i += PAGE) await tx.run("refresh-firm-score-parts", { ids: ids.slice(i, i + PAGE), ...rules });
}

/**
 * Writes the parts of every firm missing them or holding another version; returns how many were
 * written. The check walks every firm (about 1–2 s at 1M), so it runs only when the firm count or
 * SCORE_PARTS_VERSION differs from the last check's mark (server/repositories/derived-data-marks.ts):
 * a firm added outside the app's loaders changes the count, older code's parts the version.
 */
export async function backfillFirmScoreParts(graph: Graph, timeoutMs = 1_200_000): Promise<number> {
  const { current, counts } = await derivedDataState(graph, "score-parts", SCORE_PARTS_VERSION);
  if (current) return 0;
  const written = await writeStaleParts(graph, timeoutMs);
  await graph.writeTransaction((tx) => markDerivedDataIn(tx, "score-parts", counts, SCORE_PARTS_VERSION));
  return written;
}

async function writeStaleParts(graph: Graph, timeoutMs: number): Promise<number> {
  const [check] = await graph.read<{ stale: number }>("count-stale-firm-score-parts", { version: SCORE_PARTS_VERSION }, timeoutMs);
  if (!check || check.stale === 0) return 0;
  let written = 0;
  let after = "firm:";
  for (;;) {
    const [page] = await graph.read<{ last: string | null; stale: InputRow[] }>(
      "find-stale-firm-score-parts",
      { after, limit: PAGE, version: SCORE_PARTS_VERSION },
      timeoutMs,
    );
    if (!page?.last) return written;
    if (page.stale.length > 0) {
      const rows = partsRows(page.stale);
      await graph.writeTransaction((tx) => tx.run("write-firm-score-parts", { rows }), timeoutMs);
      written += rows.length;
    }
    after = page.last;
  }
}
