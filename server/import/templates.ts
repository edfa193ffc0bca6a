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
} from "../../seeds/schema.ts";
import { IMPORT_KINDS, type ImportKind } from "./import-kinds.ts";

/**
 * The spreadsheet templates: one flat sheet per record kind of seeds/schema.ts. A column names
 * the record field it fills; the zod schemas stay the truth for what a valid row is.
 */
export type ColumnType = "text" | "list" | "number" | "yuan" | "int" | "enum" | "date";

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
    required: true,
    aliases: ["ID", "标识"],
    hint: "prefix:kebab-case, stable across imports",
  },
  { key: "name", zh: "名称", field: "name", type: "text", required: true, aliases: ["中文名", "企业名称", "名字"] },
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
  ]),
  chains: entity("chains", "产业链", ["链条"], "Chain", chainSchema, []),
  segments: entity("segments", "环节", ["产业链环节", "链条环节"], "Segment", segmentSchema, [
    enumColumn("stage", "阶段", "stage", STAGES, { upstream: ["上游"], midstream: ["中游"], downstream: ["下游"] }, true),
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
  ]),
  firms: entity("firms", "企业", ["公司", "企业名录", "companies"], "Firm", firmSchema, [
    { key: "tags", zh: "标签", field: "tags", type: "list", values: FIRM_TAGS, zhValues: {}, hint: FIRM_TAGS.join("、") },
    { key: "products", zh: "产品", field: "products", type: "list", aliases: ["主营产品"] },
    enumColumn("market_scope", "市场范围", "marketScope", MARKET_SCOPES, {
      local: ["本地"],
      outside: ["外地", "域外"],
      mixed: ["混合", "本地和外地"],
    }),
  ]),
  funds: entity("funds", "基金", ["产业基金"], "Fund", fundSchema, [
    yuanColumn("size_yuan", "规模(元)", "sizeYuan"),
    yuanColumn("first_close_yuan", "首期规模(元)", "firstCloseYuan"),
    yuanColumn("invested_yuan", "已投金额(元)", "investedYuan"),
    yuanColumn("leveraged_yuan", "撬动社会资本(元)", "leveragedYuan"),
    { key: "projects_landed", zh: "落地项目数", field: "projectsLanded", type: "int" },
  ]),
  institutes: entity("institutes", "院所", ["科研机构", "创新平台", "院校"], "Institute", instituteSchema, [
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
    { key: "area_mu", zh: "面积(亩)", field: "areaMu", type: "number" },
    { key: "area_km2", zh: "面积(平方公里)", field: "areaKm2", type: "number" },
    { key: "floor_space_m2", zh: "建筑面积(平方米)", field: "floorSpaceM2", type: "number" },
    enumColumn("status", "状态", "status", PARK_STATUSES, {
      planned: ["规划", "规划中"],
      "under-construction": ["在建", "建设中"],
      operating: ["运营", "已运营", "投用"],
    }),
    { key: "opening_date", zh: "开园日期", field: "openingDate", type: "text", hint: "as the document says: 2025-06, 2025-Q2 …" },
  ]),
  projects: entity("projects", "项目", ["招商项目", "重点项目"], "Project", projectSchema, [
    yuanColumn("investment_yuan", "投资额(元)", "investmentYuan"),
    enumColumn("status", "状态", "status", PROJECT_STATUSES, {
      planned: ["计划", "规划", "谋划"],
      signed: ["签约", "已签约"],
      "under-construction": ["在建", "建设中", "开工"],
      operating: ["投产", "运营", "竣工投产"],
    }),
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
