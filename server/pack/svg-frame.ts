/**
 * The frame every picture of the 图表包 shares: title, subtitle, legend, the date and source line
 * and, when a planner's boundary file is in use, its 审图号 (an official map must carry it). Text
 * is measured with a CJK-aware estimate so labels wrap without a browser.
 */
export interface PictureMeta {
  title: string;
  subtitle: string;
  /** "来源：…" — the documents and tool behind the picture. */
  source: string;
  /** The line with the generated date and the data-as-of date. */
  dated: string;
  approvalNumber?: string;
}

export interface LegendItem {
  label: string;
  fill: string;
  stroke?: string;
  dashed?: boolean;
  shape?: "rect" | "circle" | "square" | "diamond" | "ring";
}

export const FONT_FAMILY = "Noto Sans CJK SC, Noto Sans SC, PingFang SC, Microsoft YaHei, sans-serif";
export const WIDTH = 1200;
const HEADER = 78;
const LEGEND_ROW = 26;

export function esc(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Rough rendered width: CJK and full-width characters one em, the rest about half. */
export function measure(value: string, size: number): number {
  let width = 0;
  for (const ch of value) width += /[\u2e80-\uffef]/.test(ch) ? size : size * 0.56;
  return width;
}

/** Lines of at most `maxWidth`, cut at any character (CJK has no spaces to wait for). */
export function wrap(value: string, size: number, maxWidth: number, maxLines = 3): string[] {
  const lines: string[] = [];
  let line = "";
  for (const ch of value) {
    if (measure(line + ch, size) > maxWidth && line) {
      lines.push(line);
      line = "";
      if (lines.length === maxLines) break;
    }
    line += ch;
  }
  if (lines.length < maxLines && line) lines.push(line);
  else if (line && lines.length === maxLines) lines[maxLines - 1] = `${(lines[maxLines - 1] ?? "").slice(0, -1)}…`;
  return lines;
}

interface TextOptions {
  size?: number;
  weight?: "normal" | "bold";
  anchor?: "start" | "middle" | "end";
  fill?: string;
}

export function text(x: number, y: number, content: string, options: TextOptions = {}): string {
  const { size = 13, weight = "normal", anchor = "start", fill = "#1a202c" } = options;
  return `<text x="${round(x)}" y="${round(y)}" font-size="${size}"${weight === "bold" ? ' font-weight="bold"' : ""}${anchor === "start" ? "" : ` text-anchor="${anchor}"`} fill="${fill}">${esc(content)}</text>`;
}

export const round = (n: number) => Math.round(n * 10) / 10;

export function legendSymbol(item: LegendItem, x: number, y: number, size = 12): string {
  const stroke = item.stroke ? ` stroke="${item.stroke}" stroke-width="1.5"${item.dashed ? ' stroke-dasharray="4 2"' : ""}` : "";
  const half = size / 2;
  switch (item.shape ?? "rect") {
    case "circle":
      return `<circle cx="${x + half}" cy="${y + half}" r="${half}" fill="${item.fill}"${stroke}/>`;
    case "ring":
      return `<circle cx="${x + half}" cy="${y + half}" r="${half - 1}" fill="#ffffff" stroke="${item.fill}" stroke-width="2" stroke-dasharray="2 2"/>`;
    case "diamond":
      return `<path d="M${x + half} ${y}L${x + size} ${y + half}L${x + half} ${y + size}L${x} ${y + half}Z" fill="${item.fill}"${stroke}/>`;
    default:
      return `<rect x="${x}" y="${y}" width="${size}" height="${size}" rx="${item.shape === "square" ? 0 : 2}" fill="${item.fill}"${stroke}/>`;
  }
}

function legendBlock(items: LegendItem[], top: number, title: string): { svg: string; height: number } {
  const parts: string[] = [text(24, top + 17, title, { size: 13, weight: "bold" })];
  let x = 24 + measure(title, 13) + 16;
  let y = top;
  for (const item of items) {
    const width = 18 + measure(item.label, 12) + 20;
    if (x + width > WIDTH - 24) {
      x = 24 + measure(title, 13) + 16;
      y += LEGEND_ROW;
    }
    parts.push(legendSymbol(item, x, y + 7), text(x + 18, y + 17, item.label, { size: 12, fill: "#2d3748" }));
    x += width;
  }
  return { svg: parts.join(""), height: y - top + LEGEND_ROW };
}

/**
 * The whole picture: a white page of WIDTH × (header + body + legend + footer) with `body`
 * drawn in its own group translated below the header.
 */
export function framedPicture(meta: PictureMeta, bodyHeight: number, body: string, legend: LegendItem[], legendTitle: string): string {
  const legendPart = legend.length ? legendBlock(legend, HEADER + bodyHeight + 8, legendTitle) : { svg: "", height: 0 };
  const footerTop = HEADER + bodyHeight + 8 + legendPart.height + 8;
  const footerLines = [meta.dated, meta.source, ...(meta.approvalNumber ? [meta.approvalNumber] : [])].filter(Boolean);
  const height = Math.ceil(footerTop + footerLines.length * 18 + 14);
  const footer = footerLines.map((line, i) => text(24, footerTop + 14 + i * 18, line, { size: 11, fill: "#4a5568" })).join("");
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="${FONT_FAMILY}">`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    text(24, 34, meta.title, { size: 22, weight: "bold" }),
    text(24, 58, meta.subtitle, { size: 13, fill: "#4a5568" }),
    `<line x1="24" y1="${HEADER - 8}" x2="${WIDTH - 24}" y2="${HEADER - 8}" stroke="#cbd5e0"/>`,
    `<g transform="translate(0 ${HEADER})">${body}</g>`,
    legendPart.svg,
    `<line x1="24" y1="${footerTop}" x2="${WIDTH - 24}" y2="${footerTop}" stroke="#e2e8f0"/>`,
    footer,
    "</svg>",
  ].join("");
}

export const STAGE_COLOURS: Record<string, string> = { upstream: "#2b6cb0", midstream: "#2f855a", downstream: "#b7791f" };
export const NO_STAGE_COLOUR = "#718096";
