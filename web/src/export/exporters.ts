import type { Compare } from "../../../model/api/analysis.ts";
import { ID_PATTERN } from "../../../model/id-pattern.ts";
import { neutralizeFormula } from "../../../model/spreadsheet-text.ts";
import { entityName, type Lang } from "../i18n/i18n.ts";
import type { MessageKey } from "../i18n/messages.ts";

/**
 * What each export button produces and how it is asked for. Images are drawn in the browser
 * (Cytoscape), data files come from POST /api/export with the ids in view, the report is a page.
 */
export type ExportFormat = "png" | "svg" | "csv-nodes" | "csv-edges" | "xlsx" | "graphml" | "gexf" | "json";

export const EXPORT_FORMATS: { format: ExportFormat; label: MessageKey; ext: string; source: "browser" | "api" }[] = [
  { format: "png", label: "export.png", ext: "png", source: "browser" },
  { format: "svg", label: "export.svg", ext: "svg", source: "browser" },
  { format: "csv-nodes", label: "export.csvNodes", ext: "csv", source: "api" },
  { format: "csv-edges", label: "export.csvEdges", ext: "csv", source: "api" },
  { format: "xlsx", label: "export.xlsx", ext: "xlsx", source: "api" },
  { format: "graphml", label: "export.graphml", ext: "graphml", source: "api" },
  { format: "gexf", label: "export.gexf", ext: "gexf", source: "api" },
  { format: "json", label: "export.json", ext: "json", source: "api" },
];

/** The request for a data export: only real entity ids travel (lanes and count nodes are drawing aids). */
export function exportRequest(
  format: ExportFormat,
  ids: { nodeIds: string[]; edgeIds: string[] },
): { url: string; body: { nodeIds: string[]; edgeIds?: string[] } } {
  const nodeIds = [...new Set(ids.nodeIds.filter((id) => ID_PATTERN.test(id) && !id.startsWith("lane:") && !id.startsWith("more:")))];
  const params = new URLSearchParams();
  if (format === "csv-nodes" || format === "csv-edges") {
    params.set("format", "csv");
    params.set("table", format === "csv-nodes" ? "nodes" : "edges");
  } else if (format === "png" || format === "svg") {
    throw new Error(`${format} is drawn in the browser, not exported by the API`);
  } else params.set("format", format);
  const edgeIds = [...new Set(ids.edgeIds)];
  return { url: `/api/export?${params}`, body: edgeIds.length > 0 ? { nodeIds, edgeIds } : { nodeIds } };
}

/** A file name that is safe on Windows and macOS but keeps Chinese readable: `产业链图谱_莲都区_美丽健康_2026-11-21.png`. */
export function exportFileName(parts: (string | undefined)[], ext: string, date = new Date()): string {
  const day = date.toISOString().slice(0, 10);
  const clean = parts
    .filter((part): part is string => !!part && part.trim() !== "")
    .map((part) =>
      part
        .replace(/[\\/:*?"<>|\s]+/g, "-")
        .replace(/-+/g, "-")
        .replace(/^-|-$/g, ""),
    )
    .filter(Boolean);
  return `${[...clean, day].join("_")}.${ext}`;
}

/** The name in a Content-Disposition header, preferring the UTF-8 form (`filename*=UTF-8''…`). */
export function fileNameFromDisposition(header: string | null): string | undefined {
  if (!header) return undefined;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ""));
    } catch {
      // fall through to the plain form
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header);
  return plain?.[1]?.trim();
}

function csvCell(value: string | number): string {
  // A leading = + - @ (tab, CR) would run as a formula in Excel: the shared rule prefixes it.
  const safe = String(neutralizeFormula(value));
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The compare matrix as CSV (with a BOM so Excel opens the Chinese correctly): one row per region. */
export function compareCsv(compare: Compare, lang: Lang): string {
  const header = [lang === "zh" ? "区域" : "Region", ...compare.segments.map((segment) => entityName(segment, lang))];
  const cell = new Map(compare.cells.map((c) => [`${c.region}|${c.segment}`, c.firms]));
  const rows = compare.regions.map((region) => [
    entityName({ ...region, label: region.name ?? region.id }, lang),
    ...compare.segments.map((segment) => cell.get(`${region.id}|${segment.id}`) ?? 0),
  ]);
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
