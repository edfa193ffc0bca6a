import type { Translate } from "../../i18n/i18n.ts";
import { h } from "../../ui/dom.ts";
import { section } from "./layout.ts";
import { type ImportState, setToken } from "./state.ts";

/** The editor token field and its Clear button; what is typed goes to the state (and this tab's session). */
export function tokenBox(state: Pick<ImportState, "token">, t: Translate): HTMLElement {
  const input = h("input", {
    type: "password",
    id: "import-token",
    class: "token-input",
    autocomplete: "off",
    spellcheck: "false",
    value: state.token,
    "aria-describedby": "import-token-hint",
    oninput: () => setToken(state, input.value.trim()),
  });
  const clearButton = h(
    "button",
    {
      type: "button",
      onclick: () => {
        input.value = "";
        setToken(state, "");
        input.focus();
      },
    },
    t("import.tokenClear"),
  );
  return section(
    t,
    "import-token-title",
    "import.token",
    h("label", { class: "field", for: "import-token" }, h("span", {}, t("import.tokenLabel"))),
    h("div", { class: "row" }, input, clearButton),
    h("p", { class: "hint", id: "import-token-hint" }, t("import.tokenHint")),
  );
}
