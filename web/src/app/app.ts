import type { Chain, Region } from "../../../model/api/explore.ts";
import { api } from "../api/client.ts";
import { describeError } from "../api/errors.ts";
import { translator } from "../i18n/i18n.ts";
import type { MessageKey } from "../i18n/messages.ts";
import { browserStore, rememberView } from "../state/last-view.ts";
import { parseState, serializeState, type View, type ViewState, withState } from "../state/url-state.ts";
import { clear, h } from "../ui/dom.ts";
import { chainMapView } from "../views/chain-map.ts";
import { compareView } from "../views/compare.ts";
import { distributionView } from "../views/distribution.ts";
import { explorerView } from "../views/explorer.ts";
import { homeView } from "../views/home.ts";
import { importView } from "../views/import.ts";
import { reportView } from "../views/report.ts";
import { resilienceView } from "../views/resilience.ts";
import { scenarioView } from "../views/scenario.ts";
import { targetsView } from "../views/targets.ts";
import type { AppContext, ViewFactory, ViewInstance } from "./context.ts";
import { closeOnEscape, keepFocusAcrossRedraws, skipLink } from "./keyboard.ts";

const VIEWS: Record<View, ViewFactory> = {
  home: homeView,
  map: chainMapView,
  explore: explorerView,
  targets: targetsView,
  compare: compareView,
  report: reportView,
  import: importView,
  scenario: scenarioView,
  resilience: resilienceView,
  distribution: distributionView,
};
const NO_PICTURE: Partial<ViewState> = { viewport: undefined, layout: undefined };
const NAV: View[] = ["home", "map", "explore", "targets", "compare", "distribution", "scenario", "resilience", "import"];

/**
 * The shell: header with the views and the language switch, one mounted view, a toast area.
 * The URL hash is the state; navigation writes it and back/forward re-read it.
 */
export function startApp(root: HTMLElement) {
  let state = parseState(location.hash);
  let mounted: { view: View; lang: string; instance: ViewInstance } | undefined;
  let catalogPromise: Promise<{ regions: Region[]; chains: Chain[] }> | undefined;

  const header = h("header", { class: "app-header" });
  const main = h("main", { class: "app-main", id: "main" });
  const toasts = h("div", { class: "toasts", "aria-live": "assertive" });
  const skip = skipLink(main, translator(state.lang)("shell.skip"));
  clear(root, skip, header, main, toasts);
  let navOpen = false;
  const closeNav = () => {
    if (!navOpen) return false;
    navOpen = false;
    header.classList.remove("nav-open");
    const toggle = header.querySelector<HTMLButtonElement>(".nav-toggle");
    toggle?.setAttribute("aria-expanded", "false");
    toggle?.focus();
    return true;
  };
  closeOnEscape(root, closeNav);
  keepFocusAcrossRedraws(main);

  const context: AppContext = {
    get state() {
      return state;
    },
    get lang() {
      return state.lang;
    },
    get t() {
      return translator(state.lang);
    },
    api,
    navigate(patch, options = {}) {
      // Another view draws another picture: the viewport and layout of this one do not apply to it.
      const next = withState(state, patch.view && patch.view !== state.view ? { ...NO_PICTURE, ...patch } : patch);
      const hash = serializeState(next);
      if (hash === serializeState(state)) return;
      if (options.replace) history.replaceState(null, "", hash);
      else history.pushState(null, "", hash);
      apply(parseState(hash));
    },
    remember(patch) {
      const next = withState(state, patch);
      const hash = serializeState(next);
      if (hash === serializeState(state)) return;
      state = next;
      history.replaceState(null, "", hash);
      rememberView(next, browserStore());
    },
    notify(message, kind = "error") {
      const toast = h("div", { class: `toast toast-${kind}`, role: kind === "error" ? "alert" : "status" }, message);
      toast.append(
        h(
          "button",
          { type: "button", class: "close", "aria-label": translator(state.lang)("common.close"), onclick: () => toast.remove() },
          "×",
        ),
      );
      toasts.append(toast);
      setTimeout(() => toast.remove(), kind === "error" ? 12_000 : 4_000);
    },
    catalog() {
      catalogPromise ??= Promise.all([api.regions(), api.chains()]).then(([r, c]) => ({ regions: r.regions, chains: c.chains }));
      catalogPromise.catch(() => {
        catalogPromise = undefined;
      });
      return catalogPromise;
    },
  };

  const renderHeader = () => {
    const t = translator(state.lang);
    document.documentElement.lang = state.lang === "zh" ? "zh-CN" : "en";
    document.title = `${t("app.title")} ${t("app.subtitle")}`;
    skip.textContent = t("shell.skip");
    navOpen = false;
    header.classList.remove("nav-open");
    clear(
      header,
      h(
        "div",
        { class: "brand" },
        h("span", { class: "brand-title" }, t("app.title")),
        h("span", { class: "brand-sub" }, t("app.subtitle")),
      ),
      // On a phone the tabs fold into a menu behind this button (styles/app.css, max-width 720px).
      h(
        "button",
        {
          type: "button",
          class: "nav-toggle",
          "aria-expanded": "false",
          "aria-controls": "nav-tabs",
          onclick: (event: Event) => {
            navOpen = !navOpen;
            header.classList.toggle("nav-open", navOpen);
            (event.currentTarget as HTMLElement).setAttribute("aria-expanded", String(navOpen));
          },
        },
        h("span", { "aria-hidden": "true" }, "☰ "),
        t(`nav.${state.view}` as MessageKey),
        h("span", { class: "visually-hidden" }, ` · ${t("shell.menu")}`),
      ),
      h(
        "nav",
        { class: "tabs", id: "nav-tabs", "aria-label": t("shell.views") },
        NAV.map((view) =>
          h(
            "a",
            {
              href: serializeState(withState(state, { view, selected: undefined, finding: undefined, ...NO_PICTURE })),
              class: state.view === view ? "tab active" : "tab",
              "aria-current": state.view === view ? "page" : undefined,
              "data-view": view,
            },
            t(`nav.${view}` as MessageKey),
          ),
        ),
      ),
      h(
        "button",
        {
          type: "button",
          class: "lang-switch",
          // The visible word is the accessible name (axe: label-content-name-mismatch); the title explains it.
          title: t("lang.switchLabel"),
          lang: state.lang === "zh" ? "en" : "zh-CN",
          onclick: () => context.navigate({ lang: state.lang === "zh" ? "en" : "zh" }, { replace: true }),
        },
        t("lang.switch"),
      ),
    );
  };

  const apply = (next: ViewState) => {
    state = next;
    rememberView(next, browserStore());
    renderHeader();
    if (!mounted || mounted.view !== next.view || mounted.lang !== next.lang) {
      mounted?.instance.destroy();
      const holder = h("div", { class: `view view-${next.view}` });
      clear(main, holder);
      try {
        mounted = { view: next.view, lang: next.lang, instance: VIEWS[next.view](holder, context) };
      } catch (error) {
        mounted = undefined;
        context.notify(describeError(error, translator(next.lang)));
      }
    } else mounted.instance.update(next);
  };

  // Links (nav tabs, copied URLs) change the hash; back/forward fire popstate. Both re-read the URL.
  const readUrl = () => {
    // An in-page anchor (`#main`) is not a view: keep the state and put its link back.
    if (location.hash && !location.hash.startsWith("#/")) {
      history.replaceState(null, "", serializeState(state));
      return;
    }
    if (serializeState(parseState(location.hash)) !== serializeState(state)) apply(parseState(location.hash));
  };
  window.addEventListener("popstate", readUrl);
  window.addEventListener("hashchange", readUrl);
  if (!location.hash) history.replaceState(null, "", serializeState(state));
  apply(state);
}
