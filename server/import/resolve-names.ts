import type { ImportProblem } from "../../model/api/imports.ts";
import { type EntityLabel, LABEL_BY_PREFIX, type RelationshipType } from "../../model/domain.ts";
import { ID_PATTERN } from "../../model/id-pattern.ts";
import { relationKey } from "../../model/relation-key.ts";
import type { ProblemList, RowPlace } from "./problems.ts";
import type { EntityItem, ParsedImport, Props, Reference, RelationItem } from "./read-records.ts";

/** An existing record an import may mean, with what a match is judged on. */
export interface Candidate {
  id: string;
  name: string;
  aliases: string[];
  creditCode: string | null;
  /** Regions it is located in or part of. */
  regions: string[];
  /** Chains a segment belongs to. */
  chains: string[];
}

export interface CandidateQuery {
  names: string[];
  ids: string[];
  codes: string[];
}

export type FindCandidates = (label: EntityLabel, query: CandidateQuery) => Promise<Candidate[]>;

/** One row that updates a record already in the database instead of creating a second one. */
export interface ImportMatch {
  place: RowPlace;
  id: string;
  name: string;
  message: string;
}

const ZH_LABEL: Record<EntityLabel, string> = {
  Region: "区域",
  Chain: "产业链",
  Segment: "环节",
  Organization: "机构",
  Firm: "企业",
  Fund: "基金",
  Institute: "院所",
  Park: "园区",
  Project: "项目",
  Figure: "统计数据",
};

/** Resolved in this order, so a firm's region and segments are settled before the firm itself. */
const ORDER: EntityLabel[] = ["Region", "Chain", "Segment", "Organization", "Fund", "Institute", "Park", "Firm", "Project"];

const prefixOf = (label: EntityLabel) => Object.entries(LABEL_BY_PREFIX).find(([, l]) => l === label)![0];
const isIdOf = (label: EntityLabel, text: string) => ID_PATTERN.test(text) && text.startsWith(`${prefixOf(label)}:`);

/**
 * The matching half of a flat import. Rows with a blank id are matched to what exists (regions by
 * name and parent, firms by credit code or by name in the same region, everything else by name in
 * its region or chain): one match updates that record, several are a problem listing them, none
 * keeps the id made from the name. Then the names in 所在区域 / 所属环节 / 链主 … become ties.
 * Nothing here writes; the answers come from `find` (the database) and the import itself.
 */
export async function resolveNames(parsed: ParsedImport, find: FindCandidates): Promise<{ parsed: ParsedImport; matches: ImportMatch[] }> {
  const resolver = new NameResolver(parsed);
  await resolver.load(find);
  return resolver.resolve();
}

class NameResolver {
  /** Stored candidates by `label \0 name-or-alias`, `label \0 #code` and `label \0 @id`. */
  private readonly stored = new Map<string, Candidate[]>();
  private readonly problems: ImportProblem[] = [];
  private readonly references: Reference[] = [];
  private readonly matches: ImportMatch[] = [];
  private readonly entities: EntityItem[];
  /** Chains of the segments this import defines, once their 所属产业链 is resolved. */
  private readonly importSegmentChains = new Map<string, string[]>();

  /** This import's records by label and by name or alias, so a name is found without a scan. */
  private readonly byName = new Map<string, EntityItem[]>();

  constructor(private readonly parsed: ParsedImport) {
    this.entities = parsed.entities.map((e) => ({ ...e }));
    for (const e of this.entities) {
      for (const name of new Set([e.props.name, ...((e.props.aliases as string[] | null) ?? [])])) {
        const key = `${e.label}\u0000${String(name)}`;
        const list = this.byName.get(key) ?? [];
        list.push(e);
        this.byName.set(key, list);
      }
    }
  }

  private needsResolving() {
    return this.entities.some((e) => e.generated || e.links);
  }

  async load(find: FindCandidates) {
    if (!this.needsResolving()) return;
    const queries = new Map<EntityLabel, CandidateQuery>();
    const query = (label: EntityLabel) => {
      const q = queries.get(label) ?? { names: [], ids: [], codes: [] };
      queries.set(label, q);
      return q;
    };
    for (const e of this.entities) {
      if (e.generated) {
        query(e.label).names.push(String(e.props.name));
        if (typeof e.props.creditCode === "string") query(e.label).codes.push(e.props.creditCode);
      }
      for (const [key, values] of Object.entries(e.links?.refs ?? {})) {
        const label = refLabel(e.label, key);
        for (const value of values ?? []) (isIdOf(label, value) ? query(label).ids : query(label).names).push(value);
      }
    }
    for (const [label, q] of queries) {
      const unique = { names: [...new Set(q.names)], ids: [...new Set(q.ids)], codes: [...new Set(q.codes)] };
      for (const c of await find(label, unique)) {
        const keys = [...new Set([c.name, ...c.aliases])].map((n) => `${label}\u0000${n}`);
        keys.push(`${label}\u0000@${c.id}`);
        if (c.creditCode) keys.push(`${label}\u0000#${c.creditCode}`);
        for (const key of keys) {
          const list = this.stored.get(key) ?? [];
          list.push(c);
          this.stored.set(key, list);
        }
      }
    }
  }

  private storedAs(label: EntityLabel, key: string): Candidate[] {
    return this.stored.get(`${label}\u0000${key}`) ?? [];
  }

  resolve(): { parsed: ParsedImport; matches: ImportMatch[] } {
    if (!this.needsResolving()) return { parsed: this.parsed, matches: [] };
    const relations: RelationItem[] = [];
    const renamed = new Map<string, string>();
    for (const label of ORDER) {
      for (const entity of this.entities.filter((e) => e.label === label)) {
        const scope = this.scopeOf(entity);
        if (entity.generated) {
          const id = this.match(entity, scope);
          if (id && id !== entity.id) {
            renamed.set(entity.id, id);
            entity.id = id;
          }
        }
        if (label === "Segment") this.importSegmentChains.set(entity.id, scope ?? []);
        relations.push(...this.tiesOf(entity, scope));
      }
    }
    this.reportDoubleMatches();
    const rename = (id: string) => renamed.get(id) ?? id;
    const seen = new Set<string>();
    const allRelations: RelationItem[] = [];
    for (const rel of [...this.parsed.relations, ...relations].map((r) => ({ ...r, from: rename(r.from), to: rename(r.to) }))) {
      const identity = `${rel.type} ${rel.from} ${rel.to} ${rel.key}`;
      // A tie the tie sheet also states is written once.
      if (seen.has(identity)) continue;
      seen.add(identity);
      allRelations.push(rel);
    }
    return {
      parsed: {
        ...this.parsed,
        entities: this.entities,
        relations: allRelations,
        references: [...this.parsed.references.map((r) => ({ ...r, id: rename(r.id) })), ...this.references],
        problems: withProblems(this.parsed.problems, this.problems),
      },
      matches: this.matches,
    };
  }

  private problem(entity: EntityItem, column: string, message: string, severity: "error" | "warning" = "error") {
    this.problems.push({ ...entity.place, column, message, severity });
  }

  /** The ids a match is judged within: the parent or own region, or a segment's chain. */
  private scopeOf(entity: EntityItem): string[] | undefined {
    const refs = entity.links?.refs ?? {};
    const key = entity.label === "Region" ? "parent" : entity.label === "Segment" ? "chains" : "region";
    const values = refs[key];
    if (!values?.length) return undefined;
    const ids = values.map((v) => this.ref(entity, key, v)).filter((id): id is string => id !== undefined);
    return ids.length === values.length ? ids : [];
  }

  private match(entity: EntityItem, scope: string[] | undefined): string | undefined {
    const name = String(entity.props.name);
    const code = typeof entity.props.creditCode === "string" ? entity.props.creditCode : undefined;
    const byCode = code ? this.storedAs(entity.label, `#${code}`) : [];
    const byName = this.storedAs(entity.label, name).filter((c) => !code || !c.creditCode || c.creditCode === code);
    const inScope = (c: Candidate) => !scope || (entity.label === "Segment" ? c.chains : c.regions).some((id) => scope.includes(id));
    const found = byCode.length > 0 ? byCode : byName.filter(inScope);
    if (found.length === 1) {
      const [hit] = found as [Candidate];
      const how = byCode.length > 0 ? `统一社会信用代码 ${code}` : scope ? "同名同区域 same name and place" : "同名 same name";
      this.matches.push({
        place: entity.place,
        id: hit.id,
        name,
        message: `匹配已有 ${hit.name} (${hit.id})，将更新而不新建（${how}）/ matches existing ${hit.name} (${hit.id})`,
      });
      return hit.id;
    }
    if (found.length > 1) {
      this.problem(
        entity,
        "name",
        `"${name}" 对应多个已有${ZH_LABEL[entity.label]} / matches several existing records: ${found.map(describe).join("; ")}; ` +
          "write the id of the one you mean in 编号 (id), or add 所在区域 / 上级区域 / 所属产业链 to tell them apart",
      );
    }
    return undefined;
  }

  /** The id a refs cell value means: an id as written, else one record of that name (this import first). */
  private ref(entity: EntityItem, key: string, value: string, within?: string[]): string | undefined {
    const label = refLabel(entity.label, key);
    if (isIdOf(label, value)) {
      this.references.push({ id: value, place: entity.place, column: key });
      return value;
    }
    const fits = (chains: string[]) => !within?.length || chains.some((c) => within.includes(c));
    const local = this.byName.get(`${label}\u0000${value}`) ?? [];
    const localFit = local.filter((e) => label !== "Segment" || fits(this.importSegmentChains.get(e.id) ?? []));
    if (localFit.length === 1) return localFit[0]!.id;
    const stored = this.storedAs(label, value).filter((c) => label !== "Segment" || fits(c.chains));
    const all = [
      ...localFit.map((e) => ({ id: e.id, name: String(e.props.name) })),
      ...stored.filter((c) => !localFit.some((e) => e.id === c.id)),
    ];
    if (all.length === 1) return all[0]!.id;
    if (all.length > 1) {
      this.problem(
        entity,
        key,
        `"${value}" 对应多个${ZH_LABEL[label]} / names several records: ${all.map(describe).join("; ")}; write the id of the one you mean` +
          (label === "Segment" ? " or fill 所属产业链" : ""),
      );
      return undefined;
    }
    this.problem(
      entity,
      key,
      `找不到${ZH_LABEL[label]}"${value}" / no ${label.toLowerCase()} named "${value}" in this import or the database; ` +
        `add it to the ${ZH_LABEL[label]} sheet or write its id`,
    );
    return undefined;
  }

  /** The ties a flat row states: where it is, what it belongs to or serves, what it leads. */
  private tiesOf(entity: EntityItem, scope: string[] | undefined): RelationItem[] {
    const links = entity.links;
    if (!links) return [];
    const ties: RelationItem[] = [];
    const tie = (type: RelationshipType, from: string, to: string, extra: Props = {}) => {
      const props = { ...extra, ...links.provenance };
      ties.push({ kind: entity.kind, type, from, to, key: relationKey(extra as { region?: string }), props, place: entity.place });
    };
    const resolveAll = (key: string, within?: string[]) =>
      (links.refs[key] ?? []).map((v) => this.ref(entity, key, v, within)).filter((id): id is string => id !== undefined);
    const id = entity.id;
    const serves = entity.label === "Institute" || entity.label === "Fund" || entity.label === "Park";
    const regions = entity.label === "Region" ? [] : (scope ?? []);
    const chains = entity.label === "Segment" ? (scope ?? []) : resolveAll("chains");

    if (entity.label === "Region") for (const parent of scope ?? []) tie("PART_OF", id, parent);
    else for (const region of regions) tie("LOCATED_IN", id, region);
    for (const region of resolveAll("sponsor")) tie("SPONSORS", region, id);
    if (entity.label === "Segment") for (const chain of chains) tie("SEGMENT_OF", id, chain);
    if (serves) for (const chain of chains) tie("SERVES", id, chain);
    const segments = resolveAll("segments", chains);
    for (const segment of segments) tie(serves ? "SERVES" : "IN_SEGMENT", id, segment);

    if (links.leader) {
      const led = chains.length > 0 ? chains : [...new Set(segments.flatMap((s) => this.chainsOfSegment(s)))];
      if (regions.length === 0)
        this.problem(entity, "leader", "链主需要所在区域 / a chain leader needs 所在区域 (the region where it leads)");
      else if (led.length === 0)
        this.problem(entity, "leader", "链主需要所属产业链或所属环节 / a chain leader needs 所属产业链 or 所属环节 (which chain it leads)");
      else for (const chain of led) tie("LEADS", id, chain, { region: regions[0]! });
    }
    return ties;
  }

  private chainsOfSegment(segment: string): string[] {
    return this.importSegmentChains.get(segment) ?? this.storedAs("Segment", `@${segment}`)[0]?.chains ?? [];
  }

  /** Two rows matched to the same existing record would overwrite each other. */
  private reportDoubleMatches() {
    const byId = new Map<string, EntityItem>();
    for (const entity of this.entities) {
      const earlier = byId.get(entity.id);
      if (earlier && entity.generated) {
        this.problem(
          entity,
          "name",
          `"${String(entity.props.name)}" and row ${earlier.place.row} are the same record (${entity.id}): list it once`,
        );
      }
      byId.set(entity.id, entity);
    }
  }
}

function describe(c: { id: string; name: string; regions?: string[]; chains?: string[] }): string {
  const where = [...(c.regions ?? []), ...(c.chains ?? [])];
  return `${c.name} (${c.id}${where.length ? `, ${where.join(", ")}` : ""})`;
}

/** Which kind of record a refs column names. */
function refLabel(owner: EntityLabel, key: string): EntityLabel {
  if (key === "region" || key === "parent" || key === "sponsor") return "Region";
  if (key === "chains") return "Chain";
  if (key === "segments") return "Segment";
  throw new Error(`no refs column "${key}" on ${owner}`);
}

/** The read's problems and the resolution's, in a new list (a retried transaction resolves again). */
function withProblems(list: ProblemList, more: ImportProblem[]): ProblemList {
  const copy = list.copy();
  copy.push(...more);
  return copy;
}
