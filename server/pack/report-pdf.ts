import PDFDocument from "pdfkit";
import { STAGES } from "../../model/domain.ts";
import { citedSources, findingsByPriority, headlineFigures, matchmakingPairs } from "../../model/report-outline.ts";
import { CJK_POSTSCRIPT_NAME, cjkFontFile } from "./fonts.ts";
import { aside, clausesIn, labelled, listIn, nameIn, type PackLang, valueWord, type WordKey, word } from "./labels.ts";
import type { ReportData } from "./report-data.ts";
import { sourceLine } from "./source-line.ts";

const MARGIN = 40;
const GREY = "#4a5568";
const BLACK = "#000000";
const QUOTES_PER_DOCUMENT = 3;
const EVIDENCE_PER_FINDING = 2;
const isGap = (f: { kind: string }) => f.kind === "missing-segment" || f.kind === "thin-segment";

export interface ReportPdfInput {
  data: ReportData;
  lang: PackLang;
  title: string;
  /** yyyy-mm-dd, printed in the byline. */
  generated: string;
  /** The one timestamp of the file (its creation date). */
  now: Date;
  /** The chain map as PNG (the pack's 产业链图), for page 1. */
  chainMapPng: Buffer;
  fontFile: string;
}

/**
 * The gap report as a PDF (A4), the sections of the report view in its order: page 1 holds the
 * title, byline, headline figures, coverage by stage and the chain map; then the findings by
 * priority with their evidence, the ranked targets (GET /targets over every gap), matchmaking and every
 * document cited with its date and quotes. Each section is a bookmark. pdfkit embeds a subset of
 * the CJK font, so the file reads the same anywhere; every word comes from labels.ts in `lang`
 * (names, titles and quotes stay as published).
 */
export function writeReportPdf(input: ReportPdfInput): Promise<Buffer> {
  const { data, lang } = input;
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    lang: lang === "zh" ? "zh-CN" : "en",
    info: { Title: input.title, Creator: "Chain Atlas", CreationDate: input.now, ModDate: input.now },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.registerFont("cjk", cjkFontFile(input.fontFile), CJK_POSTSCRIPT_NAME);
  doc.font("cjk");
  const w = (key: WordKey, vars?: Record<string, string | number>) => word(key, lang, vars);
  const paren = (inner: string) => aside(inner, lang);
  const segmentName = new Map(data.gaps.segments.map((s) => [s.id, nameIn(s, lang)]));

  const line = (content: string, size: number, colour = BLACK, indent = 0) =>
    doc
      .fontSize(size)
      .fillColor(colour)
      .text(content, MARGIN + indent, undefined, { width: doc.page.width - 2 * MARGIN - indent });
  const heading = (key: WordKey) => {
    if (doc.y > doc.page.height - 160) doc.addPage();
    doc.moveDown(0.8);
    doc.outline.addItem(w(key));
    line(w(key), 15);
    doc.moveDown(0.3);
  };

  coverPage(doc, input);

  doc.addPage();
  heading("findingsHeading");
  if (data.gaps.findings.length === 0) line(w("noFindings"), 10, GREY);
  findingsByPriority(data.gaps.findings).forEach((f, i) => {
    const segment = f.segment ? ` · ${segmentName.get(f.segment) ?? f.segment}` : "";
    doc.moveDown(0.3);
    line(`${i + 1}. ${paren(valueWord("severity", f.severity, lang)).trim()} ${valueWord("kind", f.kind, lang)}${segment}`, 10.5);
    line(f.message[lang], 10, BLACK, 14);
    line(labelled(w("nextStep"), valueWord("action", f.nextAction, lang), lang), 9, GREY, 14);
    for (const s of f.evidence.sources.slice(0, EVIDENCE_PER_FINDING)) {
      line(labelled(w("evidence"), sourceLine(s, data.documents.get(s.doc), lang), lang), 8.5, GREY, 14);
    }
  });

  heading("targetsHeading");
  if (data.targets.targets.length === 0) line(w(data.gaps.findings.some(isGap) ? "noTargets" : "noGaps"), 10, GREY);
  for (const target of data.targets.targets) {
    const where = target.locatedIn.length ? paren(listIn(target.locatedIn, lang)) : "";
    doc.moveDown(0.2);
    line(`${target.rank}. ${nameIn(target.firm, lang)}${where}${lang === "zh" ? "　" : " · "}${w("score")} ${target.score.toFixed(1)}`, 10);
    const closes = listIn(
      target.gaps.map((id) => segmentName.get(id) ?? id),
      lang,
    );
    line(labelled(w("closes"), closes, lang), 9, GREY, 14);
    for (const reason of target.reasons) line(`· ${reason.message[lang]}`, 8.5, GREY, 14);
  }

  heading("matchmakingHeading");
  const pairs = matchmakingPairs([data.targets]);
  if (pairs.length === 0) line(w("noMatchmaking"), 10, GREY);
  for (const pair of pairs) {
    line(`${nameIn(pair.supplier, lang)} → ${nameIn(pair.buyer, lang)}`, 10);
    line(pair.reason[lang], 8.5, GREY, 14);
  }

  heading("sourcesHeading");
  for (const [id, quotes] of citedSources(data.gaps)) {
    const d = data.documents.get(id);
    doc.moveDown(0.3);
    line(d?.title ?? id, 10);
    line([d?.outlet, d?.date].filter(Boolean).join(" · "), 8.5, GREY, 14);
    for (const quote of [...new Set(quotes)].slice(0, QUOTES_PER_DOCUMENT)) line(`“${quote}”`, 8.5, GREY, 14);
  }
  doc.end();
  return done;
}

/** Page 1: title, byline, the six headline figures in boxes, coverage by stage, the chain map. */
function coverPage(doc: PDFKit.PDFDocument, input: ReportPdfInput): void {
  const { data, lang } = input;
  const width = doc.page.width - 2 * MARGIN;
  doc.outline.addItem(input.title);
  doc.fontSize(18).fillColor(BLACK).text(input.title, { width });
  doc
    .fontSize(9)
    .fillColor(GREY)
    .text(word("reportByline", lang, { date: input.generated, sources: data.gaps.documents.length }), { width });
  doc.moveDown(0.6);

  const figures = headlineFigures(data.gaps);
  const gap = 8;
  const boxWidth = (width - gap * (figures.length - 1)) / figures.length;
  const top = doc.y;
  figures.forEach((figure, i) => {
    const x = MARGIN + i * (boxWidth + gap);
    doc.roundedRect(x, top, boxWidth, 46, 4).fillAndStroke("#f7fafc", "#cbd5e0");
    doc
      .fillColor(BLACK)
      .fontSize(16)
      .text(figure.value, x, top + 6, { width: boxWidth, align: "center" });
    doc
      .fillColor(GREY)
      .fontSize(7.5)
      .text(word(`fig${figure.id}`, lang), x + 2, top + 29, { width: boxWidth - 4, align: "center" });
  });
  doc.x = MARGIN;
  doc.y = top + 54;
  const coverage = STAGES.map((stage) => {
    const c = data.gaps.summary.coverageByStage[stage];
    return c ? word("coverage", lang, { stage: word(stage, lang), covered: c.covered, segments: c.segments }) : "";
  }).filter(Boolean);
  doc.fontSize(9).fillColor(BLACK).text(clausesIn(coverage, lang), { width });
  doc.moveDown(0.5);
  const room = doc.page.height - MARGIN - doc.y - 24;
  doc.image(input.chainMapPng, MARGIN, doc.y, { fit: [width, room], align: "center" });
  doc
    .fontSize(8)
    .fillColor(GREY)
    .text(word("diagramCaption", lang), MARGIN, doc.page.height - MARGIN - 14, { width, align: "center" });
}
