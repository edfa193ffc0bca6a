import type { SearchResult } from "../../../model/api/explore.ts";
import { describeError } from "../api/errors.ts";
import type { AppContext } from "../app/context.ts";
import type { MessageKey } from "../i18n/messages.ts";
import { h } from "./dom.ts";

let counter = 0;

/**
 * A combobox (WAI-ARIA pattern): type Chinese, English or a short name, pick with the arrow keys
 * and Enter or with the mouse. Requests are debounced and a stale answer never replaces a newer one.
 */
export function searchBox(
  context: AppContext,
  onPick: (result: SearchResult) => void,
  options: { placeholder?: string; id?: string } = {},
) {
  const { t, lang } = context;
  const id = options.id ?? `search-${++counter}`;
  const listId = `${id}-list`;
  let results: SearchResult[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller: AbortController | undefined;

  const input = h("input", {
    id,
    type: "search",
    class: "search-input",
    role: "combobox",
    "aria-autocomplete": "list",
    "aria-expanded": "false",
    "aria-controls": listId,
    "aria-label": t("explore.searchLabel"),
    placeholder: options.placeholder ?? t("explore.searchPlaceholder"),
    title: t("explore.searchHelp"),
    autocomplete: "off",
  });
  const list = h("ul", { id: listId, class: "suggestions", role: "listbox", hidden: true });

  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };
  const pick = (result: SearchResult | undefined) => {
    if (!result) return;
    input.value = lang === "en" && result.nameEn ? result.nameEn : result.label;
    close();
    onPick(result);
  };
  const render = () => {
    list.replaceChildren(
      ...(results.length === 0
        ? [h("li", { class: "empty", role: "option", "aria-disabled": "true" }, t("explore.noResults"))]
        : results.map((result, i) =>
            h(
              "li",
              {
                id: `${listId}-${i}`,
                role: "option",
                class: i === active ? "active" : "",
                "aria-selected": i === active ? "true" : "false",
                "data-id": result.id,
                onmousedown: (event: Event) => {
                  event.preventDefault();
                  pick(result);
                },
              },
              h("span", { class: `type-badge type-${result.type}` }, t(`type.${result.type}` as MessageKey)),
              h("span", { class: "suggestion-name" }, result.label),
              result.nameEn ? h("span", { class: "suggestion-en" }, result.nameEn) : null,
              result.aliases.length > 0 ? h("span", { class: "suggestion-alias" }, result.aliases.slice(0, 3).join(" · ")) : null,
            ),
          )),
    );
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    if (active >= 0) input.setAttribute("aria-activedescendant", `${listId}-${active}`);
  };
  const query = async (text: string) => {
    controller?.abort();
    controller = new AbortController();
    try {
      const answer = await context.api.search(text, { limit: 12 }, controller.signal);
      if (input.value.trim() !== text) return;
      results = answer.results;
      active = results.length > 0 ? 0 : -1;
      render();
    } catch (error) {
      if ((error as Error).name === "AbortError" || (error as { message?: string }).message?.includes("abort")) return;
      context.notify(describeError(error, t));
    }
  };

  input.addEventListener("input", () => {
    clearTimeout(timer);
    const text = input.value.trim();
    if (text === "") {
      close();
      return;
    }
    timer = setTimeout(() => void query(text), 180);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (results.length === 0) return;
      event.preventDefault();
      active = (active + (event.key === "ArrowDown" ? 1 : results.length - 1)) % results.length;
      render();
    } else if (event.key === "Enter") {
      event.preventDefault();
      pick(results[active] ?? results[0]);
    } else if (event.key === "Escape" && !list.hidden) {
      // Escape closes the suggestions only; the app's Escape (close panel, menus) waits for the next one.
      event.preventDefault();
      close();
    }
  });
  input.addEventListener("blur", () => setTimeout(close, 150));

  return h("div", { class: "search-box" }, input, list);
}
