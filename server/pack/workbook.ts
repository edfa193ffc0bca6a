import ExcelJS from "exceljs";
import { xlsxText } from "../../model/spreadsheet-text.ts";
import { columns, listIn, nameIn, type PackLang, valueWord, word } from "./labels.ts";
import { type Citation, citations, type PackData } from "./pack-data.ts";
import { resilienceSheet } from "./resilience-sheet.ts";
import { sourceLine } from "./source-line.ts";

type Cell = string | number | null;

/** One list of the workbook; a new list is one more Sheet in `packSheets` (or appended by the caller). */
export interface Sheet {
  name: { zh: string; en: string };
  columns: { zh: string; en: string; width?: number }[];
  rows: Cell[][];
}

/** The header block above every sheet's table: region, chain, dates; the table starts below it. */
export const HEADER_BLOCK_ROWS = 6;

/** The six 清单 as tables, from the same lists the API returns. */
export function packSheets(data: PackData, lang: PackLang): Sheet[] {
  const segmentName = new Map(data.gaps.segments.map((s) => [s.id, nameIn(s, lang)]));
  const segmentNames = (ids: string[]) =>
    listIn(
      ids.map((s) => segmentName.get(s) ?? s),
      lang,
    );
  const pointById = new Map(data.distribution.points.map((p) => [p.id, p]));
  const docById = new Map(data.documents.map((d) => [d.id, d]));
  const quoteText = (sources: { doc: string; quote: string }[]) => sources.map((s) => sourceLine(s, docById.get(s.doc), lang)).join("\n");
  const routeStep = new Map(data.targets.route.steps.map((s) => [s.firm.id, s.step]));
  const firms = data.map.elements.nodes.map((n) => n.data).filter((n) => n.type === "firm");
  const projects = data.distribution.points.filter((p) => p.kind === "project");
  const allCitations = citations(data, lang);
  const strings = (value: unknown) => (Array.isArray(value) ? (value as string[]) : []);

  return [
    {
      name: { zh: "重点企业清单", en: "Key firms" },
      columns: columns("no", "firm", "segments", "leader", "tags", "products", "region", "lng", "lat", "sources"),
      rows: firms.map((f, i) => {
        const point = pointById.get(f.id);
        return [
          i + 1,
          nameIn(f, lang),
          segmentNames(strings(f.segments)),
          f.leader === true ? word("yes", lang) : "",
          listIn(
            strings(f.tags).map((tag) => valueWord("tag", tag, lang)),
            lang,
          ),
          listIn(strings(f.products), lang),
          point ? point.regionName : "",
          typeof f.lng === "number" ? f.lng : null,
          typeof f.lat === "number" ? f.lat : null,
          quoteText(f.sources),
        ];
      }),
    },
    {
      name: { zh: "重点项目清单", en: "Key projects" },
      columns: columns("no", "project", "segment", "status", "investment", "region", "lng", "lat", "position", "sources"),
      rows: projects.map((p, i) => [
        i + 1,
        nameIn(p, lang),
        p.segment ? (segmentName.get(p.segment) ?? p.segmentName ?? p.segment) : "",
        p.status ? valueWord("status", p.status, lang) : "",
        p.investmentYuan === undefined ? null : Math.round(p.investmentYuan / 1e6) / 100,
        p.regionName,
        p.approximate ? null : (p.lng ?? null),
        p.approximate ? null : (p.lat ?? null),
        word(p.approximate ? "regionCentre" : "coordinates", lang),
        quoteText(p.sources),
      ]),
    },
    {
      name: { zh: "短板问题清单", en: "Gaps" },
      columns: columns("rank", "priority", "kind", "severity", "segment", "finding", "nextStep", "evidenceIds", "evidenceQuotes"),
      rows: data.gaps.findings.map((f, i) => [
        i + 1,
        Math.round(f.priority * 100) / 100,
        valueWord("kind", f.kind, lang),
        valueWord("severity", f.severity, lang),
        f.segment ? (segmentName.get(f.segment) ?? f.segment) : "",
        f.message[lang],
        valueWord("action", f.nextAction, lang),
        `${f.evidence.nodeIds.length}/${f.evidence.edgeIds.length}`,
        quoteText(f.evidence.sources),
      ]),
    },
    {
      name: { zh: "招商目标清单", en: "Recruitment targets" },
      columns: columns("rank", "firm", "locatedIn", "closesGaps", "score", "routeStep", "reasons", "publicSources"),
      rows: data.targets.targets.map((t) => [
        t.rank,
        nameIn(t.firm, lang),
        listIn(t.locatedIn, lang),
        segmentNames(t.gaps),
        Math.round(t.score * 100) / 100,
        routeStep.get(t.firm.id) ?? null,
        t.reasons.map((r) => r.message[lang]).join("\n"),
        quoteText(t.firm.sources),
      ]),
    },
    {
      name: { zh: "政策与来源清单", en: "Policies & sources" },
      columns: columns("no", "document", "outlet", "date", "file", "quotesUsedFor"),
      rows: data.documents.map((d, i) => [i + 1, d.title, d.outlet ?? "", d.date ?? "", d.file ?? "", quotesFor(d.id, allCitations, lang)]),
    },
    resilienceSheet(data.resilience, lang),
  ];
}

function quotesFor(doc: string, all: Citation[], lang: PackLang): string {
  const byQuote = new Map<string, string[]>();
  for (const c of all.filter((c) => c.doc === doc)) byQuote.set(c.quote, [...(byQuote.get(c.quote) ?? []), c.usedBy]);
  const usedFor = (users: string[]) => listIn([...new Set(users)].slice(0, 5), lang);
  return [...byQuote.entries()]
    .map(([quote, users]) => (lang === "zh" ? `“${quote}”（${usedFor(users)}）` : `“${quote}” (${usedFor(users)})`))
    .join("\n");
}

export interface HeaderBlock {
  region: string;
  chain: string;
  generated: string;
  dataAsOf: string;
}

const cell = (value: Cell) => (typeof value === "string" ? xlsxText(value).slice(0, 32_767) : value);

/**
 * The workbook: one sheet per list, each opening with the header block (region, chain, date,
 * data as of) and a frozen, filtered table header. The generated date is the only cell that
 * changes between two identical requests; the ZIP inside is re-packed with a fixed time by the
 * caller (zip.ts), so the bytes are otherwise the same.
 */
export async function writePackWorkbook(sheets: Sheet[], header: HeaderBlock, lang: PackLang, fixedTime: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Chain Atlas";
  workbook.created = fixedTime;
  workbook.modified = fixedTime;
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name[lang], { views: [{ state: "frozen", ySplit: HEADER_BLOCK_ROWS }] });
    ws.columns = sheet.columns.map((c) => ({ width: c.width ?? 16 }));
    const block: [string, string][] = [
      [word("headerRegion", lang), header.region],
      [word("headerChain", lang), header.chain],
      [word("headerGenerated", lang), header.generated],
      [word("headerAsOf", lang), header.dataAsOf],
    ];
    ws.addRow([cell(sheet.name[lang])]).font = { bold: true, size: 14 };
    for (const [label, value] of block) ws.addRow([cell(label), cell(value)]).getCell(1).font = { bold: true };
    const head = ws.addRow(sheet.columns.map((c) => cell(c[lang])));
    head.font = { bold: true };
    head.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE2E8F0" } };
    for (const row of sheet.rows) ws.addRow(row.map(cell)).alignment = { wrapText: true, vertical: "top" };
    ws.autoFilter = { from: { row: HEADER_BLOCK_ROWS, column: 1 }, to: { row: HEADER_BLOCK_ROWS, column: sheet.columns.length } };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
