import type { ElementDefinition } from "cytoscape";
import { describeError } from "../api/errors.ts";
import type { NodeDetails } from "../api/schemas.ts";
import type { AppContext, ViewInstance } from "../app/context.ts";
import { ExpansionLedger, reconcileExpansions } from "../explore/expansions.ts";
import { deriveFacts, filtersActive, passes } from "../explore/filters.ts";
import { entityElements, relationshipName } from "../graph/entity-elements.ts";
import { GraphView } from "../graph/graph-view.ts";
import { NODE_TYPES } from "../graph/palette.ts";
import { entityName } from "../i18n/i18n.ts";
import type { MessageKey } from "../i18n/messages.ts";
import { type Expansion, expansionKey, type Filters, type ViewState } from "../state/url-state.ts";
import { showDetailsDrawer } from "../ui/details-panel.ts";
import { clear, errorBox, h, loading } from "../ui/dom.ts";
import { exportMenu } from "../ui/export-menu.ts";
import { entityLegend } from "../ui/legend.ts";
import { regionLabel } from "../ui/pickers.ts";
import { searchBox } from "../ui/search-box.ts";

const STAGES = ["upstream", "midstream", "downstream"] as const;

/**
 * Ecosystem walk: start from any entity, open its details, expand its neighbours by relationship
 * type, collapse and undo, find paths between two entities, filter what is shown. The URL holds
 * focus + expansions + filters; this view reconciles the graph with it step by step, so back,
 * forward, undo and a pasted link all go through the same code.
 */
export function explorerView(root: HTMLElement, context: AppContext): ViewInstance {
  const { t, lang } = context;
  const side = h("div", { class: "sidebar" });
  const canvas = h("div", { class: "graph", id: "graph", role: "img", "aria-label": t("nav.explore") });
  const overlay = h("div", { class: "graph-overlay" });
  const legendHolder = h("div", { class: "legend-holder" });
  const drawer = h("div", { class: "drawer" });
  const toolbar = h("div", { class: "graph-toolbar" });
  const status = h("div", { class: "status-line", role: "status", "aria-live": "polite" });
  clear(
    root,
    h("div", { class: "layout layout-explore" }, side, h("div", { class: "stage" }, toolbar, canvas, overlay, legendHolder), drawer),
  );
  const graph = new GraphView(canvas);

  let state = context.state;
  let focus: string | undefined;
  let ledger = new ExpansionLedger();
  let pathKey = "";
  let detailsKey = "";
  let disposed = false;
  const positions = new Map<string, { x: number; y: number }>();
  const undoStack: ViewState[] = [];

  const go = (patch: Partial<ViewState>) => {
    undoStack.push(state);
    context.navigate(patch);
  };
  const expand = (expansion: Expansion) => {
    if (state.expanded.some((e) => expansionKey(e) === expansionKey(expansion))) return;
    go({ expanded: [...state.expanded, expansion], selected: expansion.id });
  };
  const collapse = (id: string) => {
    const dry = ledger.clone();
    const gone = new Set<string>();
    for (const expansion of dry.expansionsOf(id)) for (const c of dry.collapse(expansion).collapsed) gone.add(expansionKey(c));
    go({ expanded: state.expanded.filter((e) => !gone.has(expansionKey(e))) });
  };
  const undo = () => {
    const previous = undoStack.pop();
    if (previous) context.navigate(previous);
    else context.notify(t("explore.undoNothing"), "info");
  };

  graph.onNodeTap((id) => context.navigate({ selected: id }, { replace: true }));
  graph.onBackgroundTap(() => {
    if (state.selected) context.navigate({ selected: undefined }, { replace: true });
  });

  const detailActions = (details: NodeDetails) => {
    const id = details.node.id;
    const relTypes = Object.entries(details.degree).filter(([, n]) => n > 0);
    const expanded = ledger.expansionsOf(id).length > 0;
    return h(
      "div",
      { class: "detail-actions" },
      h("h3", {}, t("explore.expand")),
      h(
        "div",
        { class: "chips" },
        h("button", { type: "button", class: "chip", "data-expand": "all", onclick: () => expand({ id }) }, t("explore.expandAll")),
        relTypes.map(([relType, count]) =>
          h(
            "button",
            { type: "button", class: "chip", "data-expand": relType, onclick: () => expand({ id, relType }) },
            `${relationshipName(relType, lang)} ${count}`,
          ),
        ),
      ),
      h(
        "div",
        { class: "row" },
        expanded ? h("button", { type: "button", "data-action": "collapse", onclick: () => collapse(id) }, t("explore.collapse")) : null,
        id !== focus
          ? h(
              "button",
              { type: "button", onclick: () => go({ focus: id, expanded: [], selected: id }) },
              `◎ ${lang === "zh" ? "以此为中心" : "Make centre"}`,
            )
          : null,
        h("button", { type: "button", onclick: () => go({ pathFrom: id }) }, t("explore.pathFrom")),
        h("button", { type: "button", onclick: () => go({ pathTo: id }) }, t("explore.pathTo")),
      ),
    );
  };

  const renderSide = async () => {
    const catalog = await context.catalog().catch(() => ({ regions: [], chains: [] }));
    const filters = state.filters;
    const setFilters = (patch: Partial<Filters>) => context.navigate({ filters: { ...filters, ...patch } }, { replace: true });
    const toggle = (list: string[], value: string, on: boolean) => (on ? [...new Set([...list, value])] : list.filter((v) => v !== value));
    const nameOf = (id: string | undefined) => (id ? String(graph.data(id)?.displayLabel ?? id) : "—");
    clear(
      side,
      h("h1", { class: "view-title" }, t("nav.explore")),
      searchBox(context, (result) => go({ focus: result.id, expanded: [], selected: result.id, pathFrom: undefined, pathTo: undefined }), {
        id: "explore-search",
      }),
      h(
        "div",
        { class: "row" },
        h("button", { type: "button", id: "undo", onclick: undo, disabled: undoStack.length === 0 }, `↶ ${t("explore.undo")}`),
      ),
      status,
      h(
        "details",
        { class: "panel", open: filtersActive(filters) },
        h("summary", {}, t("explore.filters")),
        h(
          "fieldset",
          {},
          h("legend", {}, t("explore.filterTypes")),
          NODE_TYPES.map((type) =>
            h(
              "label",
              { class: "check" },
              h("input", {
                type: "checkbox",
                checked: filters.types.includes(type),
                onchange: (e: Event) => setFilters({ types: toggle(filters.types, type, (e.target as HTMLInputElement).checked) }),
              }),
              t(`type.${type}` as MessageKey),
            ),
          ),
        ),
        h(
          "fieldset",
          {},
          h("legend", {}, t("explore.filterStages")),
          STAGES.map((stage) =>
            h(
              "label",
              { class: "check" },
              h("input", {
                type: "checkbox",
                checked: filters.stages.includes(stage),
                onchange: (e: Event) => setFilters({ stages: toggle(filters.stages, stage, (e.target as HTMLInputElement).checked) }),
              }),
              t(`stage.${stage}`),
            ),
          ),
        ),
        h(
          "label",
          { class: "field" },
          h("span", {}, t("explore.filterRegion")),
          h(
            "select",
            {
              onchange: (e: Event) =>
                setFilters({ regions: (e.target as HTMLSelectElement).value ? [(e.target as HTMLSelectElement).value] : [] }),
            },
            h("option", { value: "" }, "—"),
            catalog.regions.map((r) =>
              h("option", { value: r.id, selected: filters.regions.includes(r.id) }, regionLabel(r, catalog.regions, lang)),
            ),
          ),
        ),
        h(
          "label",
          { class: "field" },
          h("span", {}, t("explore.filterChain")),
          h(
            "select",
            {
              onchange: (e: Event) =>
                setFilters({ chains: (e.target as HTMLSelectElement).value ? [(e.target as HTMLSelectElement).value] : [] }),
            },
            h("option", { value: "" }, "—"),
            catalog.chains.map((c) =>
              h("option", { value: c.id, selected: filters.chains.includes(c.id) }, entityName({ ...c, label: c.name }, lang)),
            ),
          ),
        ),
        h(
          "button",
          {
            type: "button",
            onclick: () => context.navigate({ filters: { types: [], stages: [], regions: [], chains: [] } }, { replace: true }),
          },
          t("explore.clearFilters"),
        ),
      ),
      h(
        "details",
        { class: "panel", open: !!(state.pathFrom || state.pathTo) },
        h("summary", {}, t("explore.findPath")),
        h("div", { class: "path-ends" }, t("explore.pathEnds", { from: nameOf(state.pathFrom), to: nameOf(state.pathTo) })),
        searchBox(context, (r) => go({ pathFrom: r.id }), { id: "path-from", placeholder: t("explore.pathFrom") }),
        searchBox(context, (r) => go({ pathTo: r.id }), { id: "path-to", placeholder: t("explore.pathTo") }),
      ),
    );
    clear(
      toolbar,
      h("button", { type: "button", onclick: () => graph.fit() }, t("common.fit")),
      h("button", { type: "button", onclick: () => void graph.relayout("fcose") }, t("common.relayout")),
      exportMenu(
        context,
        () => graph,
        () => [focus ? String(graph.data(focus)?.displayLabel ?? focus) : undefined, t("nav.explore")],
      ),
    );
  };

  const definitions = (answer: { nodes: { data: { id: string } }[]; edges: unknown[] }) => {
    const defs = entityElements(answer as never, lang);
    for (const def of defs) {
      const cached = def.data.id ? positions.get(def.data.id) : undefined;
      if (cached && def.group === "nodes") def.position = { ...cached };
    }
    return defs;
  };
  const remember = (removed: ElementDefinition[]) => {
    for (const def of removed) if (def.position && def.data.id) positions.set(def.data.id, def.position);
  };

  const reconcile = async (next: ViewState) => {
    if (next.focus !== focus) {
      focus = next.focus;
      ledger = new ExpansionLedger(new Set(focus ? [focus] : []));
      pathKey = "";
      await graph.replace([]);
      if (!focus) {
        clear(overlay, h("p", { class: "notice" }, t("explore.start")));
      } else {
        const answer = await context.api.neighbors(focus, { limit: 150 });
        await graph.replace(definitions(answer.elements), "fcose");
        status.textContent = answer.truncated ? t("explore.truncated", { n: answer.elements.nodes.length }) : "";
        graph.mark("focus", [focus]);
      }
    }
    let grew = false;
    if (focus) {
      const steps = reconcileExpansions(ledger.expansions(), next.expanded);
      for (const expansion of steps.collapse) {
        const { remove } = ledger.collapse(expansion);
        remember(graph.remove(remove));
      }
      for (const expansion of steps.expand) {
        const answer = await context.api.neighbors(expansion.id, {
          relTypes: expansion.relType ? [expansion.relType] : undefined,
          limit: 150,
        });
        const added = graph.add(definitions(answer.elements), expansion.id);
        ledger.expand(expansion, added.nodeIds);
        grew ||= added.nodeIds.length > 0;
        graph.mark("new", added.nodeIds);
        if (answer.truncated) status.textContent = t("explore.truncated", { n: answer.elements.nodes.length });
      }
    }
    // Rings keep an expansion cheap; a layout pass from the current positions then untangles it.
    if (grew) await graph.relayout("fcose", true);
    const nextPathKey = `${next.pathFrom ?? ""}|${next.pathTo ?? ""}`;
    if (nextPathKey !== pathKey) {
      pathKey = nextPathKey;
      graph.mark(
        "path-end",
        [next.pathFrom, next.pathTo].filter((v): v is string => !!v),
      );
      if (next.pathFrom && next.pathTo) {
        const answer = await context.api.paths(next.pathFrom, next.pathTo, 4, 5);
        graph.add(definitions(answer.elements), next.pathFrom);
        graph.mark("path-end", [next.pathFrom, next.pathTo]);
        if (answer.paths.length === 0) status.textContent = t("explore.pathNone", { hops: 4 });
        else {
          status.textContent = t("explore.pathFound", { n: answer.paths.length });
          graph.highlight(
            {
              nodeIds: [...new Set(answer.paths.flatMap((p) => p.nodeIds))],
              edgeIds: [...new Set(answer.paths.flatMap((p) => p.edgeIds))],
            },
            { fit: true },
          );
        }
      } else graph.clearHighlight();
    }
    const all = graph.allData();
    const facts = deriveFacts(all.nodes, all.edges);
    graph.filter((data) => data.id === focus || data.id === next.selected || passes(data, next.filters, facts));
    clear(
      legendHolder,
      entityLegend(
        lang,
        NODE_TYPES.filter((type) => all.nodes.some((n) => n.type === type)),
        [...new Set(all.edges.map((e) => String(e.type)))],
      ),
    );
    graph.select(next.selected);
    const nextDetailsKey = `${next.selected ?? ""}|${ledger.keys().join(",")}|${focus}`;
    if (nextDetailsKey !== detailsKey) {
      detailsKey = nextDetailsKey;
      showDetailsDrawer(drawer, context, next.selected, detailActions);
    }
  };

  let queue = Promise.resolve();
  const update = (next: ViewState) => {
    state = next;
    queue = queue.then(async () => {
      if (disposed) return;
      root.dataset.busy = "true";
      clear(overlay, loading(t("common.loading")));
      try {
        await reconcile(state);
        clear(overlay, focus ? null : h("p", { class: "notice" }, t("explore.start")));
      } catch (error) {
        clear(
          overlay,
          errorBox(describeError(error, t), () => update(state), t("common.retry")),
        );
      }
      if (!disposed) await renderSide();
      root.dataset.busy = "false";
    });
  };

  update(state);
  return {
    update,
    destroy: () => {
      disposed = true;
      graph.destroy();
    },
  };
}
