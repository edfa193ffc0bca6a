import { z } from "zod";
import { gapQuerySchema } from "./analysis.ts";
import { entityIdOf } from "./common.ts";
import { nodeDataSchema, sourceRefSchema } from "./elements.ts";

/**
 * The 图表包 (chart pack) and 区域分布图 contract: the pack's query, the distribution's answer,
 * the boundary upload and what it stores. The ZIP and the SVG are file answers
 * (server/routes/file-response.ts).
 */

/** The coordinate systems a boundary file may state; stored as WGS-84 (server/geo/crs.ts). */
export const COORDINATE_SYSTEMS = ["WGS-84", "GCJ-02"] as const;
export type CoordinateSystem = (typeof COORDINATE_SYSTEMS)[number];

export const PACK_LANGS = ["zh", "en"] as const;
export type PackLang = (typeof PACK_LANGS)[number];

export const packQuerySchema = gapQuerySchema.pick({ region: true, enclaves: true }).extend({
  lang: z.enum(PACK_LANGS).default("zh").describe("Language of the pictures, lists and report: zh (default) or en"),
});

export const distributionQuerySchema = packQuerySchema;

const position = z.array(z.array(z.number()));
const geometrySchema = z.union([
  z.object({ type: z.literal("Polygon"), coordinates: z.array(position) }),
  z.object({ type: z.literal("MultiPolygon"), coordinates: z.array(z.array(position)) }),
]);

export const areaSchema = z.object({ key: z.string(), region: z.string().optional(), geometry: geometrySchema });

const boundaryInfoSchema = z.object({
  region: z.string(),
  approvalNumber: z.string(),
  sourceCrs: z.string(),
  uploadedAt: z.string(),
});

export const distributionSchema = z
  .object({
    chain: nodeDataSchema,
    region: nodeDataSchema,
    truncated: z.boolean(),
    boundary: boundaryInfoSchema.nullable(),
    mode: z.enum(["map", "schematic"]),
    areas: z.array(areaSchema.extend({ name: z.string() })),
    points: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(["firm", "park", "project"]),
        name: z.string(),
        nameEn: z.string().optional(),
        region: z.string(),
        regionName: z.string(),
        segment: z.string().optional(),
        segmentName: z.string().optional(),
        segmentNameEn: z.string().optional(),
        stage: z.string().optional(),
        status: z.string().optional(),
        tags: z.array(z.string()),
        investmentYuan: z.number().optional(),
        sources: z.array(sourceRefSchema),
        lng: z.number().optional(),
        lat: z.number().optional(),
        approximate: z.boolean(),
      }),
    ),
    tiles: z.array(
      z.object({
        region: z.string(),
        name: z.string(),
        nameEn: z.string().optional(),
        total: z.number().int(),
        counts: z.array(
          z.object({
            segment: z.string(),
            name: z.string(),
            nameEn: z.string().optional(),
            stage: z.string().optional(),
            firms: z.number().int(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: "Distribution" });
export type Distribution = z.infer<typeof distributionSchema>;

export const regionParamsSchema = z.object({ id: entityIdOf("region") });

export const boundaryUploadSchema = z.object({
  crs: z
    .enum(COORDINATE_SYSTEMS)
    .describe("The coordinate system the file is in: WGS-84 (GPS) or GCJ-02 (高德/腾讯 maps); stored as WGS-84"),
  approvalNumber: z
    .string()
    .trim()
    .min(2, "give the map's approval number (审图号), e.g. 浙S(2024)12号")
    .max(80)
    .describe("审图号: printed on every picture drawn on this boundary"),
  data: z.unknown().describe("The GeoJSON (FeatureCollection, Feature, Polygon, MultiPolygon) or TopoJSON Topology, as JSON"),
});

export const boundaryStoredSchema = z
  .object({
    region: z.string(),
    areaCount: z.number().int(),
    matched: z.array(z.object({ key: z.string(), region: z.string() })),
    unmatched: z.array(z.string()),
  })
  .meta({ id: "BoundaryStored" });

export const boundaryDeletedSchema = z.object({ id: z.string(), deleted: z.number().int() }).meta({ id: "BoundaryDeleted" });

export const boundarySchema = boundaryInfoSchema
  .extend({
    areaCount: z.number().int(),
    uploadedBy: z.string(),
    areas: z.array(areaSchema),
  })
  .meta({ id: "Boundary" });
