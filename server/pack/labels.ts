/** The words of the 图表包 in both languages; `lang` picks one, the other is never mixed in. */
import type { PackLang } from "../../model/api/pack.ts";

export type { PackLang };

const WORDS = {
  chainMap: { zh: "产业链图", en: "Chain map" },
  distribution: { zh: "区域分布图", en: "Regional distribution map" },
  route: { zh: "招商路线图", en: "Recruitment route" },
  upstream: { zh: "上游", en: "Upstream" },
  midstream: { zh: "中游", en: "Midstream" },
  downstream: { zh: "下游", en: "Downstream" },
  legend: { zh: "图例", en: "Legend" },
  missing: { zh: "缺链（本地无企业）", en: "Missing (no local firm)" },
  thin: { zh: "弱链（企业偏少）", en: "Thin (few firms)" },
  missingShort: { zh: "缺链", en: "missing" },
  thinShort: { zh: "弱链", en: "thin" },
  unjudged: { zh: "细分环节（未单列判断）", en: "Sub-segment (not judged alone)" },
  covered: { zh: "已有布局", en: "Covered" },
  feeds: { zh: "供需流向", en: "Expected flow" },
  broken: { zh: "断链（流向无本地配套）", en: "Broken flow" },
  firms: { zh: "本地企业", en: "local firms" },
  aboveScale: { zh: "规上", en: "above-scale" },
  leader: { zh: "链主", en: "Leader" },
  firm: { zh: "企业", en: "Firm" },
  park: { zh: "园区平台", en: "Park" },
  project: { zh: "项目", en: "Project" },
  approximate: { zh: "位置为所在区域中心（近似）", en: "At its region's centre (approximate)" },
  cluster: { zh: "聚合点（数字为个数）", en: "Cluster (count)" },
  schematic: {
    zh: "示意图：未上传行政边界，按区域层级排列，数字为各环节企业数",
    en: "Schematic: no boundary uploaded; regions as tiles with firm counts per segment",
  },
  noSegment: { zh: "服务全链", en: "Serves the chain" },
  step: { zh: "第{n}步", en: "Step {n}" },
  closes: { zh: "补齐", en: "closes" },
  unclosed: { zh: "暂无合适候选", en: "no candidate yet" },
  gapOrder: { zh: "缺口环节（按优先级）", en: "Gap segments (by priority)" },
  proposed: { zh: "建议招引", en: "Proposed" },
  why: { zh: "理由", en: "Why" },
  score: { zh: "得分", en: "score" },
  generated: { zh: "生成日期 {date}　资料截至 {asOf}", en: "Generated {date} · data as of {asOf}" },
  source: {
    zh: "来源：Chain Atlas 产业链图谱，依据公开资料（见《政策与来源清单》）",
    en: "Source: Chain Atlas, from public documents (see the Policies & sources sheet)",
  },
  approval: { zh: "审图号：{n}", en: "Map approval No. (审图号): {n}" },
  routeMethod: {
    zh: "方法：在排名靠前的候选中做贪心加权集合覆盖，用最少的招引对象补齐最多的缺口环节",
    en: "Method: greedy weighted set cover over the best-ranked candidates — fewest recruits closing the most gap segments",
  },
  noRoute: { zh: "当前没有缺链或弱链环节，无需招商补链", en: "No missing or thin segments: nothing to recruit for" },
} as const;

export type WordKey = keyof typeof WORDS;

export function word(key: WordKey, lang: PackLang, vars: Record<string, string | number> = {}): string {
  return WORDS[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ""));
}

/** A node's name in the pack's language: the English name when asked for and known. */
export function nameIn(node: { name?: unknown; nameEn?: unknown; label?: unknown; id: string }, lang: PackLang): string {
  if (lang === "en" && typeof node.nameEn === "string" && node.nameEn) return node.nameEn;
  if (typeof node.name === "string" && node.name) return node.name;
  return typeof node.label === "string" ? node.label : node.id;
}

export const STAGE_ORDER = ["upstream", "midstream", "downstream"] as const;
