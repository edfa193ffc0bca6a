import { MAP_COLORS, nodeLook } from "../graph/palette.ts";
import type { Translate } from "../i18n/i18n.ts";
import type { MessageKey } from "../i18n/messages.ts";
import type { Caption } from "./frame.ts";

/** Node types that are drawing structure rather than things a legend explains. */
const STRUCTURE = new Set(["segment", "lane", "aggregate", "chain"]);

/**
 * The caption of an exported picture, from what the picture shows: a title, a legend with only the
 * marks present (缺链, 弱链, 断链, 链主, the entity types) and a byline with the date and how many
 * documents the shown facts cite.
 */
export function pictureCaption(
  shown: { nodes: Record<string, unknown>[]; edges: Record<string, unknown>[] },
  title: string,
  t: Translate,
  date = new Date(),
): Caption {
  const has = (test: (data: Record<string, unknown>) => boolean) => shown.nodes.some(test) || shown.edges.some(test);
  const legend: Caption["legend"] = [];
  if (has((d) => d.gap === "missing")) legend.push({ label: t("gap.missing"), color: MAP_COLORS.missing, dashed: true });
  if (has((d) => d.gap === "thin")) legend.push({ label: t("gap.thin"), color: MAP_COLORS.thin, dashed: true });
  if (has((d) => d.broken === true)) legend.push({ label: t("gap.broken"), color: MAP_COLORS.broken, dashed: true });
  if (has((d) => d.leader === true)) legend.push({ label: t("legend.leader"), color: MAP_COLORS.leader });
  const types = [...new Set(shown.nodes.map((d) => String(d.type ?? "")))].filter((type) => type && !STRUCTURE.has(type)).sort();
  for (const type of types) legend.push({ label: t(`type.${type}` as MessageKey), color: nodeLook(type).color });
  const documents = new Set(
    [...shown.nodes, ...shown.edges].flatMap((d) =>
      Array.isArray(d.sources) ? d.sources.map((s: { doc?: unknown }) => String(s.doc)) : [],
    ),
  );
  return { title, legend, byline: t("export.byline", { date: date.toISOString().slice(0, 10), n: documents.size }) };
}
