import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { chainParamsSchema } from "../../model/api/analysis.ts";
import { errorResponses } from "../../model/api/common.ts";
import { distributionQuerySchema, distributionSchema, packQuerySchema } from "../../model/api/pack.ts";
import { attachment } from "../export/content-disposition.ts";
import { buildPack, pictureTitle } from "../pack/build-pack.ts";
import { buildReportPdf } from "../pack/build-report.ts";
import { distributionSvg } from "../pack/distribution-svg.ts";
import { FontMissingError } from "../pack/fonts.ts";
import { nameIn, word } from "../pack/labels.ts";
import { HttpError } from "../plugins/errors.ts";
import { readDistribution } from "../services/distribution.ts";
import { fileResponse } from "./file-response.ts";

/** The 图表包 (N图N清单 ZIP), and the report PDF and 区域分布图 it holds, also served alone for the web views. */
export const packRoutes: FastifyPluginAsyncZod<{ cjkFontFile?: string }> = async (app, options) => {
  /** A file of the chain in one region (the pack, the report), built for the query and sent as an attachment. */
  const chainFile = (
    path: string,
    summary: string,
    type: "application/zip" | "application/pdf",
    build: typeof buildPack | typeof buildReportPdf,
  ) =>
    app.get(
      path,
      {
        config: { heavy: "export" },
        schema: {
          tags: ["analysis"],
          summary,
          params: chainParamsSchema,
          querystring: packQuerySchema,
          response: { 200: fileResponse(summary.split(":")[0] ?? summary, [type]), ...errorResponses },
        },
      },
      async (request, reply) => {
        const query = { chain: request.params.id, ...request.query };
        const file = await build(app.graph, query, { fontFile: options.cjkFontFile }).catch(fontTo503);
        return reply.type(type).header("Content-Disposition", attachment(file.filename)).send(file.body);
      },
    );

  chainFile(
    "/api/chains/:id/pack",
    "图表包: a ZIP with the chain map, distribution map and recruitment route (SVG + PNG), the lists (XLSX), the PDF report and a README",
    "application/zip",
    buildPack,
  );
  chainFile(
    "/api/chains/:id/report.pdf",
    "缺口报告 PDF: title, headline figures and the chain map on page 1, then findings by priority with evidence, ranked targets, matchmaking and sources (the report view's sections; the same file as in the pack)",
    "application/pdf",
    buildReportPdf,
  );

  app.get(
    "/api/chains/:id/distribution",
    {
      schema: {
        tags: ["analysis"],
        summary: "区域分布图 data: the chain's firms, parks and projects in the region, placed on the uploaded boundary or as a schematic",
        params: chainParamsSchema,
        querystring: distributionQuerySchema,
        response: { 200: distributionSchema, ...errorResponses },
      },
    },
    async (request) => readDistribution(app.graph, { chain: request.params.id, ...request.query }),
  );

  app.get(
    "/api/chains/:id/distribution.svg",
    {
      schema: {
        tags: ["analysis"],
        summary: "区域分布图 as SVG (points carry data-node-id for their details)",
        params: chainParamsSchema,
        querystring: distributionQuerySchema,
        response: { 200: fileResponse("The distribution map", ["image/svg+xml"]), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { lang } = request.query;
      const distribution = await readDistribution(app.graph, { chain: request.params.id, ...request.query });
      const svg = distributionSvg(distribution, lang, {
        title: pictureTitle(nameIn(distribution.region, lang), nameIn(distribution.chain, lang), word("distribution", lang), lang),
        subtitle: "",
        dated: "",
        source: word("source", lang),
        ...(distribution.boundary ? { approvalNumber: word("approval", lang, { n: distribution.boundary.approvalNumber }) } : {}),
      });
      return reply.type("image/svg+xml; charset=utf-8").send(Buffer.from(svg));
    },
  );
};

function fontTo503(error: unknown): never {
  if (error instanceof FontMissingError) throw new HttpError(503, error.message);
  throw error;
}
