import type { Resilience } from "../../model/api/resilience.ts";
import { columns, listIn, nameIn, type PackLang, word } from "./labels.ts";
import type { Sheet } from "./workbook.ts";

/**
 * 韧性（卡脖子）清单: every local firm knocked out in turn, most critical first, as the API's
 * resilience report ranks them (/api/chains/:id/resilience), with the flows that hang on it alone.
 */
export function resilienceSheet(report: Resilience, lang: PackLang): Sheet {
  const segmentName = new Map(report.segments.map((s) => [s.id, nameIn(s, lang)]));
  const seg = (id: string) => segmentName.get(id) ?? id;
  const flow = (f: { from: string; to: string }) => `${seg(f.from)} → ${seg(f.to)}`;
  const firmName = new Map(report.critical.map((c) => [c.firm, c.name]));
  const list = (items: string[]) => listIn(items, lang);
  const yes = word("yes", lang);
  return {
    name: { zh: "韧性（卡脖子）清单", en: "Resilience (choke points)" },
    columns: columns(
      "rank",
      "firm",
      "impact",
      "leader",
      "cutPoint",
      "betweenness",
      "segmentsLeftEmpty",
      "flowsOpened",
      "leadersOrphaned",
      "suppliesAlone",
    ),
    rows: report.critical.map((c, i) => [
      i + 1,
      c.name,
      c.score,
      c.leader ? yes : "",
      c.articulationPoint ? yes : "",
      Math.round(c.betweenness * 1000) / 1000,
      list(c.segmentsLost.map(seg)),
      list(c.flowsOpened.map(flow)),
      list(c.leadersOrphaned.map((id) => firmName.get(id) ?? id)),
      list(report.singleSource.filter((f) => f.singleSource === c.firm).map(flow)),
    ]),
  };
}
