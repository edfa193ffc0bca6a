import PDFDocument from "pdfkit";
import { CJK_POSTSCRIPT_NAME, cjkFontFile } from "./fonts.ts";
import { type PackLang, word } from "./labels.ts";
import type { PackData } from "./pack-data.ts";

export interface ReportPictures {
  chainMap: Buffer;
  distribution: Buffer;
  route: Buffer;
}

const FINDINGS_LISTED = 20;
const TARGETS_LISTED = 15;

/**
 * The report as a PDF (A4 landscape), the same sections as the printable report view: title and
 * the three pictures first, then the prioritised findings with their evidence, the ranked
 * targets and every document cited. pdfkit embeds a subset of the CJK font, so the file reads
 * the same anywhere.
 */
export function writeReportPdf(
  data: PackData,
  pictures: ReportPictures,
  lang: PackLang,
  dates: { generated: string; dataAsOf: string },
  title: string,
  fontFile: string,
): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", layout: "landscape", margin: 36, info: { Title: title, Creator: "Chain Atlas" } });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.registerFont("cjk", cjkFontFile(fontFile), CJK_POSTSCRIPT_NAME);
  doc.font("cjk");
  const width = doc.page.width - 72;
  const height = doc.page.height - 72;

  doc.fontSize(20).text(title);
  doc
    .fontSize(10)
    .fillColor("#4a5568")
    .text(word("generated", lang, { date: dates.generated, asOf: dates.dataAsOf }));
  doc.moveDown(0.5).fillColor("#000000");
  doc.image(pictures.chainMap, { fit: [width, height - 70], align: "center" });
  for (const picture of [pictures.distribution, pictures.route]) {
    doc.addPage();
    doc.image(picture, { fit: [width, height], align: "center" });
  }

  const section = (heading: string) => {
    doc.moveDown(0.8).fontSize(14).fillColor("#000000").text(heading).moveDown(0.3).fontSize(10);
  };
  doc.addPage();
  const summary = data.gaps.summary;
  section(lang === "zh" ? "概况" : "Summary");
  doc.text(
    [
      `${lang === "zh" ? "完整度" : "Completeness"} ${summary.completeness}/100`,
      ...(["upstream", "midstream", "downstream"] as const).map(
        (stage) => `${word(stage, lang)} ${summary.coverageByStage[stage].covered}/${summary.coverageByStage[stage].segments}`,
      ),
      `${lang === "zh" ? "问题" : "Findings"} ${data.gaps.findings.length}`,
    ].join("    "),
  );
  section(lang === "zh" ? "短板问题（按优先级）" : "Findings (by priority)");
  const docs = new Map(data.documents.map((d) => [d.id, d]));
  data.gaps.findings.slice(0, FINDINGS_LISTED).forEach((f, i) => {
    doc.fillColor("#000000").text(`${i + 1}. ${f.message[lang]}`);
    for (const s of f.evidence.sources.slice(0, 2)) {
      const d = docs.get(s.doc);
      doc.fillColor("#4a5568").text(`    “${s.quote}” —《${d?.title ?? s.doc}》${d?.date ?? ""}`);
    }
  });
  if (data.gaps.findings.length > FINDINGS_LISTED) doc.fillColor("#4a5568").text(`… +${data.gaps.findings.length - FINDINGS_LISTED}`);

  section(lang === "zh" ? "招商目标（排名）" : "Recruitment targets (ranked)");
  for (const t of data.targets.targets.slice(0, TARGETS_LISTED)) {
    doc
      .fillColor("#000000")
      .text(`${t.rank}. ${t.firm.label}（${t.locatedIn.join("、")}）  ${word("score", lang)} ${Math.round(t.score * 100) / 100}`);
    const why = t.reasons
      .slice(0, 2)
      .map((r) => r.message[lang])
      .join("；");
    if (why) doc.fillColor("#4a5568").text(`    ${why}`);
  }

  section(lang === "zh" ? "资料来源" : "Sources");
  for (const d of data.documents) doc.fillColor("#000000").text(`《${d.title}》 ${d.outlet ?? ""} ${d.date ?? ""}`);
  doc.end();
  return done;
}
