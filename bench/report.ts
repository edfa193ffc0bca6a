import { packLines } from "./pack.ts";
import type { BenchResults, SizeResult } from "./run-bench.ts";
import { whatIfChecks, whatIfLines } from "./what-if-measures.ts";

/** The brief's targets, checked against a run; a miss says by how much. */
export function targetChecks(results: BenchResults) {
  const checks: { target: string; measured: string; met: boolean | null; note?: string }[] = [];
  const big = [...results.sizes].sort((a, b) => b.firms - a.firms)[0];
  if (!big) return checks;
  const g = big.load?.generator;
  const by = (measured: number, target: number, higherIsBetter: boolean) =>
    higherIsBetter ? `${(measured / target).toFixed(2)}× of target` : `${(measured / target).toFixed(2)}× the limit`;
  if (g) {
    checks.push({
      target: `load ≥ 50k nodes/s (${big.firms} firms)`,
      measured: `${Math.round(g.nodesPerSecond)} nodes/s`,
      met: g.nodesPerSecond >= 50_000,
      note: `${by(g.nodesPerSecond, 50_000, true)}; second half ${n(g.nodesPerSecondSecondHalf)} nodes/s`,
    });
    checks.push({
      target: `load ≥ 50k rels/s (${big.firms} firms)`,
      measured: `${Math.round(g.relationshipsPerSecond)} rels/s`,
      met: g.relationshipsPerSecond >= 50_000,
      note: `${by(g.relationshipsPerSecond, 50_000, true)}; second half ${n(g.relationshipsPerSecondSecondHalf)} rels/s`,
    });
    checks.push({
      target: "loader RSS < 1 GiB",
      measured: `${Math.round(g.peakRssBytes / 2 ** 20)} MiB`,
      met: g.peakRssBytes < 2 ** 30,
    });
  }
  if (big.offline?.available) {
    const rate = big.offline.importRecordsPerSecond;
    checks.push({
      target: `offline bulk import ≥ 300k records/s (${big.firms} firms)`,
      measured: `${Math.round(rate)} records/s`,
      met: rate >= 300_000,
      note: by(rate, 300_000, true),
    });
  }
  const key = big.answerKey;
  if (key?.available) {
    const share = (name: string, value: number, target: number) =>
      checks.push({ target: `${name} ≥ ${target} (${big.firms} firms)`, measured: value.toFixed(3), met: value >= target });
    share("gap recall", key.gaps.recall, 0.95);
    share("gap precision", key.gaps.precision, 0.9);
    share("best target first", key.targets.bestFirstShare, 0.95);
  }
  for (const q of big.queries) {
    if (q.targetP95Ms === undefined) continue;
    const p95 = q.raw?.p95;
    checks.push({
      target: `${q.name} p95 ≤ ${q.targetP95Ms} ms (${big.firms} firms)`,
      measured: p95 === undefined ? "not available" : `${p95} ms`,
      met: p95 === undefined ? null : p95 <= q.targetP95Ms,
      note: p95 === undefined ? q.unavailableReason : by(p95, q.targetP95Ms, false),
    });
  }
  for (const q of big.queries) {
    if (q.planProblems === undefined) continue;
    checks.push({
      target: `plan shape: index-anchored, no scan of all nodes or Firm (${q.name})`,
      measured: q.planProblems.length === 0 ? "holds" : q.planProblems.join("; "),
      met: q.planProblems.length === 0,
    });
  }
  for (const q of big.queries) {
    if (q.apiOverhead === undefined) continue;
    checks.push({ target: `API overhead ≤ 1.15× (${q.name})`, measured: `${q.apiOverhead}×`, met: q.apiOverhead <= 1.15 });
  }
  checks.push(...whatIfChecks(big.whatIf, big.firms));
  const t = big.throughput;
  if (t)
    checks.push({
      target: "sustained load: zero errors",
      measured: `${Math.round(t.requestsPerSecond)} req/s, ${t.errors + t.non2xx + t.timeouts} errors`,
      met: t.errors + t.non2xx + t.timeouts === 0,
    });
  for (const r of results.appRender ?? []) {
    const ok = r.status === "ok";
    const at = `app chain map, ${r.localFirms} local firms`;
    checks.push({
      target: `${at}: first frame ≤ 1.5 s`,
      measured: ok ? `${r.firstFrameMs} ms` : r.status,
      met: ok && (r.firstFrameMs ?? Infinity) <= 1500,
    });
    checks.push({ target: `${at}: pan ≥ 30 fps`, measured: ok ? `${r.panFps} fps` : r.status, met: ok && (r.panFps ?? 0) >= 30 });
    checks.push({
      target: `${at}: no drawn label below 11 px at the fitted view`,
      measured: ok ? `${r.minLabelPx ?? "no label"} px` : r.status,
      met: ok && (r.minLabelPx === undefined || r.minLabelPx >= 11),
    });
    if (r.segmentLabels) {
      const { drawn, of } = r.segmentLabels;
      checks.push({
        target: `${at}: every lane, segment and count node named at the fitted view`,
        measured: `${drawn}/${of} (${Math.round((100 * drawn) / Math.max(1, of))} %), ${r.overlappingLabels ?? 0} overlapping labels`,
        met: ok && drawn === of && (r.overlappingLabels ?? 0) === 0,
      });
    }
  }
  const r5k = results.render.find((r) => r.elements === 5000 && r.renderer === "canvas");
  if (r5k) {
    checks.push({
      target: "5k elements first render ≤ 2 s (canvas)",
      measured: r5k.status === "ok" ? `${r5k.firstRenderMs} ms` : r5k.status,
      met: r5k.status === "ok" ? (r5k.firstRenderMs ?? Infinity) <= 2000 : false,
    });
    checks.push({
      target: "5k elements pan ≥ 30 fps (canvas)",
      measured: r5k.status === "ok" ? `${r5k.panFps} fps` : r5k.status,
      met: r5k.status === "ok" ? (r5k.panFps ?? 0) >= 30 : false,
    });
  }
  return checks;
}

const n = (x: number | null | undefined) => (x == null ? "–" : Math.round(x).toLocaleString("en-US"));

/** The offline bulk path (--offline) next to the online rates: the import alone and CSV-to-usable-database. */
function offlineLines(s: SizeResult): string[] {
  const o = s.offline;
  if (!o) return [];
  if (!o.available) return [`Offline bulk path: failed (${o.reason}).`, ""];
  const sec = (x: number) => `${x.toFixed(1)} s`;
  return [
    `Offline bulk path (first load into an empty database, a Neo4j of its own; load average ${o.loadAverage.join(" → ")}): ` +
      `${n(o.nodes)} nodes + ${n(o.relationships)} relationships; CSV written in ${sec(o.csvSeconds)} (${n(o.csvBytes / 2 ** 20)} MiB), ` +
      `\`neo4j-admin database import full\` ${sec(o.importSeconds)} = **${n(o.importRecordsPerSecond)} records/s** (target ≥ 300,000), ` +
      `start ${sec(o.startSeconds)}, schema and full-text index ${sec(o.schemaSeconds)}, chain stats ${sec(o.chainStatsSeconds)}; ` +
      `CSV to a usable database ${sec(o.totalSeconds)} = ${n(o.endToEndRecordsPerSecond)} records/s; store ${n(o.storeBytes / 2 ** 20)} MiB.`,
    "",
  ];
}

function loadTable(s: SizeResult): string[] {
  const load = s.load;
  if (!load) return ["Load: not measured in this run (--reuse: the database was already loaded).", "", ...offlineLines(s)];
  const g = load.generator;
  return [
    "| load | nodes/s | rels/s | second half: nodes/s / rels/s | vs naive (nodes / rels) | peak RSS |",
    "|---|---|---|---|---|---|",
    `| synthetic generator (${n(g.nodes)} nodes, ${n(g.relationships)} rels, batch ${g.batchSize}, ${g.concurrency} in flight) | ${n(g.nodesPerSecond)} | ${n(g.relationshipsPerSecond)} | ${n(g.nodesPerSecondSecondHalf)} / ${n(g.relationshipsPerSecondSecondHalf)} | ${load.generatorVsNaive.nodes}× / ${load.generatorVsNaive.relationships}× | ${Math.round(g.peakRssBytes / 2 ** 20)} MiB |`,
    `| demo seed loader, probe of ${n(load.seedLoader.nodes)} nodes / ${n(load.seedLoader.relationships)} rels | ${n(load.seedLoader.nodesPerSecond)} | ${n(load.seedLoader.relationshipsPerSecond)} | – | ${load.seedLoaderVsNaive.nodes}× / ${load.seedLoaderVsNaive.relationships}× | (in bench process) |`,
    `| naive: one statement per row (${n(load.naive.nodes)} nodes, ${n(load.naive.relationships)} rels) | ${n(load.naive.nodesPerSecond)} | ${n(load.naive.relationshipsPerSecond)} | – | 1× | – |`,
    "",
    g.deferredFullText
      ? `The generator's full-text indexes were rebuilt after its write in ${g.fullTextSeconds.toFixed(1)} s and its chain stats written in ${g.chainStatsSeconds.toFixed(1)} s, neither counted in the rates above.`
      : `The generator kept the full-text indexes current during its write; its chain stats took ${g.chainStatsSeconds.toFixed(1)} s after it.`,
    "",
    ...offlineLines(s),
  ];
}

function sizeTables(s: SizeResult): string {
  const lines = [
    `### ${s.firms.toLocaleString("en-US")} firms (seed ${s.seed}): ${n(s.graph.nodes)} entities, ${n(s.graph.relationships)} relationships`,
    "",
    `Neo4j ${s.neo4j.version} (${s.neo4j.source}), heap ${s.neo4j.heap}, page cache ${s.neo4j.pageCache}.`,
    "",
    ...loadTable(s),
    "| query | runs | p50 ms | p95 ms | p99 ms | target p95 | HTTP p50 ms | HTTP p95 ms | API overhead (p50) | db hits (PROFILE, once) | load avg (start → end) |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
  ];
  for (const q of s.queries) {
    if (!q.available) {
      lines.push(`| ${q.name} | not available: ${q.unavailableReason?.replaceAll("|", "/")} | | | | | | | | | |`);
      continue;
    }
    lines.push(
      `| ${q.name} | ${q.raw?.runs} | ${q.raw?.p50} | ${q.raw?.p95} | ${q.raw?.p99} | ${q.targetP95Ms ?? "–"} | ${q.http?.p50} | ${q.http?.p95} | ${q.apiOverhead}× | ${n(q.profile?.totalDbHits)} | ${q.loadAverage ? q.loadAverage.join(" → ") : "–"} |`,
    );
  }
  const k = s.answerKey;
  lines.push(
    "",
    k?.available
      ? `Answer key (${k.presences} planted presences, the app over HTTP): gap recall ${k.gaps.recall.toFixed(3)}, precision ${k.gaps.precision.toFixed(3)} ` +
          `(${k.gaps.matched} of ${k.gaps.planted} planted, ${k.gaps.found} found; targets ≥ 0.95 / ≥ 0.90); best target first ${k.targets.bestFirst}/${k.targets.plants} ` +
          `= ${k.targets.bestFirstShare.toFixed(3)} (target ≥ 0.95), decoys above the best ${k.targets.decoyAboveBest}, unrelated decoys offered ${k.targets.unrelatedOffered}; ` +
          `leader supplier/customer counts equal to the key ${k.leaders.ratiosMatch}/${k.leaders.checked}.`
      : `Answer key: not available (${k?.reason ?? "not run"}).`,
  );
  if (s.searchQuality) {
    lines.push(
      "",
      "| search: what was typed | queries | hit@5 | misses a closer ranking could avoid | p50 ms | p95 ms | a miss (typed → first result) |",
      "|---|---|---|---|---|---|---|",
      ...s.searchQuality.map(
        (q) =>
          `| ${q.variant} | ${q.queries} | ${q.hitAt5} | ${q.outranked ?? "–"} | ${q.p50Ms ?? "–"} | ${q.p95Ms ?? "–"} | ${q.misses[0] ? `${q.misses[0].query} → ${q.misses[0].got}` : "–"} |`,
      ),
      "",
      "A miss no ranking could avoid is a tie: five or more names are as close to what was typed as the firm's (as many characters off; the same initials).",
    );
  }
  const t = s.throughput;
  lines.push(
    ...(t
      ? [
          "",
          `Sustained load (autocannon, separate process, ${t.connections} connections, ${t.durationSeconds} s, loopback) on \`${t.url.replace(/^https?:\/\/[^/]+/, "")}\`: ` +
            `${n(t.requestsPerSecond)} req/s, p50 ${t.latencyP50Ms} ms, p99 ${t.latencyP99Ms} ms, ${t.requests} requests, ${t.errors} errors, ${t.non2xx} non-2xx, ${t.timeouts} timeouts.`,
        ]
      : []),
    ...packLines(s.pack),
    ...whatIfLines(s.whatIf),
    "",
  );
  return lines.join("\n");
}

export function markdownReport(results: BenchResults): string {
  const m = results.machine;
  const lines = [
    `## Run of ${results.date}${results.quick ? " (quick)" : ""}`,
    "",
    `Machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, ${m.platform}, Node ${m.node}; load average at the end ${m.loadAverage.join(" / ")} (the machine is shared). Run took ${results.durationSeconds} s.`,
    "",
    ...results.sizes.map(sizeTables),
  ];
  if (results.render.length > 0) {
    lines.push(
      "### Render (headless Chromium, software rendering, 1400×850, app stylesheet, preset positions)",
      "",
      "| elements | nodes + edges | renderer | status | first render ms | pan fps |",
      "|---|---|---|---|---|---|",
      ...results.render.map(
        (r) =>
          `| ${r.elements} | ${r.nodes} + ${r.edges} | ${r.renderer} | ${r.status}${r.detail ? ` (${r.detail.replaceAll("|", "/")})` : ""} | ${r.firstRenderMs ?? "–"} | ${r.panFps ?? "–"} |`,
      ),
      "",
    );
  }
  if (results.appRender?.length) {
    lines.push(
      "### Render: the app's own chain map (built bundle, its layout, stylesheet and level of detail; headless Chromium, software rendering, 1440×900)",
      "",
      "| local firms in the chain (region, chain) | status | elements drawn | first frame ms | pan fps | smallest drawn label px (labels drawn) | lane/segment/count nodes named | firm names (zoomed in) | overlapping labels |",
      "|---|---|---|---|---|---|---|---|---|",
      ...results.appRender.map(
        (r) =>
          `| ${n(r.localFirms)} (${r.region}, ${r.chain}) | ${r.status}${r.detail ? ` (${r.detail.replaceAll("|", "/")})` : ""} | ${r.elements ?? "–"} | ${r.firstFrameMs ?? "–"} | ${r.panFps ?? "–"} | ${r.minLabelPx ?? "–"} (${r.labelsDrawn ?? 0}) | ${r.segmentLabels ? `${r.segmentLabels.drawn}/${r.segmentLabels.of}` : "–"} | ${r.firmLabelsDrawn ?? "–"} (${r.firmLabelsZoomedIn ?? "–"}) | ${r.overlappingLabels ?? "–"} |`,
      ),
      "",
      "Targets: first frame ≤ 1.5 s, ≥ 30 fps panning, no drawn label below 11 px at the fitted view, every lane, segment and count node named there, no overlapping labels.",
      "",
    );
  }
  const checks = targetChecks(results);
  if (checks.length > 0) {
    lines.push(
      "### Targets",
      "",
      "| target | measured | met | note |",
      "|---|---|---|---|",
      ...checks.map((c) => `| ${c.target} | ${c.measured} | ${c.met === null ? "n/a" : c.met ? "yes" : "**no**"} | ${c.note ?? ""} |`),
      "",
    );
  }
  return lines.join("\n");
}
