/** The language of a table's header row: CSV and XLSX are read by people, in the UI's language. */
export type HeaderLang = "zh" | "en";

/** Chinese names for the columns planners meet; an attribute not listed keeps its key. */
const ZH: Record<string, string> = {
  id: "编号",
  type: "类型",
  label: "名称",
  nameEn: "英文名",
  source: "起点",
  target: "终点",
  assumption: "建模假设",
  sources: "来源（文件: 原文）",
  description: "简介",
  kind: "类别",
  aliases: "别名",
  stage: "阶段",
  status: "状态",
  products: "产品",
  product: "产品",
  sizeYuan: "规模（元）",
  investmentYuan: "投资额（元）",
  firstCloseYuan: "首期规模（元）",
  openingDate: "开放日期",
  marketScope: "市场范围",
  areaMu: "面积（亩）",
  floorSpaceM2: "建筑面积（平方米）",
  areaKm2: "面积（平方公里）",
  tags: "标签",
  role: "角色",
  period: "时期",
  plans: "计划",
  chainChief: "链长",
  region: "区域",
  leader: "链主",
  aboveScale: "规上企业",
  segments: "所在环节",
  parentSegment: "上级环节",
  chain: "产业链",
  gapStatus: "缺口状态",
  synthetic: "示例数据（非事实）",
};

export function columnTitle(column: string, lang: HeaderLang): string {
  return lang === "zh" ? (ZH[column] ?? column) : column;
}

export function sheetNames(lang: HeaderLang): { nodes: string; edges: string } {
  return lang === "zh" ? { nodes: "节点", edges: "关系" } : { nodes: "Nodes", edges: "Edges" };
}
