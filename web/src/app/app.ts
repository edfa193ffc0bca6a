import type { Chain, Region } from "../../../model/api/explore.ts";
import { api } from "../api/client.ts";
import { describeError } from "../api/errors.ts";
import { translator } from "../i18n/i18n.ts";
import type { MessageKey } from "../i18n/messages.ts";
import { parseState, serializeState, type View, type ViewState, withState } from "../state/url-state.ts";
import { clear, h } from "../ui/dom.ts";
import { chainMapView } from "../views/chain-map.ts";
import { compareView } from "../views/compare.ts";
import { distributionView } from "../views/distribution.ts";
import { explorerView } from "../views/explorer.ts";
import { importView } from "../views/import.ts";
import { reportView } from "../views/report.ts";
import { targetsView } from "../views/targets.ts";
import type { AppContext, ViewFactory, ViewInstance } from "./context.ts";

const VIEWS: Record<View, ViewFactory> = {
  map: chainMapView,
  explore: explorerView,
  targets: targetsView,
  compare: compareView,
  report: reportView,
  import: importView,
  distribution: distributionView,
};
const NAV: View[] = ["map", "explore", "targets", "compare", "distribution", "import"];

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
  clear(root, h("a", { class: "skip-link", href: "#main" }, "跳到内容 Skip to content"), header, main, toasts);

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
      const next = withState(state, patch);
      const hash = serializeState(next);
      if (hash === serializeState(state)) return;
      if (options.replace) history.replaceState(null, "", hash);
      else history.pushState(null, "", hash);
      apply(parseState(hash));
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
    clear(
      header,
      h(
        "div",
        { class: "brand" },
        h("span", { class: "brand-title" }, t("app.title")),
        h("span", { class: "brand-sub" }, t("app.subtitle")),
      ),
      h(
        "nav",
        { class: "tabs", "aria-label": "views" },
        NAV.map((view) =>
          h(
            "a",
            {
              href: serializeState(withState(state, { view, selected: undefined, finding: undefined })),
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
          "aria-label": t("lang.switchLabel"),
          onclick: () => context.navigate({ lang: state.lang === "zh" ? "en" : "zh" }, { replace: true }),
        },
        t("lang.switch"),
      ),
    );
  };

  const apply = (next: ViewState) => {
    state = next;
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
  window.addEventListener("popstate", () => apply(parseState(location.hash)));
  window.addEventListener("hashchange", () => {
    if (serializeState(parseState(location.hash)) !== serializeState(state)) apply(parseState(location.hash));
  });
  if (!location.hash) history.replaceState(null, "", serializeState(state));
  apply(state);
}
