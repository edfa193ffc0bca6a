/**
 * The kinds of spreadsheet the import takes, one template each. Dependency-free so the web app
 * imports this same list rather than a copy.
 */
export const IMPORT_KINDS = [
  "regions",
  "chains",
  "segments",
  "organizations",
  "firms",
  "funds",
  "institutes",
  "parks",
  "projects",
  "investments",
  "ties",
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
