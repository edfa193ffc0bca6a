import path from "node:path";
import { fileURLToPath } from "node:url";
import { readSeedDir } from "../server/seed/read-seed-dir.ts";

// Validates seed files without touching a database: `npx tsx seeds/check.ts [dir]`.
const dir = process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), "demo");
const seed = await readSeedDir(dir).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
for (const [file, records] of Object.entries(seed)) console.log(`${file.padEnd(20)} ${records.length}`);
