import { escapeXml } from "./svg-writer.ts";

/** What a picture for a slide carries besides the graph: what it shows, its legend, when and from where. */
export interface Caption {
  title: string;
  /** e.g. `2026-11-26 · 来源：…` */
  byline: string;
  legend: { label: string; color: string; dashed?: boolean }[];
}

const HEADER = 64;
const FOOTER = 40;
const PAD = 20;
const MIN_WIDTH = 720;
const FONT = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

function legendSvg(caption: Caption, y: number): string {
  let x = PAD;
  return caption.legend
    .map((item) => {
      const swatch = `<rect x="${x}" y="${y - 11}" width="14" height="14" rx="3" fill="#ffffff" stroke="${escapeXml(item.color)}" stroke-width="2.5"${item.dashed ? ' stroke-dasharray="4 3"' : ""}/>`;
      const text = `<text x="${x + 20}" y="${y}" font-size="13" fill="#0f172a">${escapeXml(item.label)}</text>`;
      x += 20 + item.label.length * 14 + 24;
      return swatch + text;
    })
    .join("");
}

/**
 * The graph's SVG inside a page with the title on top and the legend, date and source line below,
 * so the file explains itself when pasted into a slide. The graph keeps its own coordinates (nested
 * `<svg>` with its viewBox).
 */
export function frameSvg(svg: string, caption: Caption): string {
  const body = svg.replace(/^<\?xml[^>]*>\s*/, "");
  const root = /^<svg\b[^>]*>/.exec(body)?.[0] ?? "";
  const width = Number(/\bwidth="([\d.]+)"/.exec(root)?.[1] ?? 800);
  const height = Number(/\bheight="([\d.]+)"/.exec(root)?.[1] ?? 600);
  const outerWidth = Math.max(width, MIN_WIDTH);
  const outerHeight = HEADER + height + FOOTER;
  const inner = body.replace(/^<svg\b/, `<svg x="${(outerWidth - width) / 2}" y="${HEADER}"`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${outerWidth}" height="${outerHeight}" viewBox="0 0 ${outerWidth} ${outerHeight}" font-family="${escapeXml(FONT)}">`,
    `<rect width="${outerWidth}" height="${outerHeight}" fill="#ffffff"/>`,
    `<text class="frame-title" x="${PAD}" y="30" font-size="20" font-weight="700" fill="#0f172a">${escapeXml(caption.title)}</text>`,
    caption.legend.length > 0 ? legendSvg(caption, 54) : "",
    inner.trim(),
    `<text class="frame-byline" x="${PAD}" y="${outerHeight - 14}" font-size="12" fill="#475569">${escapeXml(caption.byline)}</text>`,
    "</svg>",
    "",
  ].join("\n");
}

/** The same frame around a PNG of the graph, drawn on a canvas (title and legend above, byline below). */
export async function framePng(png: Blob, caption: Caption, scale: number): Promise<Blob> {
  const image = await createImageBitmap(png);
  const width = Math.max(image.width, MIN_WIDTH * scale);
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = image.height + (HEADER + FOOTER) * scale;
  const g = canvas.getContext("2d");
  if (!g) return png;
  g.fillStyle = "#ffffff";
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.scale(scale, scale);
  g.fillStyle = "#0f172a";
  g.font = `700 20px ${FONT}`;
  g.fillText(caption.title, PAD, 30);
  let x = PAD;
  g.font = `13px ${FONT}`;
  for (const item of caption.legend) {
    g.strokeStyle = item.color;
    g.lineWidth = 2.5;
    g.setLineDash(item.dashed ? [4, 3] : []);
    g.strokeRect(x, 43, 14, 14);
    g.fillStyle = "#0f172a";
    g.fillText(item.label, x + 20, 54);
    x += 20 + g.measureText(item.label).width + 24;
  }
  g.setTransform(1, 0, 0, 1, 0, 0);
  g.drawImage(image, (width - image.width) / 2, HEADER * scale);
  g.scale(scale, scale);
  g.fillStyle = "#475569";
  g.font = `12px ${FONT}`;
  g.fillText(caption.byline, PAD, canvas.height / scale - 14);
  return new Promise((resolve) => canvas.toBlob((blob) => resolve(blob ?? png), "image/png"));
}
