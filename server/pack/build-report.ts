import type { Graph } from "../db/graph.ts";
import { chainMapSvg } from "./chain-map-svg.ts";
import { DEFAULT_CJK_FONT } from "./fonts.ts";
import { nameIn, type PackLang, word } from "./labels.ts";
import { dataAsOf, type PackQuery } from "./pack-data.ts";
import { pictureMeta, reportTitle } from "./picture-meta.ts";
import { svgToPng } from "./png.ts";
import { readReportData } from "./report-data.ts";
import { writeReportPdf } from "./report-pdf.ts";

export interface ReportFile {
  filename: string;
  body: Buffer;
}

/**
 * The gap report as a PDF on its own (GET /api/chains/:id/report.pdf, the report view's PDF
 * button): the same document the 图表包 holds, read and drawn without the rest of the pack.
 */
export async function buildReportPdf(
  graph: Graph,
  query: PackQuery & { lang: PackLang },
  options: { now?: Date; fontFile?: string } = {},
): Promise<ReportFile> {
  const { lang } = query;
  const now = options.now ?? new Date();
  const fontFile = options.fontFile ?? DEFAULT_CJK_FONT;
  const data = await readReportData(graph, query);
  const generated = now.toISOString().slice(0, 10);
  const asOf = dataAsOf([...data.documents.values()]);
  const chainMap = chainMapSvg(data.map, lang, pictureMeta(data.gaps, lang, { generated, asOf }, word("chainMap", lang)));
  const body = await writeReportPdf({
    data,
    lang,
    title: reportTitle(data.gaps, lang),
    generated,
    now,
    chainMapPng: svgToPng(chainMap, fontFile),
    fontFile,
  });
  const filename =
    lang === "zh"
      ? `${nameIn(data.gaps.region, lang)}-${nameIn(data.gaps.chain, lang)}-分析报告-${generated}.pdf`
      : `chain-report-${data.gaps.region.id.split(":")[1]}-${data.gaps.chain.id.split(":")[1]}-${generated}.pdf`;
  return { filename, body };
}
