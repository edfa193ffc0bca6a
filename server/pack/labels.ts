/**
 * The words of the 图表包 and the PDF report in both languages; `lang` picks one, the other is
 * never mixed in. Each table is one row per word, `[中文, English]`, so a word is written once.
 */
import type { PackLang } from "../../model/api/pack.ts";

export type { PackLang };

type Pair = readonly [zh: string, en: string];

const WORDS = {
  chainMap: ["产业链图", "Chain map"],
  distribution: ["区域分布图", "Regional distribution map"],
  route: ["招商路线图", "Recruitment route"],
  upstream: ["上游", "Upstream"],
  midstream: ["中游", "Midstream"],
  downstream: ["下游", "Downstream"],
  legend: ["图例", "Legend"],
  missing: ["缺链（本地无企业）", "Missing (no local firm)"],
  thin: ["弱链（企业偏少）", "Thin (few firms)"],
  missingShort: ["缺链", "missing"],
  thinShort: ["弱链", "thin"],
  unjudged: ["细分环节（未单列判断）", "Sub-segment (not judged alone)"],
  covered: ["已有布局", "Covered"],
  feeds: ["供需流向", "Expected flow"],
  broken: ["断链（流向无本地配套）", "Broken flow"],
  firms: ["本地企业", "local firms"],
  aboveScale: ["规上", "above-scale"],
  leader: ["链主", "Leader"],
  firm: ["企业", "Firm"],
  park: ["园区平台", "Park"],
  project: ["项目", "Project"],
  approximate: ["位置为所在区域中心（近似）", "At its region's centre (approximate)"],
  cluster: ["聚合点（数字为个数）", "Cluster (count)"],
  schematic: [
    "示意图：未上传行政边界，按区域层级排列，数字为各环节企业数",
    "Schematic: no boundary uploaded; regions as tiles with firm counts per segment",
  ],
  noSegment: ["服务全链", "Serves the chain"],
  step: ["第{n}步", "Step {n}"],
  closes: ["补齐", "closes"],
  unclosed: ["暂无合适候选", "no candidate yet"],
  gapOrder: ["缺口环节（按优先级）", "Gap segments (by priority)"],
  proposed: ["建议招引", "Proposed"],
  why: ["理由", "Why"],
  score: ["得分", "score"],
  generated: ["生成日期 {date}　资料截至 {asOf}", "Generated {date} · data as of {asOf}"],
  source: [
    "来源：Chain Atlas 产业链图谱，依据公开资料（见《政策与来源清单》）",
    "Source: Chain Atlas, from public documents (see the Policies & sources sheet)",
  ],
  approval: ["审图号：{n}", "Map approval No.: {n}"],
  routeMethod: [
    "方法：在排名靠前的候选中做贪心加权集合覆盖，用最少的招引对象补齐最多的缺口环节",
    "Method: greedy weighted set cover over the best-ranked candidates — fewest recruits closing the most gap segments",
  ],
  noRoute: ["当前没有缺链或弱链环节，无需招商补链", "No missing or thin segments: nothing to recruit for"],
  yes: ["是", "yes"],
  regionCentre: ["区域中心（近似）", "region centre (approx.)"],
  coordinates: ["坐标", "coordinates"],
  headerRegion: ["区域", "Region"],
  headerChain: ["产业链", "Chain"],
  headerGenerated: ["生成日期", "Generated"],
  headerAsOf: ["资料截至", "Data as of"],
  // The PDF report: the sections of the report view (web/src/views/report.ts), in its order.
  reportTitle: ["{region}{chain}分析报告", "{chain} in {region}: chain report"],
  reportByline: [
    "生成日期：{date} · 依据 {sources} 份公开文件（见“资料来源”）· 产业链图谱",
    "Generated {date} · from {sources} public documents (see Sources) · Chain Atlas",
  ],
  figCompleteness: ["链条完整度", "Completeness"],
  figCovered: ["有本地企业的环节", "Segments with local firms"],
  figMissing: ["缺链", "Missing"],
  figThin: ["弱链", "Thin"],
  figBroken: ["断链", "Broken links"],
  figLeaders: ["链主企业", "Chain leaders"],
  coverage: ["{stage}：{covered}/{segments} 个环节有本地企业", "{stage}: {covered} of {segments} segments with local firms"],
  diagramCaption: [
    "链图：环节按上游、中游、下游排列，缺链和弱链标在对应的环节框上。",
    "Chain map: segments by stage; missing and thin segments are marked on their boxes.",
  ],
  findingsHeading: ["短板问题（按优先级）", "Findings (by priority)"],
  targetsHeading: ["招商目标（排名）", "Recruitment targets (ranked)"],
  matchmakingHeading: ["供需对接", "Matchmaking"],
  sourcesHeading: ["资料来源", "Sources"],
  noFindings: ["未发现短板问题。", "No findings."],
  noGaps: ["没有缺链或弱链环节，无需招商。", "No missing or thin segments to recruit for."],
  noTargets: ["暂无合适的招商候选。", "No candidates yet."],
  noMatchmaking: ["目前没有可对接的本地供需企业。", "No local supplier–buyer pairs to introduce yet."],
  evidence: ["证据", "Evidence"],
  nextStep: ["下一步", "Next step"],
  supplier: ["供应方", "Supplier"],
  buyer: ["采购方", "Buyer"],
  moreFindings: ["另有 {n} 条问题见《短板问题清单》", "{n} more findings in the Gaps sheet of the pack"],
} as const satisfies Record<string, Pair>;

export type WordKey = keyof typeof WORDS;

const fill = (template: string, vars: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ""));

export function word(key: WordKey, lang: PackLang, vars: Record<string, string | number> = {}): string {
  return fill(WORDS[key][lang === "zh" ? 0 : 1], vars);
}

/** The data's enumerated values (model/domain.ts) in the pack's language; a value not listed shows as stored. */
const VALUES: Record<string, Record<string, Pair>> = {
  kind: {
    "missing-segment": ["缺链", "Missing segment"],
    "thin-segment": ["弱链", "Thin segment"],
    "broken-link": ["断链", "Broken flow"],
    "no-leader": ["缺链主", "No leader"],
    "single-leader": ["单一链主", "Single leader"],
    "weak-leader-ties": ["链主本地配套弱", "Weak leader ties"],
    "support-gap": ["服务支撑缺口", "Support gap"],
  },
  action: { targets: ["招商补链", "Recruit"], matchmaking: ["供需对接", "Matchmaking"], support: ["补平台/服务", "Add support"] },
  enclaves: {
    home: ["计入飞出地", "counted at home"],
    host: ["计入所在地", "counted where they sit"],
    both: ["两地都计入", "counted in both"],
  },
  severity: { high: ["高", "high"], medium: ["中", "medium"], low: ["低", "low"] },
  status: {
    planned: ["规划中", "planned"],
    signed: ["已签约", "signed"],
    "under-construction": ["在建", "under construction"],
    operating: ["已运营", "operating"],
  },
  tag: {
    规上: ["规上", "above-scale"],
    专精特新: ["专精特新", "specialised & innovative SME"],
    小巨人: ["小巨人", "little giant"],
    高新技术: ["高新技术", "high-tech"],
    独角兽: ["独角兽", "unicorn"],
    上市: ["上市", "listed"],
    龙头: ["龙头", "leading firm"],
  },
};

export type ValueKind = "kind" | "action" | "enclaves" | "severity" | "status" | "tag";

export function valueWord(kind: ValueKind, value: string, lang: PackLang): string {
  const pair = VALUES[kind]?.[value];
  return pair ? pair[lang === "zh" ? 0 : 1] : value;
}

/** Every column header of the workbook, once: `[中文, English, width]`. */
const COLUMNS = {
  no: ["序号", "No.", 6],
  rank: ["排序", "Rank", 6],
  firm: ["企业名称", "Firm", 28],
  project: ["项目名称", "Project", 32],
  segment: ["环节", "Segment", 20],
  segments: ["所属环节", "Segments", 24],
  leader: ["链主", "Leader", 6],
  tags: ["标签", "Tags", 16],
  products: ["主要产品", "Products", 24],
  region: ["所在区域", "Region", 12],
  locatedIn: ["所在地", "Located in", 16],
  lng: ["经度", "Longitude", 10],
  lat: ["纬度", "Latitude", 10],
  position: ["位置", "Position", 12],
  status: ["状态", "Status", 12],
  investment: ["投资额(亿元)", "Investment (100M yuan)", 12],
  priority: ["优先级得分", "Priority", 10],
  kind: ["类型", "Kind", 14],
  severity: ["严重程度", "Severity", 10],
  finding: ["问题", "Finding", 60],
  nextStep: ["建议", "Next step", 14],
  evidenceIds: ["证据（节点/关系）", "Evidence (nodes/edges)", 16],
  evidenceQuotes: ["证据引文", "Evidence quotes", 70],
  closesGaps: ["可补缺口", "Closes gaps", 24],
  score: ["得分", "Score", 8],
  routeStep: ["路线步骤", "Route step", 8],
  reasons: ["理由", "Reasons", 70],
  publicSources: ["公开来源", "Public sources", 60],
  sources: ["来源", "Sources", 60],
  document: ["文件标题", "Document", 40],
  outlet: ["发布方", "Outlet", 18],
  date: ["日期", "Date", 12],
  file: ["文件", "File", 24],
  quotesUsedFor: ["引文（用于）", "Quotes (used for)", 90],
  impact: ["影响分", "Impact", 8],
  cutPoint: ["断点（割点）", "Cut point", 8],
  betweenness: ["中介中心性", "Betweenness", 10],
  segmentsLeftEmpty: ["变为缺失的环节", "Segments left empty", 24],
  flowsOpened: ["不再本地闭合的供需", "Flows no longer closed locally", 30],
  leadersOrphaned: ["失去全部本地供应商的链主", "Leaders left without local suppliers", 24],
  suppliesAlone: ["唯一供应的供需环节", "Flows it supplies alone", 30],
} as const satisfies Record<string, readonly [string, string, number]>;

export type ColumnKey = keyof typeof COLUMNS;

/** Column headers by key, in both languages, with their widths (the workbook's `Sheet.columns`). */
export function columns(...keys: ColumnKey[]): { zh: string; en: string; width: number }[] {
  return keys.map((key) => {
    const [zh, en, width] = COLUMNS[key];
    return { zh, en, width };
  });
}

/** A node's name in the pack's language: the English name when asked for and known. */
export function nameIn(node: { name?: unknown; nameEn?: unknown; label?: unknown; id: string }, lang: PackLang): string {
  if (lang === "en" && typeof node.nameEn === "string" && node.nameEn) return node.nameEn;
  if (typeof node.name === "string" && node.name) return node.name;
  return typeof node.label === "string" ? node.label : node.id;
}

/** Several names joined the language's way: 、 in Chinese, a comma in English. */
export function listIn(names: string[], lang: PackLang): string {
  return names.join(lang === "zh" ? "、" : ", ");
}

/** Sentences or clauses joined: ； in Chinese, a semicolon in English. */
export function clausesIn(parts: string[], lang: PackLang): string {
  return parts.join(lang === "zh" ? "；" : "; ");
}

/** "标签：内容" / "Label: content". */
export function labelled(label: string, content: string, lang: PackLang): string {
  return `${label}${lang === "zh" ? "：" : ": "}${content}`;
}

/** An aside after a name: （…） in Chinese, " (…)" in English. */
export function aside(inner: string, lang: PackLang): string {
  return lang === "zh" ? `（${inner}）` : ` (${inner})`;
}

export const STAGE_ORDER = ["upstream", "midstream", "downstream"] as const;
