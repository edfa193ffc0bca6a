import { geoMercator, geoPath } from "d3-geo";
import type { FeatureCollection } from "geojson";
import type { PlacedPoint, Tile } from "../geo/distribution.ts";
import type { Distribution } from "../services/distribution.ts";
import { nameIn, type PackLang, word } from "./labels.ts";
import {
  esc,
  framedPicture,
  type LegendItem,
  legendSymbol,
  NO_STAGE_COLOUR,
  type PictureMeta,
  round,
  STAGE_COLOURS,
  text,
  WIDTH,
  wrap,
} from "./svg-frame.ts";

const MAP_HEIGHT = 720;
/** Points closer than this many pixels share a grid cell; a cell with CLUSTER_MIN or more becomes one cluster. */
const CLUSTER_CELL = 26;
const CLUSTER_MIN = 4;

const colourOf = (stage?: string) => (stage ? (STAGE_COLOURS[stage] ?? NO_STAGE_COLOUR) : NO_STAGE_COLOUR);

/**
 * 区域分布图: with a planner's boundary, the areas drawn offline (d3-geo, Mercator fitted to the
 * file) and each firm, park and project at its place, coloured by stage, shaped by kind, hollow
 * when approximate, dense cells clustered with their count. Without a boundary, the schematic.
 * Every point and cluster carries data-node-id(s), so the web view can open its details.
 */
export function distributionSvg(distribution: Distribution, lang: PackLang, meta: PictureMeta): string {
  const legend: LegendItem[] = [
    ...(["upstream", "midstream", "downstream"] as const).map((stage) => ({
      label: word(stage, lang),
      fill: colourOf(stage),
      shape: "circle" as const,
    })),
    { label: word("noSegment", lang), fill: NO_STAGE_COLOUR, shape: "circle" },
  ];
  if (distribution.mode === "schematic") {
    const { svg, height } = schematic(distribution.tiles, lang);
    return framedPicture(meta, height, svg, legend, word("legend", lang));
  }
  legend.push(
    { label: word("firm", lang), fill: "#4a5568", shape: "circle" },
    { label: word("park", lang), fill: "#4a5568", shape: "square" },
    { label: word("project", lang), fill: "#4a5568", shape: "diamond" },
    { label: word("approximate", lang), fill: "#4a5568", shape: "ring" },
    { label: word("cluster", lang), fill: "#4a5568", stroke: "#ffffff", shape: "circle" },
  );
  return framedPicture(meta, MAP_HEIGHT, mapBody(distribution, lang), legend, word("legend", lang));
}

function mapBody(distribution: Distribution, lang: PackLang): string {
  const collection: FeatureCollection = {
    type: "FeatureCollection",
    features: distribution.areas.map((a) => ({ type: "Feature", properties: { key: a.key }, geometry: a.geometry })),
  };
  const projection = geoMercator().fitExtent(
    [
      [24, 8],
      [WIDTH - 24, MAP_HEIGHT - 8],
    ],
    collection,
  );
  const path = geoPath(projection).digits(1);
  const asked = distribution.region.id;
  const areas = distribution.areas
    .map((area, i) => {
      const d = path(collection.features[i] as FeatureCollection["features"][number]) ?? "";
      const own = area.region === asked;
      return `<path d="${d}" fill="${own ? "#edf2f7" : "#f7fafc"}" stroke="#4a5568" stroke-width="${own ? 1.6 : 0.8}"${area.region ? ` data-region-id="${esc(area.region)}"` : ""}/>`;
    })
    .join("");
  const labels = distribution.areas
    .map((area, i) => {
      const [x, y] = path.centroid(collection.features[i] as FeatureCollection["features"][number]);
      return Number.isFinite(x) && Number.isFinite(y) ? text(x, y, area.name, { size: 12, anchor: "middle", fill: "#718096" }) : "";
    })
    .join("");

  const cells = new Map<string, { point: PlacedPoint; x: number; y: number }[]>();
  for (const point of distribution.points) {
    if (point.lng === undefined || point.lat === undefined) continue;
    const projected = projection([point.lng, point.lat]);
    if (!projected) continue;
    const [x, y] = projected;
    const key = `${Math.floor(x / CLUSTER_CELL)}:${Math.floor(y / CLUSTER_CELL)}`;
    cells.set(key, [...(cells.get(key) ?? []), { point, x, y }]);
  }
  const marks = [...cells.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, members]) =>
      members.length >= CLUSTER_MIN ? cluster(members, lang) : members.map((m) => mark(m.point, m.x, m.y, lang)).join(""),
    )
    .join("");
  return areas + labels + marks;
}

function title(point: PlacedPoint, lang: PackLang): string {
  const segment = point.segment
    ? lang === "en" && point.segmentNameEn
      ? point.segmentNameEn
      : (point.segmentName ?? point.segment)
    : word("noSegment", lang);
  return `${nameIn(point, lang)} · ${segment} · ${point.regionName}${point.approximate ? ` · ${word("approximate", lang)}` : ""}`;
}

function mark(point: PlacedPoint, x: number, y: number, lang: PackLang): string {
  const fill = colourOf(point.stage);
  const item: LegendItem = point.approximate
    ? { label: "", fill, shape: "ring" }
    : { label: "", fill, stroke: "#ffffff", shape: point.kind === "park" ? "square" : point.kind === "project" ? "diamond" : "circle" };
  const size = point.kind === "firm" ? 10 : 12;
  return `<g data-node-id="${esc(point.id)}" cursor="pointer"><title>${esc(title(point, lang))}</title>${legendSymbol(item, round(x - size / 2), round(y - size / 2), size)}</g>`;
}

function cluster(members: { point: PlacedPoint; x: number; y: number }[], lang: PackLang): string {
  const x = members.reduce((s, m) => s + m.x, 0) / members.length;
  const y = members.reduce((s, m) => s + m.y, 0) / members.length;
  const stages = new Map<string, number>();
  for (const m of members) stages.set(m.point.stage ?? "", (stages.get(m.point.stage ?? "") ?? 0) + 1);
  const main = [...stages.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  const r = Math.min(22, 9 + Math.sqrt(members.length) * 2);
  const names = members.map((m) => title(m.point, lang)).join("\n");
  return [
    `<g data-node-ids="${esc(members.map((m) => m.point.id).join(" "))}" cursor="pointer">`,
    `<title>${esc(names)}</title>`,
    `<circle cx="${round(x)}" cy="${round(y)}" r="${round(r)}" fill="${colourOf(main || undefined)}" fill-opacity="0.85" stroke="#ffffff" stroke-width="2"/>`,
    text(x, y + 4, String(members.length), { size: 12, weight: "bold", anchor: "middle", fill: "#ffffff" }),
    "</g>",
  ].join("");
}

const TILE_COLUMNS = 3;
const TILE_GAP = 14;
const TILE_ROWS_SHOWN = 8;

function schematic(tiles: Tile[], lang: PackLang): { svg: string; height: number } {
  const note = text(24, 16, word("schematic", lang), { size: 12, fill: "#4a5568" });
  const width = (WIDTH - 48 - TILE_GAP * (TILE_COLUMNS - 1)) / TILE_COLUMNS;
  const parts: string[] = [note];
  let y = 30;
  for (let row = 0; row * TILE_COLUMNS < tiles.length; row++) {
    const inRow = tiles.slice(row * TILE_COLUMNS, (row + 1) * TILE_COLUMNS);
    const height =
      46 + Math.max(1, ...inRow.map((t) => Math.min(TILE_ROWS_SHOWN, t.counts.length) + (t.counts.length > TILE_ROWS_SHOWN ? 1 : 0))) * 18;
    inRow.forEach((tile, column) => {
      const x = 24 + column * (width + TILE_GAP);
      const max = Math.max(1, ...tile.counts.map((c) => c.firms));
      parts.push(
        `<g data-region-id="${esc(tile.region)}">`,
        `<rect x="${round(x)}" y="${y}" width="${round(width)}" height="${height}" rx="6" fill="#f7fafc" stroke="#a0aec0"/>`,
        text(x + 12, y + 24, `${lang === "en" && tile.nameEn ? tile.nameEn : tile.name}`, { size: 15, weight: "bold" }),
        text(x + width - 12, y + 24, `${tile.total} ${word("firm", lang)}`, { size: 12, anchor: "end", fill: "#4a5568" }),
      );
      tile.counts.slice(0, TILE_ROWS_SHOWN).forEach((count, i) => {
        const rowY = y + 44 + i * 18;
        const label = count.segment ? (lang === "en" && count.nameEn ? count.nameEn : count.name) : word("noSegment", lang);
        const barMax = width * 0.35;
        parts.push(
          text(x + 12, rowY + 10, wrap(label, 11, width * 0.5, 1)[0] ?? label, { size: 11, fill: "#2d3748" }),
          `<rect x="${round(x + width * 0.55)}" y="${rowY}" width="${round(Math.max(2, (barMax * count.firms) / max))}" height="12" fill="${colourOf(count.stage)}"/>`,
          text(x + width - 12, rowY + 10, String(count.firms), { size: 11, anchor: "end", fill: "#2d3748" }),
        );
      });
      if (tile.counts.length > TILE_ROWS_SHOWN) {
        parts.push(
          text(x + 12, y + 44 + TILE_ROWS_SHOWN * 18 + 10, `… +${tile.counts.length - TILE_ROWS_SHOWN}`, { size: 11, fill: "#718096" }),
        );
      }
      parts.push("</g>");
    });
    y += height + TILE_GAP;
  }
  return { svg: parts.join(""), height: y };
}
