import type { Elements } from "../../../model/api/elements.ts";

/** A small subgraph with the text that breaks naive writers: commas, quotes, line breaks, apostrophes, backslashes, markup, Chinese. */
export function sampleElements(): Elements {
  return {
    nodes: [
      {
        data: {
          id: "firm:nice-group",
          type: "firm",
          label: "纳爱斯集团",
          name: "纳爱斯集团",
          nameEn: "Nice Group",
          aliases: ["纳爱斯"],
          tags: ["龙头", "规上"],
          description: '日化龙头, "链主"\n第二行 <b>&</b> it\'s a \\ test',
          sources: [{ doc: "doc:lianzhou-2024", quote: "纳爱斯集团作为区域内链主型龙头企业。" }],
        },
      },
      {
        data: {
          id: "fund:health",
          type: "fund",
          label: "健康产业基金",
          name: "健康产业基金",
          sizeYuan: 1_000_000_000,
          sources: [],
          assumption: "规模取自报道",
        },
      },
      { data: { id: "region:lianzhou", type: "region", label: "莲都区", name: "莲都区", kind: "district", aliases: [], sources: [] } },
    ],
    edges: [
      {
        data: {
          id: "fund:health|INVESTS_IN|firm:nice-group",
          source: "fund:health",
          target: "firm:nice-group",
          type: "INVESTS_IN",
          amountYuan: 2.5e7,
          sources: [{ doc: "doc:lianzhou-2024", quote: "基金投资纳爱斯。" }],
        },
      },
      {
        data: {
          id: "firm:nice-group|LOCATED_IN|region:lianzhou|region:lianzhou|2024",
          source: "firm:nice-group",
          target: "region:lianzhou",
          type: "LOCATED_IN",
          sources: [],
        },
      },
    ],
  };
}
