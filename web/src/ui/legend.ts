import { edgeColor, MAP_COLORS, nodeLook, RELATIONSHIP_NAMES } from "../graph/palette.ts";
import { type Lang, type Translate, translator } from "../i18n/i18n.ts";
import type { MessageKey } from "../i18n/messages.ts";
import { h } from "./dom.ts";

function swatch(style: string, shape: "box" | "line" | "dot" = "box") {
  return h("span", { class: `swatch swatch-${shape}`, style, "aria-hidden": "true" });
}

function row(mark: HTMLElement, text: string) {
  return h("li", {}, mark, h("span", {}, text));
}

/** The chain map's legend: what a lane, box, card, dashed border and red flow mean. Folded unless `open`. */
export function mapLegend(t: Translate, open = false): HTMLElement {
  return h(
    "details",
    { class: "legend legend-map", open },
    h("summary", {}, t("legend.title")),
    h(
      "ul",
      {},
      row(swatch(`background:${MAP_COLORS.leaderFill};border:3px solid ${MAP_COLORS.leader}`), t("legend.leader")),
      row(swatch(`background:${MAP_COLORS.firmFill};border:1px solid #93c5fd`), t("legend.firm")),
      row(swatch(`background:${MAP_COLORS.outsideFill};border:1px dashed #94a3b8`), t("legend.outsideFirm")),
      row(swatch("background:#e2e8f0;border:1.5px dotted #475569"), t("legend.aggregate")),
      row(swatch(`background:#fff;border:1.5px solid ${MAP_COLORS.segmentBorder}`), t("legend.segment")),
      row(swatch(`background:#fef2f2;border:2px dashed ${MAP_COLORS.missing}`), t("legend.missing")),
      row(swatch(`background:#fffbeb;border:2px dashed ${MAP_COLORS.thin}`), t("legend.thin")),
      row(swatch("border-top:3px solid #64748b", "line"), t("legend.flow")),
      row(swatch(`border-top:3px dashed ${MAP_COLORS.broken}`, "line"), t("legend.broken")),
      row(swatch("border-top:2px solid #60a5fa", "line"), t("legend.supplies")),
    ),
  );
}

/** The ecosystem legend, listing only the node and relationship types currently on screen (and synthetic firms if any). */
export function entityLegend(lang: Lang, nodeTypes: string[], relTypes: string[], synthetic = false): HTMLElement {
  const t = translator(lang);
  return h(
    "details",
    { class: "legend legend-compact", open: true },
    h("summary", {}, t("legend.title")),
    h("div", { class: "legend-head" }, t("legend.nodes")),
    h(
      "ul",
      {},
      nodeTypes.map((type) => row(swatch(`background:${nodeLook(type).color}`, "dot"), t(`type.${type}` as MessageKey))),
      row(swatch(`background:${MAP_COLORS.leaderFill};border:3px solid ${MAP_COLORS.leader}`, "dot"), t("legend.leader")),
      synthetic ? row(swatch(`background:#fff;border:2.5px dashed ${MAP_COLORS.synthetic}`, "dot"), t("legend.synthetic")) : null,
    ),
    relTypes.length > 0 ? h("div", { class: "legend-head" }, t("legend.edges")) : null,
    h(
      "ul",
      {},
      relTypes.map((type) => row(swatch(`border-top:2px solid ${edgeColor(type)}`, "line"), RELATIONSHIP_NAMES[type]?.[lang] ?? type)),
    ),
  );
}
