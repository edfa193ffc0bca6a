import { describeError } from "../api/errors.ts";
import type { Gaps, Targets } from "../api/schemas.ts";
import type { AppContext, ViewInstance } from "../app/context.ts";
import { entityElements } from "../graph/entity-elements.ts";
import { GraphView } from "../graph/graph-view.ts";
import { bilingual, entityName } from "../i18n/i18n.ts";
import type { ViewState } from "../state/url-state.ts";
import { showDetailsDrawer } from "../ui/details-panel.ts";
import { clear, errorBox, h, loading } from "../ui/dom.ts";
import { exportMenu } from "../ui/export-menu.ts";
import { entityLegend } from "../ui/legend.ts";
import { defaultChoice, regionChainPicker } from "../ui/pickers.ts";

const GAP_KINDS = new Set(["missing-segment", "thin-segment", "broken-link"]);

/** Firms of the opt-in demo layer (and any generated data) carry `assumption: "synthetic"` (and :Synthetic); the UI says so. */
const isSynthetic = (node: Record<string, unknown>) =>
  node.assumption === "synthetic" || (Array.isArray(node._labels) && node._labels.includes("Synthetic"));

/** Segments worth recruiting for: those with a gap finding, worst first, then any gap-marked segment. */
export function gapSegments(gaps: Gaps): { id: string; label: string; labelEn?: string | null; kind: string; severity: string }[] {
  const order = { high: 0, medium: 1, low: 2 } as const;
  const seen = new Set<string>();
  const out: { id: string; label: string; labelEn?: string | null; kind: string; severity: string }[] = [];
  const findings = [...gaps.findings]
    .filter((f) => f.segment && GAP_KINDS.has(f.kind))
    .sort((a, b) => order[a.severity] - order[b.severity]);
  for (const finding of findings) {
    const segment = gaps.segments.find((s) => s.id === finding.segment);
    if (!segment || seen.has(segment.id)) continue;
    seen.add(segment.id);
    out.push({ id: segment.id, label: segment.name, labelEn: segment.nameEn, kind: finding.kind, severity: finding.severity });
  }
  return out;
}

/**
 * Targets: for a gap segment, the ranked recruitment list with reasons; clicking a target shows
 * the ties behind its score on the graph.
 */
export function targetsView(root: HTMLElement, context: AppContext): ViewInstance {
  const { t, lang } = context;
  const side = h("div", { class: "sidebar" });
  const list = h("div", { class: "targets-list", role: "region", "aria-label": t("targets.list") });
  const canvas = h("div", { class: "graph", id: "graph", role: "img", "aria-label": t("targets.list") });
  const overlay = h("div", { class: "graph-overlay" });
  const toolbar = h("div", { class: "graph-toolbar" });
  const legendHolder = h("div", { class: "legend-holder" });
  const drawer = h("div", { class: "drawer" });
  clear(
    root,
    h("div", { class: "layout layout-targets" }, side, list, h("div", { class: "stage" }, toolbar, canvas, overlay, legendHolder), drawer),
  );
  const graph = new GraphView(canvas);
  graph.onNodeTap((id) => context.navigate({ selected: id }, { replace: true }));

  let state = context.state;
  let gapsKey = "";
  let targetsKey = "";
  let gaps: Gaps | undefined;
  let targets: Targets | undefined;
  let disposed = false;

  const showTarget = (next: ViewState) => {
    const target = targets?.targets.find((x) => x.firm.id === next.target);
    if (target) {
      const paths = target.reasons.flatMap((r) => (r.paths.length > 0 ? r.paths : [{ nodes: r.path, edgeIds: [] }]));
      const nodeIds = [...new Set([target.firm.id, ...paths.flatMap((p) => p.nodes)])];
      const edgeIds = [...new Set(paths.flatMap((p) => p.edgeIds))];
      graph.highlight({ nodeIds, edgeIds }, { fit: true, paths: paths.map((p) => p.nodes) });
    } else graph.clearHighlight();
    for (const item of list.querySelectorAll<HTMLElement>(".target")) {
      const on = item.dataset.id === next.target;
      item.classList.toggle("selected", on);
      item.querySelector("button")?.setAttribute("aria-pressed", on ? "true" : "false");
    }
    graph.select(next.selected);
    showDetailsDrawer(drawer, context, next.selected);
  };

  const segmentLabel = (id: string) => {
    const segment = gaps?.segments.find((s) => s.id === id);
    return segment ? entityName({ label: segment.name, nameEn: segment.nameEn }, lang) : id;
  };

  const renderTargets = () => {
    if (!targets) return;
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
              {
                type: "button",
                class: "target-button",
                "aria-pressed": "false",
                onclick: () =>
                  context.navigate({ target: state.target === target.firm.id ? undefined : target.firm.id }, { replace: true }),
              },
              h("span", { class: "rank" }, String(target.rank ?? index + 1)),
              h("span", { class: "target-name" }, entityName(target.firm, lang)),
              isSynthetic(target.firm)
                ? h("span", { class: "badge badge-synthetic", title: t("targets.syntheticHint") }, t("targets.synthetic"))
                : null,
              h("span", { class: "score", title: t("targets.score") }, target.score.toFixed(1)),
            ),
            target.locatedIn.length > 0 ? h("div", { class: "hint located" }, target.locatedIn.join("、")) : null,
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
  };

  /** 招商路线图 over every gap of the chain in the region: who to recruit first and what each closes. */
  const renderRoute = (holder: HTMLElement, route: Targets["route"]) => {
    if (route.steps.length === 0 && route.unclosed.length === 0) return clear(holder);
    clear(
      holder,
      h("h2", {}, t("targets.route")),
      h("p", { class: "hint" }, t("targets.routeHint")),
      h(
        "ol",
        { class: "route" },
        route.steps.map((step) =>
          h(
            "li",
            { "data-id": step.firm.id },
            h("strong", {}, entityName(step.firm, lang)),
            isSynthetic(step.firm) ? h("span", { class: "badge badge-synthetic" }, t("targets.synthetic")) : null,
            h("div", { class: "hint" }, t("targets.closes", { segments: step.closes.map(segmentLabel).join("、") })),
          ),
        ),
      ),
      route.unclosed.length > 0
        ? h("p", { class: "muted" }, t("targets.unclosed", { segments: route.unclosed.map(segmentLabel).join("、") }))
        : null,
    );
  };

  const update = async (next: ViewState) => {
    state = next;
    if (!next.chain || !next.region) {
      const catalog = await context.catalog().catch(() => undefined);
      const choice = catalog ? defaultChoice(catalog, next.region) : {};
      if (choice.chain && choice.region) context.navigate(choice, { replace: true });
      return;
    }
    const key = `${next.chain}|${next.region}`;
    if (key !== gapsKey) {
      gapsKey = key;
      clear(side, loading(t("common.loading")));
      try {
        const [catalog, answer] = await Promise.all([context.catalog(), context.api.gaps(next.chain, next.region)]);
        if (disposed || key !== gapsKey) return;
        gaps = answer;
        const segments = gapSegments(answer);
        clear(
          side,
          h("h1", { class: "view-title" }, t("nav.targets")),
          regionChainPicker(context, catalog, next, (patch) => context.navigate({ ...patch, segment: undefined, target: undefined })),
          h("h2", {}, t("targets.gaps")),
          segments.length === 0
            ? h("p", { class: "muted" }, t("targets.noGaps"))
            : h(
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
                        class: `gap-button${segment.id === next.segment ? " selected" : ""}`,
                        "aria-pressed": segment.id === next.segment ? "true" : "false",
                        "data-segment": segment.id,
                        onclick: () => context.navigate({ segment: segment.id, target: undefined }),
                      },
                      h("span", { class: `badge badge-${segment.severity}` }, t(`finding.${segment.kind}` as never)),
                      entityName({ label: segment.label, nameEn: segment.labelEn }, lang),
                    ),
                  ),
                ),
              ),
        );
        const routeHolder = h("div", { class: "route-holder" });
        side.append(routeHolder);
        void context.api
          .targets(next.chain, next.region, undefined, 1)
          .then((all) => {
            if (!disposed && key === gapsKey) renderRoute(routeHolder, all.route);
          })
          .catch(() => clear(routeHolder));
        if (!next.segment && segments[0]) {
          context.navigate({ segment: segments[0].id }, { replace: true });
          return;
        }
      } catch (error) {
        gapsKey = "";
        clear(
          side,
          errorBox(describeError(error, t), () => void update(state), t("common.retry")),
        );
        return;
      }
    }
    for (const button of side.querySelectorAll<HTMLElement>(".gap-button")) {
      const on = button.dataset.segment === next.segment;
      button.classList.toggle("selected", on);
      button.setAttribute("aria-pressed", on ? "true" : "false");
    }
    if (!next.segment) {
      clear(list, h("p", { class: "muted" }, gaps && gapSegments(gaps).length === 0 ? t("targets.noGaps") : t("targets.pickGap")));
      return;
    }
    const tKey = `${key}|${next.segment}`;
    if (tKey !== targetsKey) {
      targetsKey = tKey;
      clear(list, loading(t("common.loading")));
      try {
        const answer = await context.api.targets(next.chain, next.region, next.segment, 20);
        if (disposed || tKey !== targetsKey) return;
        targets = answer;
        renderTargets();
        await graph.replace(entityElements(answer.elements, lang), "fcose");
        const all = graph.allData();
        clear(
          legendHolder,
          entityLegend(lang, [...new Set(all.nodes.map((n) => String(n.type)))], [...new Set(all.edges.map((e) => String(e.type)))]),
        );
        clear(
          toolbar,
          h("button", { type: "button", onclick: () => graph.fit() }, t("common.fit")),
          exportMenu(
            context,
            () => graph,
            () => [t("targets.list"), gaps?.segments.find((s) => s.id === next.segment)?.name],
          ),
        );
      } catch (error) {
        targetsKey = "";
        clear(
          list,
          errorBox(describeError(error, t), () => void update(state), t("common.retry")),
        );
        return;
      }
    }
    showTarget(next);
  };

  void update(state);
  return {
    update: (next) => void update(next),
    destroy: () => {
      disposed = true;
      graph.destroy();
    },
  };
}
