import type { GapReport } from "../../model/api/analysis.ts";
import { nameIn, type PackLang, word } from "./labels.ts";
import type { PictureMeta } from "./svg-frame.ts";

/** "莲都区美丽健康产业链 · 产业链图": the region and chain once, then what the picture is. */
export function pictureTitle(region: string, chain: string, picture: string, lang: PackLang): string {
  return lang === "zh" ? `${region}${chain} · ${picture}` : `${picture}: ${chain}, ${region}`;
}

/** The frame's words for one picture of the chain in the region: title, subtitle, dates, source, 审图号. */
export function pictureMeta(
  gaps: Pick<GapReport, "region" | "chain">,
  lang: PackLang,
  dates: { generated: string; asOf: string },
  picture: string,
  approvalNumber?: string,
): PictureMeta {
  const regionName = nameIn(gaps.region, lang);
  const chainName = nameIn(gaps.chain, lang);
  return {
    title: pictureTitle(regionName, chainName, picture, lang),
    subtitle: lang === "zh" ? `区域：${regionName}　产业链：${chainName}` : `Region: ${regionName} · Chain: ${chainName}`,
    dated: word("generated", lang, { date: dates.generated, asOf: dates.asOf }),
    source: word("source", lang),
    ...(approvalNumber ? { approvalNumber: word("approval", lang, { n: approvalNumber }) } : {}),
  };
}

/** The report's title: "莲都区美丽健康产业链分析报告" / "Beauty & health in Liandu: chain report". */
export function reportTitle(gaps: Pick<GapReport, "region" | "chain">, lang: PackLang): string {
  const region = nameIn(gaps.region, lang);
  const chain = nameIn(gaps.chain, lang);
  return word("reportTitle", lang, { region, chain: lang === "zh" && !chain.endsWith("产业链") ? `${chain}产业链` : chain });
}
