import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  chainMapSchema,
  chainParamsSchema,
  compareQuerySchema,
  compareSchema,
  gapQuerySchema,
  gapReportSchema,
  targetQuerySchema,
  targetsSchema,
} from "../../model/api/analysis.ts";
import { errorResponses } from "../../model/api/common.ts";
import { chainMap } from "../services/chain-map.ts";
import { chainGapReport, compareRegions } from "../services/gap-analysis.ts";
import { recruitmentTargets } from "../services/targets.ts";

const thresholdsOf = (q: { minFirms?: number; minAboveScale?: number; minLocalSupplierShare?: number }) => ({
  ...(q.minFirms === undefined ? {} : { minFirms: q.minFirms }),
  ...(q.minAboveScale === undefined ? {} : { minAboveScale: q.minAboveScale }),
  ...(q.minLocalSupplierShare === undefined ? {} : { minLocalSupplierShare: q.minLocalSupplierShare }),
});

/** Missing-link detection and what follows from it: the chain map, recruitment targets, region comparison. */
export const analysisRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/chains/:id/gaps",
    {
      schema: {
        tags: ["analysis"],
        summary: "Missing-link detection (缺链/弱链/断链, leader and support gaps) for a chain in a region",
        params: chainParamsSchema,
        querystring: gapQuerySchema,
        response: { 200: gapReportSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { region, enclaves, top, ...rest } = request.query;
      return chainGapReport(app.graph, { chain: request.params.id, region, enclaves, top, thresholds: thresholdsOf(rest) });
    },
  );

  app.get(
    "/api/chains/:id/map",
    {
      schema: {
        tags: ["analysis"],
        summary: "The chain map for a region: segments by stage, local firms, leaders, flows, gaps in place",
        params: chainParamsSchema,
        querystring: gapQuerySchema,
        response: { 200: chainMapSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { region, enclaves, top: _top, ...rest } = request.query;
      return chainMap(app.graph, { chain: request.params.id, region, enclaves, thresholds: thresholdsOf(rest) });
    },
  );

  app.get(
    "/api/chains/:id/targets",
    {
      schema: {
        tags: ["analysis"],
        summary: "Recruitment targets (招商) for a gap, ranked with reasons, and local matchmaking pairs (供需对接)",
        params: chainParamsSchema,
        querystring: targetQuerySchema,
        response: { 200: targetsSchema, ...errorResponses },
      },
    },
    async (request) => recruitmentTargets(app.graph, { chain: request.params.id, ...request.query }),
  );

  app.get(
    "/api/chains/:id/compare",
    {
      schema: {
        tags: ["analysis"],
        summary: "Region × segment coverage matrix",
        params: chainParamsSchema,
        querystring: compareQuerySchema,
        response: { 200: compareSchema, ...errorResponses },
      },
    },
    async (request) => compareRegions(app.graph, request.params.id, request.query.regions, request.query.enclaves),
  );
};
