import type { z } from "zod";
import { chainMapSchema, compareSchema, gapReportSchema, targetsSchema } from "../../../model/api/analysis.ts";
import { errorSchema } from "../../../model/api/common.ts";
import {
  chainDetailSchema,
  chainsSchema,
  documentsSchema,
  neighborsSchema,
  nodeDetailSchema,
  pathsSchema,
  regionsSchema,
  searchResultsSchema,
} from "../../../model/api/explore.ts";
import { batchListSchema, batchSchema, type ImportReport, importReportSchema } from "../../../model/api/imports.ts";
import { resilienceSchema } from "../../../model/api/resilience.ts";
import { type ScenarioBody, scenarioListSchema, scenarioOutcomeSchema, scenarioSchema } from "../../../model/api/scenarios.ts";
import { loadToken } from "../imports/import-rules.ts";
import { ApiError } from "./errors.ts";

type Query = Record<string, string | number | undefined | null | string[]>;

function url(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params.set(key, value.join(","));
    } else params.set(key, String(value));
  }
  const text = params.toString();
  return `${path}${text ? `?${text}` : ""}`;
}

async function failure(response: Response): Promise<ApiError> {
  const body = errorSchema.safeParse(await response.json().catch(() => ({})));
  const retryAfter = Number(response.headers.get("retry-after")) || undefined;
  const message = (body.success && body.data.message) || response.statusText || "error";
  return new ApiError("http", response.status, message, { retryAfter, fields: body.success ? body.data.fields : undefined });
}

/**
 * A token saved in this tab (the Import view's field) goes with every request, so a deployment
 * that closes reads (READS_OPEN=false) works in every view once the user has entered it.
 */
function withSavedToken(init: RequestInit = {}): RequestInit {
  const token = loadToken(typeof sessionStorage === "undefined" ? undefined : sessionStorage);
  if (!token) return init;
  const headers = new Headers(init.headers);
  if (!headers.has("authorization")) headers.set("authorization", `Bearer ${token}`);
  return { ...init, headers };
}

async function reach(input: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(input, withSavedToken(init));
  } catch (error) {
    throw new ApiError("network", 0, (error as Error).message);
  }
}

async function send(input: string, init?: RequestInit): Promise<Response> {
  const response = await reach(input, init);
  if (!response.ok) throw await failure(response);
  return response;
}

async function parseJson<S extends z.ZodType>(response: Response, path: string, schema: S): Promise<z.infer<S>> {
  const parsed = schema.safeParse(await response.json());
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ApiError("shape", response.status, issue?.message ?? "invalid", { path: `${path} ${issue?.path.join(".") ?? ""}`.trim() });
  }
  return parsed.data;
}

async function getJson<S extends z.ZodType>(path: string, query: Query, schema: S, signal?: AbortSignal): Promise<z.infer<S>> {
  const response = await send(url(path, query), { signal, headers: { accept: "application/json" } });
  return parseJson(response, path, schema);
}

/** The editor's token travels in a header only, never in a URL (URLs end up in logs and history). */
const withToken = (token: string): Record<string, string> =>
  token ? { accept: "application/json", authorization: `Bearer ${token}` } : { accept: "application/json" };

/** Uploads the files as one import; a refused import (422) is an answer with problems, not a failure. */
async function importFiles(files: readonly File[], options: { dryRun: boolean; token: string }): Promise<ImportReport> {
  const body = new FormData();
  for (const file of files) body.append("file", file, file.name);
  const path = url("/api/import", { dryRun: String(options.dryRun) });
  const response = await reach(path, { method: "POST", headers: withToken(options.token), body });
  if (!response.ok && response.status !== 422) throw await failure(response);
  return parseJson(response, "/api/import", importReportSchema);
}

const enc = encodeURIComponent;

/** The API as the views use it: one function per endpoint, answers checked against the contract. */
export const api = {
  search: (q: string, opts: { types?: string[]; limit?: number } = {}, signal?: AbortSignal) =>
    getJson("/api/search", { q, types: opts.types, limit: opts.limit ?? 12 }, searchResultsSchema, signal),
  node: (id: string) => getJson(`/api/nodes/${enc(id)}`, {}, nodeDetailSchema),
  neighbors: (id: string, opts: { relTypes?: string[]; types?: string[]; depth?: number; limit?: number } = {}) =>
    getJson(
      `/api/nodes/${enc(id)}/neighbors`,
      { depth: opts.depth ?? 1, relTypes: opts.relTypes, types: opts.types, limit: opts.limit ?? 150 },
      neighborsSchema,
    ),
  paths: (from: string, to: string, maxHops = 4, limit = 5, hubs: "skip" | "include" = "skip") =>
    getJson("/api/paths", { from, to, maxHops, limit, hubs }, pathsSchema),
  regions: () => getJson("/api/regions", {}, regionsSchema),
  chains: () => getJson("/api/chains", {}, chainsSchema),
  chain: (id: string) => getJson(`/api/chains/${enc(id)}`, {}, chainDetailSchema),
  map: (chain: string, region: string, enclaves?: string, scenario?: string) =>
    getJson(`/api/chains/${enc(chain)}/map`, { region, enclaves, scenario }, chainMapSchema),
  gaps: (chain: string, region: string, enclaves?: string, scenario?: string) =>
    getJson(`/api/chains/${enc(chain)}/gaps`, { region, enclaves, scenario }, gapReportSchema),
  targets: (chain: string, region: string, segment: string | undefined, limit = 20, scenario?: string) =>
    getJson(`/api/chains/${enc(chain)}/targets`, { region, segment, limit, scenario }, targetsSchema),
  compare: (chain: string, regions: string[]) => getJson(`/api/chains/${enc(chain)}/compare`, { regions }, compareSchema),
  documents: () => getJson("/api/documents", {}, documentsSchema),
  scenarios: (chain: string) => getJson("/api/scenarios", { chain }, scenarioListSchema),
  scenarioOutcome: (id: string) => getJson(`/api/scenarios/${enc(id)}/outcome`, {}, scenarioOutcomeSchema),
  scenario: (id: string) => getJson(`/api/scenarios/${enc(id)}`, {}, scenarioSchema),
  /** Creates a scenario, or replaces the one `id` names; the editor's token goes in the header. */
  saveScenario: async (body: ScenarioBody, token: string, id?: string) => {
    const path = id ? `/api/scenarios/${enc(id)}` : "/api/scenarios";
    const headers = { ...withToken(token), "content-type": "application/json" };
    return parseJson(await send(path, { method: id ? "PUT" : "POST", headers, body: JSON.stringify(body) }), path, scenarioSchema);
  },
  resilience: (chain: string, region: string, enclaves?: string, scenario?: string) =>
    getJson(`/api/chains/${enc(chain)}/resilience`, { region, enclaves, scenario }, resilienceSchema),
  /** The export endpoint answers with the file itself. */
  exportFile: async (request: { url: string; body: unknown }) => {
    const response = await send(request.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(request.body),
    });
    return { blob: await response.blob(), disposition: response.headers.get("content-disposition") };
  },
  /** The 图表包 ZIP: the response itself, so the caller can show the download's progress. */
  pack: (chain: string, region: string, lang: string, enclaves?: string) =>
    send(url(`/api/chains/${enc(chain)}/pack`, { region, lang, enclaves }), { headers: { accept: "application/zip" } }),
  /** The gap report as PDF, drawn by the server (the same file as in the pack). */
  reportPdf: (chain: string, region: string, lang: string, enclaves?: string) =>
    send(url(`/api/chains/${enc(chain)}/report.pdf`, { region, lang, enclaves }), { headers: { accept: "application/pdf" } }),
  /** The 区域分布图 as SVG text (drawn by the server, the same picture as in the pack). */
  distributionSvg: async (chain: string, region: string, lang: string, enclaves?: string) =>
    (
      await send(url(`/api/chains/${enc(chain)}/distribution.svg`, { region, lang, enclaves }), { headers: { accept: "image/svg+xml" } })
    ).text(),
  importFiles,
  importBatches: (limit = 20) => getJson("/api/import/batches", { limit }, batchListSchema),
  revertImport: async (id: string, token: string) => {
    const path = `/api/import/batches/${enc(id)}/revert`;
    return parseJson(await send(path, { method: "POST", headers: withToken(token) }), path, batchSchema);
  },
};

export type Api = typeof api;
