import type { Chain, Region } from "../../../model/api/explore.ts";
import type { AppContext } from "../app/context.ts";
import { entityName } from "../i18n/i18n.ts";
import { h } from "./dom.ts";

/** Region names with their parent when two regions share a name (e.g. 新区 in two cities). */
export function regionLabel(region: Region, all: Region[], lang: "zh" | "en"): string {
  const name = entityName({ ...region, label: region.name }, lang);
  const parent = all.find((r) => r.id === (region.parent ?? region.enclaveOf));
  if (region.kind === "enclave" && parent)
    return `${name}（${entityName({ ...parent, label: parent.name }, lang)}${lang === "zh" ? "飞地" : " enclave"}）`;
  return name;
}

/** Regions that have something to show for some chain, and chains for a region (all when none listed). */
export function regionsWithChains(regions: Region[], chains: Chain[]): Region[] {
  const used = new Set(chains.flatMap((chain) => chain.regions));
  const list = regions.filter((region) => used.has(region.id));
  return list.length > 0 ? list : regions;
}

export function chainsForRegion(chains: Chain[], region: string | undefined): Chain[] {
  if (!region) return chains;
  const list = chains.filter((chain) => chain.regions.includes(region));
  return list.length > 0 ? list : chains;
}

/** The region and chain selects every chain view starts with. */
export function regionChainPicker(
  context: AppContext,
  catalog: { regions: Region[]; chains: Chain[] },
  current: { region?: string; chain?: string; enclaves?: string },
  onChange: (patch: { region?: string; chain?: string; enclaves?: "home" | "host" | "both" }) => void,
  options: { enclaves?: boolean } = {},
): HTMLElement {
  const { t, lang } = context;
  const regions = regionsWithChains(catalog.regions, catalog.chains);
  const regionSelect = h(
    "select",
    {
      id: "pick-region",
      onchange: (event: Event) => {
        const region = (event.target as HTMLSelectElement).value;
        const chains = chainsForRegion(catalog.chains, region);
        onChange({ region, chain: chains.some((c) => c.id === current.chain) ? current.chain : chains[0]?.id });
      },
    },
    h("option", { value: "", disabled: true, selected: !current.region }, t("common.choose")),
    regions.map((region) =>
      h("option", { value: region.id, selected: region.id === current.region }, regionLabel(region, catalog.regions, lang)),
    ),
  );
  const chainSelect = h(
    "select",
    {
      id: "pick-chain",
      onchange: (event: Event) => onChange({ region: current.region, chain: (event.target as HTMLSelectElement).value }),
    },
    h("option", { value: "", disabled: true, selected: !current.chain }, t("common.choose")),
    chainsForRegion(catalog.chains, current.region).map((chain) =>
      h("option", { value: chain.id, selected: chain.id === current.chain }, entityName({ ...chain, label: chain.name }, lang)),
    ),
  );
  const hasEnclaves = catalog.regions.some((r) => r.kind === "enclave" && (r.enclaveOf === current.region || r.id === current.region));
  const enclaveSelect =
    options.enclaves && hasEnclaves
      ? h(
          "label",
          { class: "field" },
          h("span", {}, t("enclaves.label")),
          h(
            "select",
            {
              id: "pick-enclaves",
              onchange: (event: Event) =>
                onChange({
                  region: current.region,
                  chain: current.chain,
                  enclaves: (event.target as HTMLSelectElement).value as "home" | "host" | "both",
                }),
            },
            (["home", "host", "both"] as const).map((value) =>
              h("option", { value, selected: (current.enclaves ?? "home") === value }, t(`enclaves.${value}`)),
            ),
          ),
        )
      : null;
  return h(
    "div",
    { class: "picker" },
    h("label", { class: "field", for: "pick-region" }, h("span", {}, t("common.region")), regionSelect),
    h("label", { class: "field", for: "pick-chain" }, h("span", {}, t("common.chain")), chainSelect),
    enclaveSelect,
  );
}

/** A sensible first view when the URL names no chain: the first chain with a region, in that region. */
export function defaultChoice(catalog: { chains: Chain[] }, region?: string): { chain?: string; region?: string } {
  const chains = chainsForRegion(catalog.chains, region);
  const chain = chains.find((c) => c.regions.length > 0) ?? chains[0];
  return { chain: chain?.id, region: region ?? chain?.regions[0] };
}
