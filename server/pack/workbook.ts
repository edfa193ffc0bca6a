import ExcelJS from "exceljs";
import { xlsxText } from "../../model/spreadsheet-text.ts";
import type { PackLang } from "./labels.ts";
import { type Citation, citations, type PackData } from "./pack-data.ts";
import { resilienceSheet } from "./resilience-sheet.ts";

type Cell = string | number | null;

export interface Sheet {
  name: { zh: string; en: string };
  columns: { zh: string; en: string; width?: number }[];
  rows: Cell[][];
}

/** The header block above every sheet's table: region, chain, dates; the table starts below it. */
export const HEADER_BLOCK_ROWS = 6;

const KIND_WORDS: Record<string, { zh: string; en: string }> = {
  "missing-segment": { zh: "缺链", en: "Missing segment" },
  "thin-segment": { zh: "弱链", en: "Thin segment" },
  "broken-link": { zh: "断链", en: "Broken flow" },
  "no-leader": { zh: "缺链主", en: "No leader" },
  "single-leader": { zh: "单一链主", en: "Single leader" },
  "weak-leader-ties": { zh: "链主本地配套弱", en: "Weak leader ties" },
  "support-gap": { zh: "服务支撑缺口", en: "Support gap" },
};
const ACTION_WORDS: Record<string, { zh: string; en: string }> = {
  targets: { zh: "招商补链", en: "Recruit" },
  matchmaking: { zh: "供需对接", en: "Matchmaking" },
  support: { zh: "补平台/服务", en: "Add support" },
};

const pick = (lang: PackLang, zh: string, en: string) => (lang === "zh" ? zh : en);
const nameOf = (n: { label?: string; name?: unknown; nameEn?: unknown; id: string }, lang: PackLang) =>
  lang === "en" && typeof n.nameEn === "string" ? n.nameEn : typeof n.name === "string" ? n.name : (n.label ?? n.id);

/** The six 清单 as tables, from the same lists the API returns. */
export function packSheets(data: PackData, lang: PackLang): Sheet[] {
  const segmentName = new Map(data.gaps.segments.map((s) => [s.id, lang === "en" && s.nameEn ? s.nameEn : s.name]));
  const pointById = new Map(data.distribution.points.map((p) => [p.id, p]));
  const docTitle = new Map(data.documents.map((d) => [d.id, d]));
  const quoteText = (sources: { doc: string; quote: string }[]) =>
    sources.map((s) => `《${docTitle.get(s.doc)?.title ?? s.doc}》${docTitle.get(s.doc)?.date ?? ""}：“${s.quote}”`).join("\n");
  const routeStep = new Map(data.targets.route.steps.map((s) => [s.firm.id, s.step]));
  const firms = data.map.elements.nodes.map((n) => n.data).filter((n) => n.type === "firm");
  const projects = data.distribution.points.filter((p) => p.kind === "project");
  const allCitations = citations(data);

  return [
    {
      name: { zh: "重点企业清单", en: "Key firms" },
      columns: [
        { zh: "序号", en: "No.", width: 6 },
        { zh: "企业名称", en: "Firm", width: 28 },
        { zh: "所属环节", en: "Segments", width: 24 },
        { zh: "链主", en: "Leader", width: 6 },
        { zh: "标签", en: "Tags", width: 16 },
        { zh: "主要产品", en: "Products", width: 24 },
        { zh: "所在区域", en: "Region", width: 12 },
        { zh: "经度", en: "Longitude", width: 10 },
        { zh: "纬度", en: "Latitude", width: 10 },
        { zh: "来源", en: "Sources", width: 60 },
      ],
      rows: firms.map((f, i) => {
        const point = pointById.get(f.id);
        return [
          i + 1,
          nameOf(f, lang),
          (Array.isArray(f.segments) ? (f.segments as string[]) : []).map((s) => segmentName.get(s) ?? s).join("、"),
          f.leader === true ? pick(lang, "是", "yes") : "",
          Array.isArray(f.tags) ? (f.tags as string[]).join("、") : "",
          Array.isArray(f.products) ? (f.products as string[]).join("、") : "",
          point?.regionName ?? "",
          typeof f.lng === "number" ? f.lng : null,
          typeof f.lat === "number" ? f.lat : null,
          quoteText(f.sources),
        ];
      }),
    },
    {
      name: { zh: "重点项目清单", en: "Key projects" },
      columns: [
        { zh: "序号", en: "No.", width: 6 },
        { zh: "项目名称", en: "Project", width: 32 },
        { zh: "所属环节", en: "Segment", width: 20 },
        { zh: "状态", en: "Status", width: 12 },
        { zh: "投资额(亿元)", en: "Investment (100M yuan)", width: 12 },
        { zh: "所在区域", en: "Region", width: 12 },
        { zh: "经度", en: "Longitude", width: 10 },
        { zh: "纬度", en: "Latitude", width: 10 },
        { zh: "位置", en: "Position", width: 12 },
        { zh: "来源", en: "Sources", width: 60 },
      ],
      rows: projects.map((p, i) => [
        i + 1,
        lang === "en" && p.nameEn ? p.nameEn : p.name,
        p.segment ? (segmentName.get(p.segment) ?? p.segmentName ?? p.segment) : "",
        p.status ?? "",
        p.investmentYuan === undefined ? null : Math.round(p.investmentYuan / 1e6) / 100,
        p.regionName,
        p.approximate ? null : (p.lng ?? null),
        p.approximate ? null : (p.lat ?? null),
        p.approximate ? pick(lang, "区域中心（近似）", "region centre (approx.)") : pick(lang, "坐标", "coordinates"),
        quoteText(p.sources),
      ]),
    },
    {
      name: { zh: "短板问题清单", en: "Gaps" },
      columns: [
        { zh: "排序", en: "Rank", width: 6 },
        { zh: "优先级得分", en: "Priority", width: 10 },
        { zh: "类型", en: "Kind", width: 14 },
        { zh: "严重程度", en: "Severity", width: 10 },
        { zh: "环节", en: "Segment", width: 20 },
        { zh: "问题", en: "Finding", width: 60 },
        { zh: "建议", en: "Next step", width: 14 },
        { zh: "证据（节点/关系）", en: "Evidence (nodes/edges)", width: 16 },
        { zh: "证据引文", en: "Evidence quotes", width: 70 },
      ],
      rows: data.gaps.findings.map((f, i) => [
        i + 1,
        Math.round(f.priority * 100) / 100,
        KIND_WORDS[f.kind]?.[lang] ?? f.kind,
        f.severity,
        f.segment ? (segmentName.get(f.segment) ?? f.segment) : "",
        f.message[lang],
        ACTION_WORDS[f.nextAction]?.[lang] ?? f.nextAction,
        `${f.evidence.nodeIds.length}/${f.evidence.edgeIds.length}`,
        quoteText(f.evidence.sources),
      ]),
    },
    {
      name: { zh: "招商目标清单", en: "Recruitment targets" },
      columns: [
        { zh: "排名", en: "Rank", width: 6 },
        { zh: "企业", en: "Firm", width: 28 },
        { zh: "所在地", en: "Located in", width: 16 },
        { zh: "可补缺口", en: "Closes gaps", width: 24 },
        { zh: "得分", en: "Score", width: 8 },
        { zh: "路线步骤", en: "Route step", width: 8 },
        { zh: "理由", en: "Reasons", width: 70 },
        { zh: "公开资料", en: "Public sources", width: 60 },
      ],
      rows: data.targets.targets.map((t) => [
        t.rank,
        nameOf(t.firm, lang),
        t.locatedIn.join("、"),
        t.gaps.map((g) => segmentName.get(g) ?? g).join("、"),
        Math.round(t.score * 100) / 100,
        routeStep.get(t.firm.id) ?? null,
        t.reasons.map((r) => r.message[lang]).join("\n"),
        quoteText(t.firm.sources),
      ]),
    },
    {
      name: { zh: "政策与来源清单", en: "Policies & sources" },
      columns: [
        { zh: "序号", en: "No.", width: 6 },
        { zh: "文件标题", en: "Document", width: 40 },
        { zh: "发布方", en: "Outlet", width: 18 },
        { zh: "日期", en: "Date", width: 12 },
        { zh: "文件", en: "File", width: 24 },
        { zh: "引文（用于）", en: "Quotes (used for)", width: 90 },
      ],
      rows: data.documents.map((d, i) => [i + 1, d.title, d.outlet ?? "", d.date ?? "", d.file ?? "", quotesFor(d.id, allCitations)]),
    },
    resilienceSheet(data.resilience, lang),
  ];
}

function quotesFor(doc: string, all: Citation[]): string {
  const byQuote = new Map<string, string[]>();
  for (const c of all.filter((c) => c.doc === doc)) byQuote.set(c.quote, [...(byQuote.get(c.quote) ?? []), c.usedBy]);
  return [...byQuote.entries()].map(([quote, users]) => `“${quote}”（${[...new Set(users)].slice(0, 5).join("、")}）`).join("\n");
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
      [pick(lang, "区域", "Region"), header.region],
      [pick(lang, "产业链", "Chain"), header.chain],
      [pick(lang, "生成日期", "Generated"), header.generated],
      [pick(lang, "资料截至", "Data as of"), header.dataAsOf],
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
