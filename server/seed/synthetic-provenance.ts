/** What every made-up node and tie carries instead of a source: no document, no quote, `assumption: "synthetic"`. */
export const SYNTHETIC_PROVENANCE = { sourceDocs: [] as string[], sourceQuotes: [] as string[], assumption: "synthetic" };

/**
 * What the bulk paths store of it: the assumption only. An empty list costs a property record on
 * every node and tie (1.6 GiB at 1M firms) and neo4j-admin cannot store one at all; every read
 * treats an absent list as empty (`coalesce(x, [])`).
 */
export const STORED_SYNTHETIC_PROVENANCE = { assumption: SYNTHETIC_PROVENANCE.assumption };
