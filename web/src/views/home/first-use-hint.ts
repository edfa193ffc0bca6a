import type { Translate } from "../../i18n/i18n.ts";
import { h } from "../../ui/dom.ts";

const KEY = "chain-atlas.hint-dismissed";

/** The short first-use hint on the overview; "Got it" hides it for good in this browser. */
export function firstUseHint(t: Translate, store: Pick<Storage, "getItem" | "setItem"> | undefined): HTMLElement | null {
  if (store?.getItem(KEY) === "1") return null;
  const box = h(
    "section",
    { class: "first-use", "aria-labelledby": "first-use-title" },
    h("h2", { id: "first-use-title" }, t("home.hintTitle")),
    h("ol", {}, h("li", {}, t("home.hint1")), h("li", {}, t("home.hint2")), h("li", {}, t("home.hint3"))),
  );
  box.append(
    h(
      "button",
      {
        type: "button",
        class: "first-use-close",
        onclick: () => {
          try {
            store?.setItem(KEY, "1");
          } catch {
            // Storage disabled: the hint is hidden for this page only.
          }
          box.remove();
        },
      },
      t("home.hintClose"),
    ),
  );
  return box;
}
