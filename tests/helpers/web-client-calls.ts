import type { Api } from "../../web/src/api/client.ts";

/** Ids a call needs; the unit test passes made-up ones, the integration test real ones. */
export interface CallIds {
  firm: string;
  otherFirm: string;
  chain: string;
  region: string;
  batch: string;
  /** A saved scenario of `chain` in `region`. */
  scenario: string;
  /** A segment of `chain`. */
  segment: string;
}

/**
 * One call of every function of the web's API client, with plausible arguments. Typed by the
 * client's own keys, so a function added there without a call here fails the typecheck; `file`
 * marks the one answer that is bytes, not JSON.
 */
export function everyClientCall(api: Api, ids: CallIds, token = ""): Record<keyof Api, (() => Promise<unknown>) | "file"> {
  return {
    search: () => api.search("纳爱斯"),
    node: () => api.node(ids.firm),
    neighbors: () => api.neighbors(ids.firm),
    paths: () => api.paths(ids.firm, ids.otherFirm),
    regions: () => api.regions(),
    chains: () => api.chains(),
    chain: () => api.chain(ids.chain),
    map: () => api.map(ids.chain, ids.region),
    gaps: () => api.gaps(ids.chain, ids.region),
    targets: () => api.targets(ids.chain, ids.region, undefined),
    compare: () => api.compare(ids.chain, [ids.region]),
    documents: () => api.documents(),
    scenarios: () => api.scenarios(ids.chain),
    scenarioOutcome: () => api.scenarioOutcome(ids.scenario),
    scenario: () => api.scenario(ids.scenario),
    saveScenario: () =>
      api.saveScenario(
        {
          name: "web client",
          chain: ids.chain,
          region: ids.region,
          changes: [{ kind: "add-firm", name: "示例新企业", segment: ids.segment }],
        },
        token,
        ids.scenario,
      ),
    resilience: () => api.resilience(ids.chain, ids.region),
    exportFile: "file",
    pack: "file",
    distributionSvg: "file",
    importFiles: () => api.importFiles([new File(["id,name\n"], "firms.csv")], { dryRun: true, token }),
    importBatches: () => api.importBatches(),
    revertImport: () => api.revertImport(ids.batch, token),
  };
}
