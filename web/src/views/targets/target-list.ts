import type { Targets } from "../../../../model/api/analysis.ts";
import type { AppContext } from "../../app/context.ts";
import { isSynthetic } from "../../graph/entity-elements.ts";
import { bilingual, entityName } from "../../i18n/i18n.ts";
import { clear, h } from "../../ui/dom.ts";

/** The ranked recruitment list for one gap: rank, name, score and the reasons behind it, 加入远景方案; then matchmaking. */
export function renderTargetList(
  list: HTMLElement,
  targets: Targets,
  context: AppContext,
  onPick: (firmId: string) => void,
  onRecruit: (target: Targets["targets"][number]) => void,
) {
  const { t, lang } = context;
  clear(
    list,
    h("h2", {}, t("targets.list")),
    targets.targets.length === 0
      ? h("p", { class: "muted" }, t("targets.noTargets"))
      : [
          h("p", { class: "hint" }, t("targets.total", { n: targets.total, shown: targets.targets.length })),
          targets.truncated ? h("p", { class: "hint warning" }, t("targets.truncated", { cap: targets.scanCap ?? "" })) : null,
          h("p", { class: "hint" }, t("targets.showPaths")),
        ],
    h(
      "ol",
      { class: "targets" },
      targets.targets.map((target, index) =>
        h(
          "li",
          { class: "target", "data-id": target.firm.id },
          h(
            "button",
            { type: "button", class: "target-button", "aria-pressed": "false", onclick: () => onPick(target.firm.id) },
            h("span", { class: "rank" }, String(target.rank ?? index + 1)),
            h("span", { class: "target-name" }, entityName(target.firm, lang)),
            isSynthetic(target.firm)
              ? h("span", { class: "badge badge-synthetic", title: t("targets.syntheticHint") }, t("targets.synthetic"))
              : null,
            h("span", { class: "score", title: t("targets.score") }, target.score.toFixed(1)),
          ),
          target.locatedIn.length > 0 ? h("div", { class: "hint located" }, target.locatedIn.join("、")) : null,
          h("button", { type: "button", class: "recruit-button", onclick: () => onRecruit(target) }, t("scenario.recruit")),
          h(
            "ul",
            { class: "reasons", "aria-label": t("targets.reasons") },
            target.reasons.map((reason) =>
              h(
                "li",
                { "data-kind": reason.kind },
                h("span", { class: "weight" }, `+${reason.weight}`),
                bilingual(reason.message, lang),
                reason.count > 1 ? h("span", { class: "muted" }, ` ×${reason.count}`) : null,
              ),
            ),
          ),
        ),
      ),
    ),
    targets.matchmaking.length > 0
      ? [
          h("h2", {}, t("targets.matchmaking")),
          h(
            "ul",
            { class: "matches" },
            targets.matchmaking.map((match) =>
              h(
                "li",
                {},
                h("strong", {}, `${entityName(match.supplier, lang)} → ${entityName(match.buyer, lang)}`),
                typeof match.score === "number" ? h("span", { class: "score" }, match.score.toFixed(1)) : null,
                h("div", { class: "hint" }, bilingual(match.reason, lang)),
              ),
            ),
          ),
        ]
      : null,
  );
}

/** Marks the chosen target in the list. */
export function markTarget(list: HTMLElement, firmId: string | undefined) {
  for (const item of list.querySelectorAll<HTMLElement>(".target")) {
    const on = item.dataset.id === firmId;
    item.classList.toggle("selected", on);
    item.querySelector("button")?.setAttribute("aria-pressed", on ? "true" : "false");
  }
}
