/** What every made-up node and tie carries instead of a source: no document, no quote, `assumption: "synthetic"`. */
export const SYNTHETIC_PROVENANCE = { sourceDocs: [] as string[], sourceQuotes: [] as string[], assumption: "synthetic" };
