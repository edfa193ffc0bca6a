import "../styles/overview-and-map.css";
import type { Chain, Region } from "../../../model/api/explore.ts";
import { ApiError, describeError } from "../api/errors.ts";
import type { AppContext, ViewInstance } from "../app/context.ts";
import { entityName } from "../i18n/i18n.ts";
import type { MessageKey } from "../i18n/messages.ts";
import { browserStore, lastView } from "../state/last-view.ts";
import { serializeState, type ViewState } from "../state/url-state.ts";
import { clear, errorBox, h, loading } from "../ui/dom.ts";
import { regionLabel } from "../ui/pickers.ts";
import { developedPairs, type RegionChains } from "./home/developed-pairs.ts";
import { firstUseHint } from "./home/first-use-hint.ts";
import { pairCard } from "./home/pair-card.ts";

/** Gap reports asked for at once: the overview should not crowd out the rest of the app's requests. */
const CONCURRENT_REPORTS = 2;
/** Regions drawn at first, and added by each "more" click. */
const REGIONS_PER_PAGE = 20;

/**
 * 总览, the first screen: a short first-use hint, "continue where you left off", and for every
 * region the chains it develops (DEVELOPS), each card with completeness and its top findings as
 * links into the chain map. The cards appear at once; each fills in when its gap report arrives.
 * Regions come a page at a time (most local first), with a button for the rest.
 */
export function homeView(root: HTMLElement, context: AppContext): ViewInstance {
  const { t } = context;
  let disposed = false;
  const regionsHolder = h("div", { class: "home-regions" }, loading(t("common.loading")));
  const store = browserStore();
  clear(
    root,
    h(
      "div",
      { class: "home" },
      h("h1", { class: "view-title" }, t("nav.home")),
      h("p", { class: "home-intro" }, t("home.intro")),
      firstUseHint(t, store),
      resumeLink(context, lastView(store)),
      regionsHolder,
    ),
  );

  const load = async () => {
    clear(regionsHolder, loading(t("common.loading")));
    let catalog: { regions: Region[]; chains: Chain[] };
    try {
      catalog = await context.catalog();
    } catch (error) {
      clear(
        regionsHolder,
        errorBox(describeError(error, t), () => void load(), t("common.retry")),
      );
      return;
    }
    if (disposed) return;
    const groups = developedPairs(catalog);
    if (groups.length === 0) {
      clear(regionsHolder, h("p", { class: "notice" }, t("home.none")));
      return;
    }
    const list = h("div", { class: "home-region-list" });
    const more = h("button", { type: "button", class: "home-more" });
    clear(regionsHolder, list, more);
    const jobs: (() => Promise<void>)[] = [];
    let running = 0;
    // A small pool: the cards at the top (the most local regions) fill in first.
    const next = async (): Promise<void> => {
      const job = jobs.shift();
      if (!job || disposed) return;
      await job();
      return next();
    };
    const drain = () => {
      while (running < CONCURRENT_REPORTS && jobs.length > 0) {
        running += 1;
        void next().finally(() => {
          running -= 1;
        });
      }
    };
    // A page of regions at a time: a national database develops thousands of region × chain pairs,
    // and the overview must not draw them all, nor ask for thousands of gap reports.
    let shown = 0;
    const showMore = () => {
      const page = groups.slice(shown, shown + REGIONS_PER_PAGE);
      shown += page.length;
      list.append(...page.map((group) => regionSection(group, catalog.regions, jobs)));
      const left = groups.length - shown;
      more.hidden = left === 0;
      more.textContent = t("home.more", { n: left });
      drain();
    };
    more.addEventListener("click", showMore);
    showMore();
  };

  /** One region's heading and its chain cards; each card's gap report is queued in `jobs`. */
  const regionSection = ({ region, chains }: RegionChains, regions: Region[], jobs: (() => Promise<void>)[]) =>
    h(
      "section",
      { class: "home-region", "aria-labelledby": `home-${region.id}` },
      h(
        "h2",
        { id: `home-${region.id}` },
        regionLabel(region, regions, context.lang),
        h("span", { class: "muted home-count" }, t("home.regionChains", { n: chains.length })),
      ),
      h(
        "div",
        { class: "pair-cards" },
        chains.map((chain: Chain) => {
          const card = pairCard(context, region, chain);
          const report = (attempt: number): Promise<void> =>
            context.api.gaps(chain.id, region.id).then(
              (gaps) => {
                if (!disposed) card.show(gaps);
              },
              async (error) => {
                if (disposed) return;
                // A busy database (503) answers again after Retry-After: one quiet retry before asking the user.
                if (attempt === 0 && error instanceof ApiError && error.status === 503) {
                  await new Promise((resolve) => setTimeout(resolve, (error.detail.retryAfter ?? 5) * 1000));
                  return report(1);
                }
                card.fail(error, () => void report(1));
              },
            );
          jobs.push(() => report(0));
          return card.element;
        }),
      ),
    );

  void load();
  return {
    update: () => {},
    destroy: () => {
      disposed = true;
    },
  };
}

/** "Continue where you left off": the last view other than the overview, named by view, region and chain. */
function resumeLink(context: AppContext, last: ViewState | undefined): HTMLElement | null {
  if (!last) return null;
  const { t, lang } = context;
  const link = h(
    "a",
    { class: "button", href: serializeState({ ...last, lang: context.lang }), "data-resume": last.view },
    `${t("home.resume")}${lang === "zh" ? "：" : ": "}${t(`nav.${last.view}` as MessageKey)}`,
  );
  const names = h("span", { class: "muted" });
  void context
    .catalog()
    .then(({ regions, chains }) => {
      const region = regions.find((r) => r.id === last.region);
      const chain = chains.find((c) => c.id === last.chain);
      names.textContent = [
        region ? entityName({ ...region, label: region.name }, lang) : "",
        chain ? entityName({ ...chain, label: chain.name }, lang) : "",
      ]
        .filter(Boolean)
        .join(" · ");
    })
    .catch(() => {});
  return h("p", { class: "home-resume" }, link, " ", names);
}
