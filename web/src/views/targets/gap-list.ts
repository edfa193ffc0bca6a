import type { AppContext } from "../../app/context.ts";
import { entityName } from "../../i18n/i18n.ts";
import { h } from "../../ui/dom.ts";
import type { GapSegment } from "./gap-segments.ts";

/** The gap segments to recruit for, each a button that opens its target list. */
export function gapList(segments: GapSegment[], selected: string | undefined, context: AppContext): HTMLElement {
  const { t, lang } = context;
  if (segments.length === 0) return h("p", { class: "muted" }, t("targets.noGaps"));
  return h(
    "ul",
    { class: "gap-list" },
    segments.map((segment) =>
      h(
        "li",
        {},
        h(
          "button",
          {
            type: "button",
            class: `gap-button${segment.id === selected ? " selected" : ""}`,
            "aria-pressed": segment.id === selected ? "true" : "false",
            "data-segment": segment.id,
            onclick: () => context.navigate({ segment: segment.id, target: undefined }),
          },
          h("span", { class: `badge badge-${segment.severity}` }, t(`finding.${segment.kind}` as never)),
          entityName({ label: segment.label, nameEn: segment.labelEn }, lang),
        ),
      ),
    ),
  );
}

/** Marks the chosen gap in the list. */
export function markGap(side: HTMLElement, segmentId: string | undefined) {
  for (const button of side.querySelectorAll<HTMLElement>(".gap-button")) {
    const on = button.dataset.segment === segmentId;
    button.classList.toggle("selected", on);
    button.setAttribute("aria-pressed", on ? "true" : "false");
  }
}
