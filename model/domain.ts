import { z } from "zod";
import { isCalendarDate, NOT_A_CALENDAR_DATE } from "./calendar-date.ts";
import { ID_PATTERN } from "./id-pattern.ts";

/**
 * The domain vocabulary and the record schemas: labels, relationship rules, stages, kinds,
 * statuses and tags, and the shape of every record the seed loader and the import write.
 * This file is the contract between the data and the graph: every label, relationship type
 * and property the loader writes is named here. Dependency-free (zod only), so the server,
 * the web app, the seeds, bench and tests all import it.
 */

const id = (prefix: string) =>
  z
    .string()
    .regex(ID_PATTERN, "id must look like prefix:key (lower-case letters, digits, hyphens or Chinese)")
    .refine((v) => v.startsWith(`${prefix}:`), `id must start with "${prefix}:"`);
const anyEntityId = z.string().regex(ID_PATTERN, "id must look like prefix:key (lower-case letters, digits, hyphens or Chinese)");

/** One fact's citation: which document states it and the short sentence that does. */
export const sourceSchema = z.object({
  doc: id("doc"),
  quote: z.string().min(4).max(400),
});

/**
 * Every record either cites at least one source, or says why it is a modelling
 * assumption (something the chain structure needs that the documents imply but do not name).
 */
const provenance = {
  sources: z.array(sourceSchema).default([]),
  assumption: z.string().min(4).optional(),
};
function requireProvenance<T extends { sources: unknown[]; assumption?: string }>(value: T, ctx: z.RefinementCtx) {
  if (value.sources.length === 0 && !value.assumption) {
    ctx.addIssue({
      code: "custom",
      path: ["sources"],
      message: "needs at least one source, or an assumption saying why it has none",
    });
  }
}

/**
 * Where a firm, park or project stands, in WGS-84 degrees (GPS; convert GCJ-02 map-app points
 * first). Optional: without it the 区域分布图 places the record at its region's centroid, marked
 * approximate.
 */
const coordinates = {
  lng: z.number().min(-180).max(180).optional(),
  lat: z.number().min(-90).max(90).optional(),
};

const names = {
  name: z.string().min(1).max(120),
  nameEn: z.string().min(1).max(200).optional(),
  aliases: z.array(z.string().min(1).max(120)).default([]),
  description: z.string().max(600).optional(),
};

export const documentSchema = z.object({
  id: id("doc"),
  title: z.string().min(1),
  outlet: z.string().min(1),
  date: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "date must be YYYY, YYYY-MM or YYYY-MM-DD")
    .refine(isCalendarDate, `date ${NOT_A_CALENDAR_DATE}`),
  authors: z.array(z.string()).default([]),
  file: z.string().min(1),
});

/** development-zone: a county-level functional zone (e.g. 丽水经济技术开发区) that documents list alongside counties. */
export const REGION_KINDS = ["country", "province", "city", "district", "county", "town", "development-zone", "enclave"] as const;
export const regionSchema = z
  .object({ id: id("region"), ...names, kind: z.enum(REGION_KINDS), ...provenance })
  .superRefine(requireProvenance);

export const chainSchema = z.object({ id: id("chain"), ...names, ...provenance }).superRefine(requireProvenance);

/** A segment's place in the chain, in chain order (upstream first). */
export const STAGES = ["upstream", "midstream", "downstream"] as const;
export type Stage = (typeof STAGES)[number];
export const segmentSchema = z.object({ id: id("segment"), ...names, stage: z.enum(STAGES), ...provenance }).superRefine(requireProvenance);

export const FIRM_TAGS = ["规上", "专精特新", "小巨人", "高新技术", "独角兽", "上市", "龙头"] as const;
export const MARKET_SCOPES = ["local", "outside", "mixed"] as const;
export const firmSchema = z
  .object({
    id: id("firm"),
    ...names,
    tags: z.array(z.enum(FIRM_TAGS)).default([]),
    products: z.array(z.string().min(1)).default([]),
    /** Where the firm mainly sells, when a document says so (e.g. 'outside' for a grower selling to pharma firms elsewhere). */
    marketScope: z.enum(MARKET_SCOPES).optional(),
    /** 统一社会信用代码: the key a firm list matches on before its name. */
    ...coordinates,
    creditCode: z
      .string()
      .regex(/^[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10}$/, "a 统一社会信用代码 has 18 characters: digits and capital letters")
      .optional(),
    ...provenance,
  })
  .superRefine(requireProvenance);

export const ORGANIZATION_KINDS = ["investor", "government", "association", "other"] as const;
export const organizationSchema = z
  .object({ id: id("org"), ...names, kind: z.enum(ORGANIZATION_KINDS), ...provenance })
  .superRefine(requireProvenance);

const yuan = z.number().nonnegative();
export const fundSchema = z
  .object({
    id: id("fund"),
    ...names,
    sizeYuan: yuan.optional(),
    firstCloseYuan: yuan.optional(),
    investedYuan: yuan.optional(),
    leveragedYuan: yuan.optional(),
    projectsLanded: z.number().int().nonnegative().optional(),
    /** 投向领域 as the fund's documents state it; a region-sponsored fund whose focus names a chain supports it. */
    focus: z.string().min(1).max(600).optional(),
    ...provenance,
  })
  .superRefine(requireProvenance);

export const INSTITUTE_KINDS = [
  "institute",
  "university",
  "innovation-centre",
  "tech-transfer",
  "incubator",
  "platform",
  "hospital",
  "lab",
] as const;
export const instituteSchema = z
  .object({ id: id("inst"), ...names, kind: z.enum(INSTITUTE_KINDS), ...provenance })
  .superRefine(requireProvenance);

export const PARK_KINDS = ["park", "pilot-zone", "base", "platform", "incubator", "enclave-platform", "town"] as const;
export const PARK_STATUSES = ["planned", "under-construction", "operating"] as const;
export const parkSchema = z
  .object({
    id: id("park"),
    ...names,
    kind: z.enum(PARK_KINDS),
    areaMu: z.number().positive().optional(),
    areaKm2: z.number().positive().optional(),
    floorSpaceM2: z.number().positive().optional(),
    status: z.enum(PARK_STATUSES).optional(),
    openingDate: z.string().optional(),
    ...coordinates,
    ...provenance,
  })
  .superRefine(requireProvenance);

export const PROJECT_STATUSES = ["planned", "signed", "under-construction", "operating"] as const;
export const projectSchema = z
  .object({
    id: id("project"),
    ...names,
    investmentYuan: yuan.optional(),
    status: z.enum(PROJECT_STATUSES).optional(),
    ...coordinates,
    ...provenance,
  })
  .superRefine(requireProvenance);

/** A number a document states about a region (optionally about a chain, segment, park ...) for a period. */
export const figureSchema = z
  .object({
    id: id("figure"),
    name: z.string().min(1),
    nameEn: z.string().optional(),
    metric: z.string().regex(/^[a-z][a-z0-9_]*$/, "metric must be snake_case"),
    value: z.number(),
    unit: z.string().min(1),
    period: z.string().min(4),
    region: id("region"),
    about: anyEntityId.optional(),
    ...provenance,
  })
  .superRefine(requireProvenance);

/**
 * Relationship types and which node types may stand at each end. The loader, the API
 * allow-lists and the import all read this table, so a new type is added here once.
 */
export const RELATIONSHIP_RULES = {
  PART_OF: { from: ["region", "park"], to: ["region", "park"] },
  ENCLAVE_OF: { from: ["region"], to: ["region"] },
  LOCATED_IN: { from: ["firm", "org", "fund", "inst", "park", "project", "region"], to: ["region"] },
  SEGMENT_OF: { from: ["segment"], to: ["chain"] },
  SUB_SEGMENT_OF: { from: ["segment"], to: ["segment"] },
  FEEDS: { from: ["segment"], to: ["segment"] },
  /** The same industry named in two chains (医疗器械 in two regions' chains): recruitment looks across. */
  EQUIVALENT_TO: { from: ["segment"], to: ["segment"] },
  DEVELOPS: { from: ["region"], to: ["chain"] },
  IN_SEGMENT: { from: ["firm", "project"], to: ["segment"] },
  LEADS: { from: ["firm"], to: ["chain"] },
  SUPPLIES: { from: ["firm"], to: ["firm"] },
  SUBSIDIARY_OF: { from: ["firm"], to: ["firm"] },
  COOPERATES_WITH: { from: ["inst", "firm", "org", "region", "park"], to: ["firm", "inst", "org", "region", "park"] },
  SERVES: { from: ["inst", "park", "fund", "org"], to: ["chain", "segment"] },
  SPONSORS: { from: ["org", "firm", "region"], to: ["fund", "park", "inst"] },
  MANAGES: { from: ["org", "firm"], to: ["fund"] },
  INVESTS_IN: { from: ["fund", "org"], to: ["firm", "project"] },
  HOSTS: { from: ["park"], to: ["firm", "project", "inst"] },
  RUNS: { from: ["firm", "inst", "region", "org"], to: ["project"] },
  /** Derived by the loader from figures.json (a figure's region and subject), not written by hand. */
  FIGURE_OF: { from: ["figure"], to: ["region"] },
  ABOUT: { from: ["figure"], to: ["region", "chain", "segment", "org", "firm", "fund", "inst", "park", "project"] },
} as const satisfies Record<string, { from: readonly string[]; to: readonly string[] }>;

export type RelationshipType = keyof typeof RELATIONSHIP_RULES;
export const RELATIONSHIP_TYPES = Object.keys(RELATIONSHIP_RULES) as RelationshipType[];

/** Properties a relationship may carry; scalar values only, as Neo4j stores them. */
const relationshipProps = z
  .object({
    /** LEADS: the region in which the firm is the chain leader. */
    region: id("region").optional(),
    /** DEVELOPS: period, chain chief, plans. */
    period: z.string().optional(),
    chainChief: z.string().optional(),
    plans: z.array(z.string()).optional(),
    /** SUPPLIES: what is supplied. */
    product: z.string().optional(),
    /** INVESTS_IN: amount. */
    amountYuan: yuan.optional(),
    /** Free-text role for COOPERATES_WITH / SPONSORS etc. */
    role: z.string().optional(),
  })
  .strict();

export const relationSchema = z
  .object({
    type: z.enum(RELATIONSHIP_TYPES as [RelationshipType, ...RelationshipType[]]),
    from: anyEntityId,
    to: anyEntityId,
    props: relationshipProps.default({}),
    ...provenance,
  })
  .superRefine(requireProvenance)
  .superRefine((rel, ctx) => {
    const rule = RELATIONSHIP_RULES[rel.type];
    const fromPrefix = rel.from.split(":")[0] ?? "";
    const toPrefix = rel.to.split(":")[0] ?? "";
    if (!(rule.from as readonly string[]).includes(fromPrefix)) {
      ctx.addIssue({ code: "custom", path: ["from"], message: `${rel.type} cannot start at a ${fromPrefix}` });
    }
    if (!(rule.to as readonly string[]).includes(toPrefix)) {
      ctx.addIssue({ code: "custom", path: ["to"], message: `${rel.type} cannot end at a ${toPrefix}` });
    }
  });

/** Seed files, each an array of one record kind, and the graph label each kind gets. */
export const SEED_FILES = {
  "documents.json": { schema: documentSchema, label: "Document" },
  "regions.json": { schema: regionSchema, label: "Region" },
  "chains.json": { schema: chainSchema, label: "Chain" },
  "segments.json": { schema: segmentSchema, label: "Segment" },
  "organizations.json": { schema: organizationSchema, label: "Organization" },
  "firms.json": { schema: firmSchema, label: "Firm" },
  "funds.json": { schema: fundSchema, label: "Fund" },
  "institutes.json": { schema: instituteSchema, label: "Institute" },
  "parks.json": { schema: parkSchema, label: "Park" },
  "projects.json": { schema: projectSchema, label: "Project" },
  "figures.json": { schema: figureSchema, label: "Figure" },
  "relations.json": { schema: relationSchema, label: null },
} as const;

export type SeedFileName = keyof typeof SEED_FILES;

/** Entity labels, keyed by id prefix: the allow-list every query that takes a type uses. */
export const LABEL_BY_PREFIX = {
  region: "Region",
  chain: "Chain",
  segment: "Segment",
  org: "Organization",
  firm: "Firm",
  fund: "Fund",
  inst: "Institute",
  park: "Park",
  project: "Project",
  figure: "Figure",
} as const;
export type EntityPrefix = keyof typeof LABEL_BY_PREFIX;
export type EntityLabel = (typeof LABEL_BY_PREFIX)[EntityPrefix];
export const ENTITY_LABELS = Object.values(LABEL_BY_PREFIX) as EntityLabel[];

export type DocumentRecord = z.infer<typeof documentSchema>;
export type RelationRecord = z.infer<typeof relationSchema>;
