import type { Resilience } from "../../model/api/resilience.ts";
import type { PackLang } from "./labels.ts";
import type { Sheet } from "./workbook.ts";

/**
 * 韧性（卡脖子）清单: every local firm knocked out in turn, most critical first, as the API's
 * resilience report ranks them (/api/chains/:id/resilience), with the flows that hang on it alone.
 */
export function resilienceSheet(report: Resilience, lang: PackLang): Sheet {
  const segmentName = new Map(report.segments.map((s) => [s.id, lang === "en" && s.nameEn ? s.nameEn : s.name]));
  const seg = (id: string) => segmentName.get(id) ?? id;
  const flow = (f: { from: string; to: string }) => `${seg(f.from)} → ${seg(f.to)}`;
  const firmName = new Map(report.critical.map((c) => [c.firm, c.name]));
  const list = (items: string[]) => items.join(lang === "zh" ? "、" : ", ");
  const yes = lang === "zh" ? "是" : "yes";
  return {
    name: { zh: "韧性（卡脖子）清单", en: "Resilience (choke points)" },
    columns: [
      { zh: "排序", en: "Rank", width: 6 },
      { zh: "企业", en: "Firm", width: 28 },
      { zh: "影响分", en: "Impact", width: 8 },
      { zh: "链主", en: "Leader", width: 6 },
      { zh: "断点（割点）", en: "Cut point", width: 8 },
      { zh: "中介中心性", en: "Betweenness", width: 10 },
      { zh: "变为缺失的环节", en: "Segments left empty", width: 24 },
      { zh: "不再本地闭合的供需", en: "Flows no longer closed locally", width: 30 },
      { zh: "失去全部本地供应商的链主", en: "Leaders left without local suppliers", width: 24 },
      { zh: "唯一供应的供需环节", en: "Flows it supplies alone", width: 30 },
    ],
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
