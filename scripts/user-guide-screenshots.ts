import { copyFileSync, existsSync, statSync } from "node:fs";
import path from "node:path";

/**
 * Copies the screenshots the end-to-end tests take (at 1440×900 and 390×844, under
 * test-artifacts/e2e/) to the names docs/user-guide.md and docs/import.md show, so the guide's
 * pictures are the app as the tests last drove it. Run the e2e files first:
 *
 *   npx vitest run --project e2e tests/e2e/overview-and-map.test.ts tests/e2e/access.test.ts tests/e2e/import-flat-list.test.ts
 *   npx tsx scripts/user-guide-screenshots.ts
 *
 * A missing or stale (older than an hour) artifact stops the script: an old picture would pass for new.
 */
const ROOT = path.join(import.meta.dirname, "..");
const E2E = path.join(ROOT, "test-artifacts", "e2e");
const DOCS = path.join(ROOT, "docs");
const FRESH_MS = 60 * 60 * 1000;

const PICTURES: Record<string, string> = {
  "overview-and-map/home-1440.png": "screenshot-home.png",
  "overview-and-map/home-390.png": "screenshot-home-mobile.png",
  "overview-and-map/chain-map-1440.png": "screenshot-chain-map.png",
  "overview-and-map/chain-map-390.png": "screenshot-chain-map-mobile.png",
  "overview-and-map/finding-1440.png": "screenshot-finding.png",
  "overview-and-map/explore-1440.png": "screenshot-explore.png",
  "overview-and-map/explore-390.png": "screenshot-explore-mobile.png",
  "overview-and-map/targets-1440.png": "screenshot-targets.png",
  "overview-and-map/targets-390.png": "screenshot-targets-mobile.png",
  "compare-desktop.png": "screenshot-compare.png",
  "compare-phone.png": "screenshot-compare-phone.png",
  "report-desktop.png": "screenshot-report.png",
  "report-phone.png": "screenshot-report-phone.png",
  "import-desktop.png": "screenshot-import.png",
  "import-phone.png": "screenshot-import-phone.png",
  "map-phone-menu.png": "screenshot-phone-menu.png",
  "map-phone-sheet.png": "screenshot-phone-sheet.png",
  "import-flat-dry-run.png": "screenshot-import-flat-dry-run.png",
};

const problems: string[] = [];
for (const from of Object.keys(PICTURES)) {
  const source = path.join(E2E, from);
  if (!existsSync(source)) problems.push(`missing ${from}`);
  else if (Date.now() - statSync(source).mtimeMs > FRESH_MS) problems.push(`stale ${from}`);
}
if (problems.length > 0) {
  console.error(`Run the e2e tests first:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
for (const [from, to] of Object.entries(PICTURES)) copyFileSync(path.join(E2E, from), path.join(DOCS, to));
console.log(`${Object.keys(PICTURES).length} pictures copied to docs/`);
