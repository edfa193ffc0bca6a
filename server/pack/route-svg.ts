import type { GapReport, Targets } from "../../model/api/analysis.ts";
import { aside, clausesIn, labelled, listIn, nameIn, type PackLang, word } from "./labels.ts";
import { framedPicture, type PictureMeta, round, STAGE_COLOURS, text, WIDTH, wrap } from "./svg-frame.ts";

const LEFT = 300;
const CARD_GAP = 10;

/** The gap segments of the route, most urgent first: the order of the prioritised findings. */
export function gapSegmentsInOrder(gaps: GapReport): { id: string; kind: "missing-segment" | "thin-segment" }[] {
  const seen = new Set<string>();
  const out: { id: string; kind: "missing-segment" | "thin-segment" }[] = [];
  for (const f of gaps.findings) {
    if ((f.kind === "missing-segment" || f.kind === "thin-segment") && f.segment && !seen.has(f.segment)) {
      seen.add(f.segment);
      out.push({ id: f.segment, kind: f.kind });
    }
  }
  return out;
}

/**
 * 招商路线图: the gap segments in priority order, each with the recruits of the minimum recruit
 * set (the API's route) that close it, the step at which each comes and why (the ranked
 * target's own reasons). A gap no candidate closes says so.
 */
export function routeSvg(gaps: GapReport, targets: Targets, lang: PackLang, meta: PictureMeta): string {
  const segmentById = new Map(gaps.segments.map((s) => [s.id, s]));
  const reasonsOf = new Map(targets.targets.map((t) => [t.firm.id, t]));
  const parts: string[] = [];
  let y = 4;
  const order = gapSegmentsInOrder(gaps);
  if (order.length === 0) {
    parts.push(text(24, 30, word("noRoute", lang), { size: 15 }));
    y = 50;
  } else {
    parts.push(text(24, 18, word("gapOrder", lang), { size: 13, weight: "bold", fill: "#4a5568" }));
    parts.push(text(LEFT + 40, 18, `${word("proposed", lang)} / ${word("why", lang)}`, { size: 13, weight: "bold", fill: "#4a5568" }));
    y = 30;
  }
  order.forEach((gap, index) => {
    const segment = segmentById.get(gap.id);
    const steps = targets.route.steps.filter((s) => s.closes.includes(gap.id));
    const cards = steps.length
      ? steps.map((s) => {
          const target = reasonsOf.get(s.firm.id);
          const where = target?.locatedIn.length ? aside(listIn(target.locatedIn, lang), lang) : "";
          const why = clausesIn(
            (target?.reasons ?? []).slice(0, 2).map((r) => r.message[lang]),
            lang,
          );
          return {
            title: `${word("step", lang, { n: s.step })}  ${nameIn(s.firm, lang)}${where}`,
            lines: wrap(why ? labelled(word("why", lang), why, lang) : `${word("score", lang)} ${s.score}`, 11, WIDTH - LEFT - 90, 2),
          };
        })
      : [{ title: word("unclosed", lang), lines: [] as string[] }];
    const nameLines = wrap(segment ? nameIn(segment, lang) : gap.id, 14, LEFT - 100, 2);
    const cardHeights = cards.map((c) => 24 + c.lines.length * 15 + 6);
    // A gap with proposals gets room for its cards; one without stays a compact row.
    const ownHeight = steps.length ? 20 + nameLines.length * 18 + 16 : 16 + nameLines.length * 18 + 14;
    const rowHeight = Math.max(
      ownHeight,
      cardHeights.reduce((a, b) => a + b + CARD_GAP, -CARD_GAP),
    );
    const colour = gap.kind === "missing-segment" ? "#c53030" : "#dd6b20";
    const stageColour = STAGE_COLOURS[String(segment?.stage)] ?? "#718096";
    parts.push(
      `<g data-node-id="${gap.id}">`,
      `<circle cx="40" cy="${round(y + 16)}" r="12" fill="${colour}"/>`,
      text(40, y + 21, String(index + 1), { size: 13, weight: "bold", anchor: "middle", fill: "#ffffff" }),
      `<rect x="62" y="${round(y)}" width="${LEFT - 70}" height="${rowHeight}" rx="6" fill="#ffffff" stroke="${colour}" stroke-width="1.5"${gap.kind === "missing-segment" ? ' stroke-dasharray="6 3"' : ""}/>`,
      `<rect x="62" y="${round(y)}" width="6" height="${rowHeight}" fill="${stageColour}"/>`,
      ...nameLines.map((line, i) => text(78, y + 20 + i * 18, line, { size: 14, weight: "bold" })),
      text(LEFT - 16, y + 20, gap.kind === "missing-segment" ? word("missingShort", lang) : word("thinShort", lang), {
        size: 11,
        anchor: "end",
        fill: colour,
      }),
      "</g>",
    );
    let cy = y;
    cards.forEach((card, i) => {
      const h = cardHeights[i] ?? 30;
      parts.push(
        `<path d="M${LEFT - 8} ${round(y + 16)}C${LEFT + 10} ${round(y + 16)} ${LEFT + 10} ${round(cy + 14)} ${LEFT + 28} ${round(cy + 14)}" fill="none" stroke="#a0aec0" stroke-width="1.2"/>`,
        `<rect x="${LEFT + 30}" y="${round(cy)}" width="${WIDTH - LEFT - 54}" height="${h}" rx="6" fill="${steps.length ? "#ebf8ff" : "#f7fafc"}" stroke="${steps.length ? "#3182ce" : "#a0aec0"}"/>`,
        text(LEFT + 42, cy + 18, card.title, { size: 13, weight: "bold", fill: "#1a365d" }),
        ...card.lines.map((line, j) => text(LEFT + 42, cy + 36 + j * 15, line, { size: 11, fill: "#2d3748" })),
      );
      cy += h + CARD_GAP;
    });
    y += rowHeight + (steps.length ? 16 : 8);
  });
  parts.push(
    ...wrap(word("routeMethod", lang), 11, WIDTH - 48, 2).map((line, i) => text(24, y + 12 + i * 15, line, { size: 11, fill: "#4a5568" })),
  );
  y += 40;
  const legend = [
    { label: word("missing", lang), fill: "#ffffff", stroke: "#c53030", dashed: true },
    { label: word("thin", lang), fill: "#ffffff", stroke: "#dd6b20" },
    { label: word("proposed", lang), fill: "#ebf8ff", stroke: "#3182ce" },
  ];
  return framedPicture(meta, y, parts.join(""), legend, word("legend", lang));
}
