import type { Lang } from "../state/url-state.ts";

/**
 * The words for the data's enumerated values (model/domain.ts: region and institute kinds, stages,
 * statuses, market scope), so a planner reads 区县 and 中游, not `district` and `midstream`.
 * A value not listed (a newer import) shows as stored.
 */
const VALUES: Record<string, Record<string, [string, string]>> = {
  kind: {
    country: ["国家", "country"],
    province: ["省", "province"],
    city: ["市", "city"],
    district: ["区", "district"],
    county: ["县（市）", "county"],
    town: ["镇", "town"],
    "development-zone": ["开发区", "development zone"],
    enclave: ["飞地", "enclave"],
    investor: ["投资机构", "investor"],
    government: ["政府部门", "government"],
    association: ["协会", "association"],
    other: ["其他", "other"],
    institute: ["科研院所", "research institute"],
    university: ["高校", "university"],
    "innovation-centre": ["创新中心", "innovation centre"],
    "tech-transfer": ["技术转移机构", "technology transfer"],
    incubator: ["孵化器", "incubator"],
    platform: ["平台", "platform"],
    hospital: ["医院", "hospital"],
    lab: ["实验室", "laboratory"],
    park: ["园区", "park"],
    "pilot-zone": ["试验区", "pilot zone"],
    base: ["基地", "base"],
    "enclave-platform": ["飞地平台", "enclave platform"],
  },
  stage: {
    upstream: ["上游", "upstream"],
    midstream: ["中游", "midstream"],
    downstream: ["下游", "downstream"],
  },
  status: {
    planned: ["规划中", "planned"],
    signed: ["已签约", "signed"],
    "under-construction": ["在建", "under construction"],
    operating: ["已运营", "operating"],
  },
  marketScope: {
    local: ["本地为主", "mostly local"],
    outside: ["外地为主", "mostly outside the region"],
    mixed: ["本地与外地", "local and outside"],
  },
  gap: {
    missing: ["缺链", "missing"],
    thin: ["弱链", "thin"],
    broken: ["断链", "broken"],
  },
};

/** The value of property `key` in the UI's language, or undefined when it is not an enumerated value. */
export function enumValue(key: string, value: unknown, lang: Lang): string | undefined {
  if (typeof value !== "string") return undefined;
  const pair = VALUES[key]?.[value];
  return pair ? pair[lang === "zh" ? 0 : 1] : undefined;
}
