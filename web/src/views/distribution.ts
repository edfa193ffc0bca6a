import { describeError } from "../api/errors.ts";
import type { AppContext, ViewInstance } from "../app/context.ts";
import { packButton } from "../export/pack-button.ts";
import type { ViewState } from "../state/url-state.ts";
import { showDetailsDrawer } from "../ui/details-panel.ts";
import { clear, errorBox, h, loading } from "../ui/dom.ts";
import { defaultChoice, regionChainPicker } from "../ui/pickers.ts";

const SVG_NS = "http://www.w3.org/2000/svg";

/**
 * 区域分布图: the server's picture (the one in the 图表包: the planner's boundary with firms,
 * parks and projects, or the schematic of the region tree) placed inline, so each point and
 * cluster can be clicked or reached with the keyboard. A point opens its details; a cluster
 * lists its points.
 */
export function distributionView(root: HTMLElement, context: AppContext): ViewInstance {
  const { t } = context;
  const side = h("div", { class: "sidebar", role: "region", "aria-label": t("distribution.title") });
  const picture = h("div", { class: "distribution-map", id: "distribution-map" });
  const drawer = h("div", { class: "drawer" });
  const clusterList = h("div", { class: "cluster-list", "aria-live": "polite" });
  clear(root, h("div", { class: "layout layout-map" }, side, h("div", { class: "stage distribution-stage" }, picture), drawer));
  let loadedKey = "";
  let sideKey = "";
  let disposed = false;

  const open = (element: Element) => {
    const single = element.getAttribute("data-node-id");
    if (single) {
      context.navigate({ selected: single }, { replace: true });
      return;
    }
    const ids = (element.getAttribute("data-node-ids") ?? "").split(" ").filter(Boolean);
    const names = (element.querySelector("title")?.textContent ?? "").split("\n");
    clear(
      clusterList,
      h("h2", {}, t("distribution.cluster", { n: ids.length })),
      h(
        "ul",
        {},
        ids.map((id, i) =>
          h(
            "li",
            {},
            h(
              "button",
              { type: "button", class: "link", onclick: () => context.navigate({ selected: id }, { replace: true }) },
              names[i] ?? id,
            ),
          ),
        ),
      ),
    );
  };
  picture.addEventListener("click", (event) => {
    const target = (event.target as Element).closest("[data-node-id], [data-node-ids]");
    if (target && picture.contains(target)) open(target);
  });
  picture.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" && event.key !== " ") return;
    const target = (event.target as Element).closest("[data-node-id], [data-node-ids]");
    if (target) {
      event.preventDefault();
      open(target);
    }
  });

  const renderSide = async (state: ViewState) => {
    const catalog = await context.catalog();
    clear(
      side,
      h("h1", { class: "view-title" }, t("distribution.title")),
      regionChainPicker(context, catalog, state, (patch) => context.navigate({ ...patch, selected: undefined }), { enclaves: true }),
      h("p", { class: "hint" }, t("distribution.hint")),
      h("div", { class: "actions" }, packButton(context)),
      clusterList,
    );
  };

  const load = async (state: ViewState) => {
    const { chain, region } = state;
    if (!chain || !region) return;
    const key = `${chain}|${region}|${state.enclaves ?? ""}|${state.lang}`;
    if (key === loadedKey) return;
    loadedKey = key;
    picture.setAttribute("aria-busy", "true");
    clear(picture, loading(t("common.loading")));
    clear(clusterList);
    try {
      const text = await context.api.distributionSvg(chain, region, state.lang, state.enclaves);
      if (disposed || key !== loadedKey) return;
      const parsed = new DOMParser().parseFromString(text, "image/svg+xml");
      const svg = parsed.documentElement;
      if (svg.namespaceURI !== SVG_NS || parsed.querySelector("parsererror")) throw new Error("the distribution map is not SVG");
      const figure = document.importNode(svg, true);
      figure.setAttribute("role", "img");
      figure.setAttribute("aria-label", svg.querySelector("text")?.textContent ?? t("distribution.title"));
      for (const mark of figure.querySelectorAll("[data-node-id], [data-node-ids]")) {
        mark.setAttribute("tabindex", "0");
        mark.setAttribute("role", "button");
        mark.setAttribute("aria-label", mark.querySelector("title")?.textContent?.split("\n")[0] ?? "");
      }
      clear(picture, figure);
      picture.dataset.ready = "true";
    } catch (error) {
      loadedKey = "";
      clear(
        picture,
        errorBox(describeError(error, t), () => void load(context.state), t("common.retry")),
      );
    } finally {
      picture.setAttribute("aria-busy", "false");
    }
  };

  const update = (state: ViewState) => {
    if (!state.chain || !state.region) {
      void context.catalog().then((catalog) => {
        const choice = defaultChoice(catalog, state.region);
        if (choice.chain && choice.region) context.navigate(choice, { replace: true });
      });
    }
    // The side (picker, pack button with its progress) is redrawn only when what it shows changes.
    const nextSide = `${state.chain}|${state.region}|${state.enclaves ?? ""}`;
    if (nextSide !== sideKey) {
      sideKey = nextSide;
      void renderSide(state);
    }
    void load(state);
    showDetailsDrawer(drawer, context, state.selected);
  };
  update(context.state);
  return {
    update,
    destroy: () => {
      disposed = true;
    },
  };
}
