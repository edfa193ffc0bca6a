import type { Graph } from "../db/graph.ts";
import { chainMapSvg } from "./chain-map-svg.ts";
import { distributionSvg } from "./distribution-svg.ts";
import { DEFAULT_CJK_FONT } from "./fonts.ts";
import { nameIn, type PackLang, word } from "./labels.ts";
import { dataAsOf, type PackData, type PackQuery, readPackData } from "./pack-data.ts";
import { pictureMeta, pictureTitle, reportTitle } from "./picture-meta.ts";
import { svgToPng } from "./png.ts";
import { packReadme } from "./readme.ts";
import { writeReportPdf } from "./report-pdf.ts";
import { routeSvg } from "./route-svg.ts";
import { packSheets, writePackWorkbook } from "./workbook.ts";
import { restampZip, writeZip } from "./zip.ts";

/** The time stamped inside the workbook's own ZIP, so two identical requests give the same bytes. */
const WORKBOOK_ZIP_TIME = new Date(2000, 0, 1);

export const PACK_FILES = {
  zh: {
    chainMap: "产业链图",
    distribution: "区域分布图",
    route: "招商路线图",
    workbook: "清单.xlsx",
    report: "报告.pdf",
    readme: "README.txt",
  },
  en: {
    chainMap: "chain-map",
    distribution: "distribution-map",
    route: "recruitment-route",
    workbook: "lists.xlsx",
    report: "report.pdf",
    readme: "README.txt",
  },
} as const;

export { pictureTitle };

export interface Pack {
  filename: string;
  body: Buffer;
  entries: string[];
}

/**
 * The 图表包 (N图N清单) for one chain in one region: three pictures as SVG and PNG, the five
 * lists in one workbook, the PDF report and a README, zipped. `now` is the one timestamp.
 */
export interface PackOptions {
  /** The one timestamp of the pack (ZIP entries, generated date); now by default. */
  now?: Date;
  /** The CJK font the PNGs and the PDF embed (Config.cjkFontFile). */
  fontFile?: string;
}

export async function buildPack(graph: Graph, query: PackQuery & { lang: PackLang }, options: PackOptions = {}): Promise<Pack> {
  const data = await readPackData(graph, query);
  return assemblePack(data, query.lang, options);
}

export async function assemblePack(data: PackData, lang: PackLang, options: PackOptions = {}): Promise<Pack> {
  const now = options.now ?? new Date();
  const fontFile = options.fontFile ?? DEFAULT_CJK_FONT;
  const files = PACK_FILES[lang];
  const generated = now.toISOString().slice(0, 10);
  const asOf = dataAsOf(data.documents);
  const approval = data.distribution.boundary?.approvalNumber;
  const meta = (picture: string) => pictureMeta(data.gaps, lang, { generated, asOf }, picture, approval);

  const svgs = {
    chainMap: chainMapSvg(data.map, lang, meta(word("chainMap", lang))),
    distribution: distributionSvg(data.distribution, lang, meta(word("distribution", lang))),
    route: routeSvg(data.gaps, data.targets, lang, meta(word("route", lang))),
  };
  const pngs = {
    chainMap: svgToPng(svgs.chainMap, fontFile),
    distribution: svgToPng(svgs.distribution, fontFile),
    route: svgToPng(svgs.route, fontFile),
  };
  const regionName = nameIn(data.gaps.region, lang);
  const chainName = nameIn(data.gaps.chain, lang);
  const sheets = packSheets(data, lang);
  const workbook = restampZip(
    await writePackWorkbook(sheets, { region: regionName, chain: chainName, generated, dataAsOf: asOf }, lang, WORKBOOK_ZIP_TIME),
    WORKBOOK_ZIP_TIME,
  );
  const report = await writeReportPdf({
    data: data.report,
    lang,
    title: reportTitle(data.gaps, lang),
    generated,
    now,
    chainMapPng: pngs.chainMap,
    fontFile,
  });
  const readme = packReadme(data, sheets, lang, { generated: now.toISOString(), dataAsOf: asOf, files });

  const encode = (text: string) => new TextEncoder().encode(text);
  const entries: [string, Uint8Array][] = [
    [files.readme, encode(readme)],
    [`${files.chainMap}.svg`, encode(svgs.chainMap)],
    [`${files.chainMap}.png`, pngs.chainMap],
    [`${files.distribution}.svg`, encode(svgs.distribution)],
    [`${files.distribution}.png`, pngs.distribution],
    [`${files.route}.svg`, encode(svgs.route)],
    [`${files.route}.png`, pngs.route],
    [files.workbook, workbook],
    [files.report, report],
  ];
  const filename =
    lang === "zh"
      ? `${regionName}-${chainName}-图表包-${generated}.zip`
      : `chain-pack-${data.gaps.region.id.split(":")[1]}-${data.gaps.chain.id.split(":")[1]}-${generated}.zip`;
  return { filename, body: writeZip(entries, now), entries: entries.map(([name]) => name) };
}
