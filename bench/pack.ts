import type { PlantedGaps } from "../seeds/synthetic/manifest.ts";

export interface PackRun {
  chain: string;
  region: string;
  status: number;
  ms: number;
  bytes: number;
}

export interface PackResult {
  runs: PackRun[];
  maxMs: number;
  maxBytes: number;
}

/**
 * Up to `runs` presences in different regions, spread over the list: the planted presences come
 * grouped by region (one district develops several chains), so the first few would be one district.
 */
export function distinctRegions(presences: PlantedGaps[], runs: number): PlantedGaps[] {
  const firstPerRegion = new Map<string, PlantedGaps>();
  for (const p of presences) if (!firstPerRegion.has(p.region)) firstPerRegion.set(p.region, p);
  const regions = [...firstPerRegion.values()];
  if (regions.length <= runs) return regions;
  return Array.from({ length: runs }, (_, i) => regions[Math.floor((i * regions.length) / runs)]!);
}

/**
 * The 图表包 (GET /api/chains/:id/pack) through the app, once per region sampled: the time until
 * the last byte and the ZIP's size. Reported only: the issue asks ≤ 30 s and ≤ 10 MB for a county
 * at 1M firms, and the report shows the figures next to those numbers, never asserting them.
 */
export async function measurePack(baseUrl: string, presences: PlantedGaps[], runs: number): Promise<PackResult> {
  const sample = distinctRegions(presences, runs);
  const results: PackRun[] = [];
  for (const p of sample) {
    const started = performance.now();
    const response = await fetch(`${baseUrl}/api/chains/${p.chain}/pack?region=${encodeURIComponent(p.region)}&enclaves=both`);
    const bytes = (await response.arrayBuffer()).byteLength;
    results.push({ chain: p.chain, region: p.region, status: response.status, ms: Math.round(performance.now() - started), bytes });
  }
  return {
    runs: results,
    maxMs: Math.max(0, ...results.map((r) => r.ms)),
    maxBytes: Math.max(0, ...results.map((r) => r.bytes)),
  };
}

export function packLines(pack: PackResult | undefined): string[] {
  if (!pack) return [];
  return [
    "",
    `图表包 (GET /api/chains/:id/pack, the app over HTTP; asked: ≤ 30 s and ≤ 10 MB for a county at 1M firms, reported only): ` +
      pack.runs
        .map((r) => `${r.region} ${r.status} in ${(r.ms / 1000).toFixed(1)} s, ${(r.bytes / 1024 / 1024).toFixed(2)} MB`)
        .join("; ") +
      `. Slowest ${(pack.maxMs / 1000).toFixed(1)} s, largest ${(pack.maxBytes / 1024 / 1024).toFixed(2)} MB.`,
  ];
}
