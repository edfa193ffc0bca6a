import autocannon from "autocannon";

/**
 * The load generator, run as its own process so the server's event loop is not also the
 * client's: concurrent readers for a fixed time and a bounded number of requests. Prints
 * autocannon's summary as one JSON line on stdout.
 */
const [url, pathsJson, seconds, connections, maxRequests] = process.argv.slice(2);
if (!url || !pathsJson) {
  console.error("usage: load-client.ts <base url> <paths json> <seconds> <connections> <max requests>");
  process.exit(2);
}
const paths = JSON.parse(pathsJson) as string[];
const result = await autocannon({
  url,
  duration: Number(seconds ?? 10),
  connections: Number(connections ?? 8),
  maxOverallRequests: Number(maxRequests ?? 50_000),
  timeout: 30,
  requests: paths.map((path) => ({ method: "GET", path })),
});
console.log(
  JSON.stringify({
    requests: result.requests.total,
    perSecond: result.requests.average,
    durationSeconds: result.duration,
    latency: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    statusCodes: result.statusCodeStats,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    "5xx": result["5xx"],
  }),
);
