import {
  chainSchema,
  type EntityLabel,
  FIRM_TAGS,
  firmSchema,
  fundSchema,
  INSTITUTE_KINDS,
  instituteSchema,
  MARKET_SCOPES,
  ORGANIZATION_KINDS,
  organizationSchema,
  PARK_KINDS,
  PARK_STATUSES,
  PROJECT_STATUSES,
  parkSchema,
  projectSchema,
  REGION_KINDS,
  RELATIONSHIP_TYPES,
  type RelationshipType,
  regionSchema,
  relationSchema,
  STAGES,
  segmentSchema,
} from "../../model/domain.ts";
import { IMPORT_KINDS, type ImportKind } from "../../model/import-kinds.ts";

/**
 * The spreadsheet templates: one flat sheet per record kind of model/domain.ts. A column names
 * the record field it fills; the zod schemas stay the truth for what a valid row is.
 */
export type ColumnType = "text" | "list" | "number" | "yuan" | "int" | "enum" | "date" | "refs" | "flag";

export interface Column {
  /** English key in the header, snake_case: "name_en". */
  key: string;
  /** Chinese header text shown first: "英文名". */
  zh: string;
  /** Record field (dotted for relation props: "props.amountYuan"), or a source column. */
  field: string;
  type: ColumnType;
  required?: boolean;
  /** Allowed values (enum) or list items (tags), with Chinese words accepted for each. */
  values?: readonly string[];
  zhValues?: Record<string, string>;
  /**
   * refs columns (field "link.<what>") name other records, by id or by name, and become ties
   * (flat-list-ties.ts says which); several separated by 、，；/ or line breaks.
   */
  refLabel?: EntityLabel;
  /** Other header words planners use for this column. */
  aliases?: string[];
  hint?: string;
}

export { IMPORT_KINDS, type ImportKind };

export interface KindSpec {
  kind: ImportKind;
  zh: string;
  /** Words that name this kind in a sheet or file name. */
  names: string[];
  /** Entity label, or null for a sheet of relationships. */
  label: EntityLabel | null;
  schema: typeof firmSchema | typeof regionSchema | typeof relationSchema | typeof chainSchema;
  columns: Column[];
  /** A relationship sheet restricted to one type (investments → INVESTS_IN). */
  fixedType?: RelationshipType;
}

const zhMap = (pairs: Record<string, string[]>) =>
  Object.fromEntries(Object.entries(pairs).flatMap(([value, words]) => words.map((word) => [word, value])));

export const SOURCE_COLUMNS: Column[] = [
  {
    key: "source_doc",
    zh: "来源文件",
    field: "source.doc",
    type: "text",
    aliases: ["来源", "来源文档", "出处", "source", "document"],
    hint: "document name, or an existing doc: id; several on separate lines (Alt+Enter)",
  },
  {
    key: "source_date",
    zh: "来源日期",
    field: "source.date",
    type: "date",
    aliases: ["文件日期", "date"],
    hint: "YYYY-MM-DD, YYYY-MM or YYYY",
  },
  {
    key: "source_quote",
    zh: "引文",
    field: "source.quote",
    type: "text",
    aliases: ["原文", "引用", "quote"],
    hint: "the sentence that states the fact (4–400 characters), one line per document",
  },
  {
    key: "note",
    zh: "备注",
    field: "assumption",
    type: "text",
    aliases: ["说明", "假设", "assumption"],
    hint: "why this row has no source document (at least 4 characters)",
  },
];

const NAME_COLUMNS: Column[] = [
  {
    key: "id",
    zh: "编号",
    field: "id",
    type: "text",
    aliases: ["ID", "标识"],
    hint: "optional: prefix:key, stable across imports; left blank, an existing record of the same name is matched or an id is made from the name",
  },
  {
    key: "name",
    zh: "名称",
    field: "name",
    type: "text",
    required: true,
    aliases: ["中文名", "企业名称", "企业名", "单位名称", "项目名称", "机构名称", "平台名称", "基金名称", "园区名称", "名字"],
  },
  { key: "name_en", zh: "英文名", field: "nameEn", type: "text", aliases: ["英文名称"] },
  { key: "aliases", zh: "别名", field: "aliases", type: "list", aliases: ["简称"], hint: "separated by ；or 、" },
  { key: "description", zh: "简介", field: "description", type: "text", aliases: ["描述", "介绍"] },
];

const enumColumn = (
  key: string,
  zh: string,
  field: string,
  values: readonly string[],
  words: Record<string, string[]>,
  required = false,
): Column => ({
  key,
  zh,
  field,
  type: "enum",
  values,
  zhValues: zhMap(words),
  required,
});

const yuanColumn = (key: string, zh: string, field: string): Column => ({
  key,
  zh,
  field,
  type: "yuan",
  hint: "yuan; 5亿 / 3000万 accepted",
});

/** Words offices write for the firm tags, each mapped to the one tag the analysis counts. */
export const FIRM_TAG_WORDS: Record<(typeof FIRM_TAGS)[number], string[]> = {
  规上: ["规模以上", "规上企业", "规模以上企业", "规上工业企业", "规模以上工业企业"],
  专精特新: ["专精特新企业", "省级专精特新", "省级专精特新中小企业", "专精特新中小企业"],
  小巨人: ["国家级专精特新小巨人", "专精特新小巨人", "小巨人企业", "国家级小巨人", "专精特新“小巨人”"],
  高新技术: ["高新技术企业", "国家高新技术企业", "高新企业", "高企"],
  独角兽: ["独角兽企业"],
  上市: ["上市公司", "上市企业", "已上市", "A股上市", "主板上市", "创业板上市", "科创板上市", "北交所上市", "港股上市"],
  龙头: ["龙头企业", "行业龙头"],
};

const refsColumn = (key: string, zh: string, refLabel: EntityLabel, aliases: string[], hint: string): Column => ({
  key,
  zh,
  field: `link.${key}`,
  type: "refs",
  refLabel,
  aliases,
  hint: `${hint}; a name or an id, several separated by 、，；/`,
});

/**
 * The columns of a flat list (企业名录, 项目清单, 机构与平台, 基金): each row says where the record
 * is and which chain and segments it belongs to or serves, instead of separate rows on the tie
 * sheet. "member": the row belongs to the chain (firms, projects, segments); "serves": it supports it.
 */
function flatColumns(which: { region?: boolean; chains?: "member" | "serves"; segments?: true | "serves"; leader?: boolean }): Column[] {
  const columns: Column[] = [];
  if (which.region)
    columns.push(
      refsColumn(
        "region",
        "所在区域",
        "Region",
        ["所在地", "区县", "所在区县", "所属区域", "所属区县", "注册地", "地区", "区域", "所在地区"],
        "where it is (LOCATED_IN)",
      ),
    );
  if (which.chains === "member")
    columns.push(
      refsColumn(
        "chains",
        "所属产业链",
        "Chain",
        ["产业链", "所属链条", "链条", "重点产业链"],
        "the chain; names its segments' chain and the chain a 链主 leads",
      ),
    );
  if (which.chains === "serves")
    columns.push(
      refsColumn("chains", "服务产业链", "Chain", ["服务链条", "所属产业链", "产业链", "支撑产业链"], "chains it serves (SERVES)"),
    );
  if (which.segments === true)
    columns.push(
      refsColumn(
        "segments",
        "所属环节",
        "Segment",
        ["产业环节", "环节", "所属细分领域", "细分领域", "细分环节"],
        "its segments (IN_SEGMENT)",
      ),
    );
  if (which.segments === "serves")
    columns.push(refsColumn("segments", "服务环节", "Segment", ["所属环节", "产业环节", "环节"], "segments it serves (SERVES)"));
  if (which.leader)
    columns.push({
      key: "leader",
      zh: "是否链主",
      field: "link.leader",
      type: "flag",
      aliases: ["链主", "链主企业", "是否链主企业"],
      hint: "是/否: leads the chain in its region (LEADS)",
    });
  return columns;
}

/** Optional longitude/latitude (WGS-84) for the 区域分布图; without them a record sits at its region's centroid. */
const COORDINATE_COLUMNS: Column[] = [
  { key: "lng", zh: "经度", field: "lng", type: "number", aliases: ["longitude", "东经"], hint: "WGS-84 degrees, e.g. 119.92" },
  { key: "lat", zh: "纬度", field: "lat", type: "number", aliases: ["latitude", "北纬"], hint: "WGS-84 degrees, e.g. 28.45" },
];

const RELATION_TYPE_WORDS: Record<RelationshipType, string[]> = {
  PART_OF: ["隶属", "属于"],
  ENCLAVE_OF: ["飞地归属"],
  LOCATED_IN: ["位于", "所在地", "落户"],
  SEGMENT_OF: ["属于产业链"],
  SUB_SEGMENT_OF: ["子环节"],
  FEEDS: ["环节供给", "上下游"],
  EQUIVALENT_TO: ["同类环节", "等同"],
  DEVELOPS: ["发展"],
  IN_SEGMENT: ["所属环节"],
  LEADS: ["链主"],
  SUPPLIES: ["供应", "供货"],
  SUBSIDIARY_OF: ["子公司", "下属"],
  COOPERATES_WITH: ["合作"],
  SERVES: ["服务"],
  SPONSORS: ["发起", "出资设立", "主办"],
  MANAGES: ["管理"],
  INVESTS_IN: ["投资"],
  HOSTS: ["入驻", "承载"],
  RUNS: ["实施", "运营项目"],
  FIGURE_OF: [],
  ABOUT: [],
};

/** FIGURE_OF and ABOUT are derived from figures by the seed loader, never typed by hand. */
export const IMPORTABLE_RELATION_TYPES = RELATIONSHIP_TYPES.filter((type) => type !== "FIGURE_OF" && type !== "ABOUT");

const RELATION_PROP_COLUMNS: Column[] = [
  { key: "region", zh: "所在区域", field: "props.region", type: "text", hint: "LEADS: region: id where the firm leads" },
  { key: "period", zh: "时期", field: "props.period", type: "text", hint: "DEVELOPS: e.g. 2021-2025" },
  { key: "chain_chief", zh: "链长", field: "props.chainChief", type: "text" },
  { key: "plans", zh: "规划政策", field: "props.plans", type: "list" },
  { key: "product", zh: "产品", field: "props.product", type: "text", aliases: ["供应产品"] },
  yuanColumn("amount_yuan", "金额(元)", "props.amountYuan"),
  { key: "role", zh: "角色", field: "props.role", type: "text", aliases: ["关系说明"] },
];

const ENDS: Column[] = [
  { key: "from", zh: "起点编号", field: "from", type: "text", required: true, aliases: ["起点", "来源方"] },
  { key: "to", zh: "终点编号", field: "to", type: "text", required: true, aliases: ["终点", "目标方"] },
];

const entity = (
  kind: ImportKind,
  zh: string,
  names: string[],
  label: EntityLabel,
  schema: KindSpec["schema"],
  columns: Column[],
): KindSpec => ({
  kind,
  zh,
  names: [kind, zh, ...names],
  label,
  schema,
  columns: [...NAME_COLUMNS, ...columns, ...SOURCE_COLUMNS],
});

export const KIND_SPECS: Record<ImportKind, KindSpec> = {
  regions: entity("regions", "区域", ["地区", "行政区"], "Region", regionSchema, [
    enumColumn(
      "kind",
      "类型",
      "kind",
      REGION_KINDS,
      {
        country: ["国家"],
        province: ["省", "省份"],
        city: ["市", "地级市", "城市"],
        district: ["区", "市辖区"],
        county: ["县", "县级市"],
        town: ["镇", "乡镇", "街道"],
        "development-zone": ["开发区", "经开区", "功能区"],
        enclave: ["飞地", "飞楼"],
      },
      true,
    ),
    refsColumn(
      "parent",
      "上级区域",
      "Region",
      ["上级", "所属上级", "隶属", "所属地区"],
      "the region it belongs to (PART_OF); its name is matched together with this",
    ),
  ]),
  chains: entity("chains", "产业链", ["链条"], "Chain", chainSchema, []),
  segments: entity("segments", "环节", ["产业链环节", "链条环节"], "Segment", segmentSchema, [
    enumColumn("stage", "阶段", "stage", STAGES, { upstream: ["上游"], midstream: ["中游"], downstream: ["下游"] }, true),
    ...flatColumns({ chains: "member" }),
  ]),
  organizations: entity("organizations", "机构", ["组织", "orgs"], "Organization", organizationSchema, [
    enumColumn(
      "kind",
      "类型",
      "kind",
      ORGANIZATION_KINDS,
      { investor: ["投资机构", "投资方"], government: ["政府", "政府部门"], association: ["协会", "商会", "联盟"], other: ["其他"] },
      true,
    ),
    ...flatColumns({ region: true }),
  ]),
  firms: entity("firms", "企业", ["公司", "企业名录", "企业清单", "企业名单", "companies"], "Firm", firmSchema, [
    {
      key: "credit_code",
      zh: "统一社会信用代码",
      field: "creditCode",
      type: "text",
      aliases: ["信用代码", "社会信用代码", "统一代码", "credit code"],
      hint: "18 characters; the firm is matched on it before its name",
    },
    ...flatColumns({ region: true, chains: "member", segments: true, leader: true }),
    {
      key: "tags",
      zh: "标签",
      field: "tags",
      type: "list",
      values: FIRM_TAGS,
      zhValues: zhMap(FIRM_TAG_WORDS),
      aliases: ["企业类型", "企业标签", "资质", "企业资质"],
      hint: FIRM_TAGS.join("、"),
    },
    { key: "products", zh: "产品", field: "products", type: "list", aliases: ["主营产品", "主要产品", "主营业务"] },
    enumColumn("market_scope", "市场范围", "marketScope", MARKET_SCOPES, {
      local: ["本地", "本地市场"],
      outside: ["外地", "域外", "外销"],
      mixed: ["混合", "本地和外地", "内外销"],
    }),
    ...COORDINATE_COLUMNS,
  ]),
  funds: entity("funds", "基金", ["产业基金", "基金清单"], "Fund", fundSchema, [
    ...flatColumns({ region: true, chains: "serves", segments: "serves" }),
    refsColumn("sponsor", "发起区域", "Region", ["出资区域", "发起地", "政府出资方"], "the region that sponsors the fund (SPONSORS)"),
    {
      key: "focus",
      zh: "投向领域",
      field: "focus",
      type: "text",
      aliases: ["投资方向", "投资领域", "重点投向", "投向"],
      hint: "as its documents say; a fund the region sponsors whose focus names a chain supports that chain",
    },
    yuanColumn("size_yuan", "规模(元)", "sizeYuan"),
    yuanColumn("first_close_yuan", "首期规模(元)", "firstCloseYuan"),
    yuanColumn("invested_yuan", "已投金额(元)", "investedYuan"),
    yuanColumn("leveraged_yuan", "撬动社会资本(元)", "leveragedYuan"),
    { key: "projects_landed", zh: "落地项目数", field: "projectsLanded", type: "int" },
  ]),
  institutes: entity("institutes", "院所", ["科研机构", "创新平台", "院校", "机构与平台", "平台"], "Institute", instituteSchema, [
    enumColumn(
      "kind",
      "类型",
      "kind",
      INSTITUTE_KINDS,
      {
        institute: ["研究院", "科研院所", "研究所"],
        university: ["高校", "大学"],
        "innovation-centre": ["创新中心"],
        "tech-transfer": ["技术转移中心", "成果转化中心"],
        incubator: ["孵化器"],
        platform: ["平台", "公共服务平台"],
        hospital: ["医院"],
        lab: ["实验室"],
      },
      true,
    ),
    ...flatColumns({ region: true, chains: "serves", segments: "serves" }),
  ]),
  parks: entity("parks", "园区", ["园区平台", "产业园"], "Park", parkSchema, [
    enumColumn(
      "kind",
      "类型",
      "kind",
      PARK_KINDS,
      {
        park: ["园区", "产业园"],
        "pilot-zone": ["先导区", "试验区", "先行区"],
        base: ["基地"],
        platform: ["平台"],
        incubator: ["孵化器"],
        "enclave-platform": ["飞地平台"],
        town: ["小镇", "特色小镇"],
      },
      true,
    ),
    ...flatColumns({ region: true, chains: "serves", segments: "serves" }),
    { key: "area_mu", zh: "面积(亩)", field: "areaMu", type: "number" },
    { key: "area_km2", zh: "面积(平方公里)", field: "areaKm2", type: "number" },
    { key: "floor_space_m2", zh: "建筑面积(平方米)", field: "floorSpaceM2", type: "number" },
    enumColumn("status", "状态", "status", PARK_STATUSES, {
      planned: ["规划", "规划中"],
      "under-construction": ["在建", "建设中"],
      operating: ["运营", "已运营", "投用"],
    }),
    { key: "opening_date", zh: "开园日期", field: "openingDate", type: "text", hint: "as the document says: 2025-06, 2025-Q2 …" },
    ...COORDINATE_COLUMNS,
  ]),
  projects: entity("projects", "项目", ["招商项目", "重点项目", "项目清单"], "Project", projectSchema, [
    ...flatColumns({ region: true, chains: "member", segments: true }),
    yuanColumn("investment_yuan", "投资额(元)", "investmentYuan"),
    enumColumn("status", "状态", "status", PROJECT_STATUSES, {
      planned: ["计划", "规划", "谋划"],
      signed: ["签约", "已签约"],
      "under-construction": ["在建", "建设中", "开工"],
      operating: ["投产", "运营", "竣工投产"],
    }),
    ...COORDINATE_COLUMNS,
  ]),
  investments: {
    kind: "investments",
    zh: "投资",
    names: ["investments", "投资", "基金投资", "投资关系"],
    label: null,
    schema: relationSchema,
    fixedType: "INVESTS_IN",
    columns: [
      { ...ENDS[0]!, zh: "投资方编号", aliases: ["投资方", "基金编号"], hint: "fund: or org: id" },
      { ...ENDS[1]!, zh: "被投对象编号", aliases: ["被投对象", "被投企业"], hint: "firm: or project: id" },
      yuanColumn("amount_yuan", "金额(元)", "props.amountYuan"),
      { key: "period", zh: "时期", field: "props.period", type: "text" },
      { key: "role", zh: "角色", field: "props.role", type: "text" },
      ...SOURCE_COLUMNS,
    ],
  },
  ties: {
    kind: "ties",
    zh: "关系",
    names: ["ties", "relations", "关系", "关联关系", "供应及其他关系", "供应关系"],
    label: null,
    schema: relationSchema,
    columns: [
      enumColumn("type", "关系类型", "type", IMPORTABLE_RELATION_TYPES, RELATION_TYPE_WORDS, true),
      ...ENDS,
      ...RELATION_PROP_COLUMNS,
      ...SOURCE_COLUMNS,
    ],
  },
};

/** Which kind a sheet or CSV file is, from its name ("firms.csv", "企业", "2024-firms", "企业 firms"). */
export function kindFromName(name: string): ImportKind | null {
  const stem = name
    .replace(/\.(csv|xlsx|txt)$/i, "")
    .trim()
    .toLowerCase();
  const tokens = [stem, ...stem.split(/[\s()（）_\-.·]+/).filter(Boolean)];
  for (const token of tokens) {
    for (const spec of Object.values(KIND_SPECS)) {
      if (spec.names.some((word) => word.toLowerCase() === token)) return spec.kind;
    }
  }
  return null;
}

/** The header cell a template writes: "英文名 (name_en)". */
export const headerText = (column: Column) => `${column.zh} (${column.key})`;

/**
 * Which column a header cell names: "英文名 (name_en)", "英文名（name_en）", "英文名" or "name_en",
 * or one of the column's aliases.
 */
export function matchHeader(spec: KindSpec, cell: string): Column | undefined {
  const text = cell.trim().replace(/^\uFEFF/, "");
  const paren = /^(.*?)\s*[(（]\s*([A-Za-z][A-Za-z0-9_ ]*)\s*[)）]\s*$/.exec(text);
  const candidates = paren ? [paren[2]!, paren[1]!] : [text];
  for (const candidate of candidates) {
    const key = candidate.trim().toLowerCase().replace(/\s+/g, "_");
    const found = spec.columns.find(
      (c) =>
        c.key === key ||
        c.field.toLowerCase() === key ||
        c.zh === candidate.trim() ||
        c.aliases?.some((a) => a.toLowerCase() === candidate.trim().toLowerCase()),
    );
    if (found) return found;
  }
  return undefined;
}

/** Canonical value of an enum cell: the English value itself (any case) or one of its Chinese words. */
export function enumValue(column: Column, cell: string): string | undefined {
  const trimmed = cell.trim();
  const english = column.values?.find((v) => v.toLowerCase() === trimmed.toLowerCase());
  return english ?? column.zhValues?.[trimmed];
}

/** "province (省、省份)" for messages and the template's readme sheet. */
export function allowedValues(column: Column): string {
  if (!column.values) return "";
  const words = new Map<string, string[]>();
  for (const [word, value] of Object.entries(column.zhValues ?? {})) words.set(value, [...(words.get(value) ?? []), word]);
  return column.values.map((v) => (words.get(v) ? `${v} (${words.get(v)!.join("、")})` : v)).join(", ");
}
