/**
 * Colours and shapes per node and relationship type, shared by the stylesheet and the legend
 * so the two cannot drift apart. Colours keep ≥ 4.5:1 contrast for white text where text sits on them.
 */
export const NODE_TYPES = ["region", "chain", "segment", "organization", "firm", "fund", "institute", "park", "project", "figure"] as const;
export type NodeType = (typeof NODE_TYPES)[number];

export const NODE_LOOK: Record<NodeType, { color: string; shape: string }> = {
  region: { color: "#047857", shape: "round-hexagon" },
  chain: { color: "#6d28d9", shape: "round-diamond" },
  segment: { color: "#475569", shape: "round-rectangle" },
  organization: { color: "#334155", shape: "round-octagon" },
  firm: { color: "#1d4ed8", shape: "ellipse" },
  fund: { color: "#b45309", shape: "round-triangle" },
  institute: { color: "#be185d", shape: "round-pentagon" },
  park: { color: "#4d7c0f", shape: "round-tag" },
  project: { color: "#0e7490", shape: "round-rectangle" },
  figure: { color: "#6b7280", shape: "barrel" },
};

export const EDGE_COLORS: Record<string, string> = {
  SUPPLIES: "#1d4ed8",
  LEADS: "#b45309",
  FEEDS: "#475569",
  INVESTS_IN: "#c2410c",
  SPONSORS: "#c2410c",
  MANAGES: "#c2410c",
  COOPERATES_WITH: "#be185d",
  SERVES: "#be185d",
  HOSTS: "#4d7c0f",
  RUNS: "#0e7490",
  SUBSIDIARY_OF: "#6d28d9",
  IN_SEGMENT: "#94a3b8",
  SEGMENT_OF: "#94a3b8",
  EQUIVALENT_TO: "#94a3b8",
  SUB_SEGMENT_OF: "#94a3b8",
  LOCATED_IN: "#94a3b8",
  PART_OF: "#94a3b8",
  ENCLAVE_OF: "#047857",
  DEVELOPS: "#047857",
  FIGURE_OF: "#cbd5e1",
  ABOUT: "#cbd5e1",
};

export const RELATIONSHIP_NAMES: Record<string, { zh: string; en: string }> = {
  SUPPLIES: { zh: "供货", en: "supplies" },
  LEADS: { zh: "链主", en: "leads" },
  FEEDS: { zh: "环节流向", en: "feeds" },
  INVESTS_IN: { zh: "投资", en: "invests in" },
  SPONSORS: { zh: "出资/主办", en: "sponsors" },
  MANAGES: { zh: "管理", en: "manages" },
  COOPERATES_WITH: { zh: "合作", en: "cooperates with" },
  SERVES: { zh: "服务", en: "serves" },
  HOSTS: { zh: "入驻", en: "hosts" },
  RUNS: { zh: "建设项目", en: "runs" },
  SUBSIDIARY_OF: { zh: "子公司", en: "subsidiary of" },
  IN_SEGMENT: { zh: "所属环节", en: "in segment" },
  SEGMENT_OF: { zh: "环节属于", en: "segment of" },
  SUB_SEGMENT_OF: { zh: "子环节", en: "sub-segment of" },
  EQUIVALENT_TO: { zh: "同类环节", en: "same industry as" },
  LOCATED_IN: { zh: "位于", en: "located in" },
  PART_OF: { zh: "隶属", en: "part of" },
  ENCLAVE_OF: { zh: "飞地", en: "enclave of" },
  DEVELOPS: { zh: "发展产业", en: "develops" },
  FIGURE_OF: { zh: "指标", en: "figure of" },
  ABOUT: { zh: "关于", en: "about" },
};

export const MAP_COLORS = {
  lane: ["#eef4fb", "#f1f6ee", "#fbf3ea"],
  laneBorder: ["#c7d7ea", "#cfe0c6", "#ecd5b8"],
  segmentFill: "#ffffff",
  segmentBorder: "#64748b",
  missing: "#b91c1c",
  thin: "#b45309",
  broken: "#b91c1c",
  leader: "#b45309",
  leaderFill: "#fef3c7",
  firmFill: "#dbeafe",
  outsideFill: "#f1f5f9",
  highlight: "#db2777",
  synthetic: "#7c3aed",
  text: "#0f172a",
};

export function nodeLook(type: string) {
  return NODE_LOOK[type as NodeType] ?? { color: "#64748b", shape: "ellipse" };
}

export function edgeColor(type: string): string {
  return EDGE_COLORS[type] ?? "#94a3b8";
}
