import type { EntityLabel, RelationshipType } from "../../model/domain.ts";
import type { Graph, WriteCounts } from "../db/graph.ts";
import { addCounts, NO_WRITES } from "../db/graph.ts";
import { refreshChainStatsIn } from "../repositories/chain-stats.ts";
import { refreshFirmScorePartsIn } from "../repositories/firm-score-parts.ts";
import { nameInitials } from "../search/name-initials.ts";
import { DEMO_SEED_DIR } from "./demo-seed.ts";
import { relRowValues } from "./positional-rows.ts";
import { readSeedDir } from "./read-seed-dir.ts";
import { SYNTHETIC_PROVENANCE } from "./synthetic-provenance.ts";
import type { EntityRow, RelationRow } from "./to-graph-rows.ts";

/**
 * An opt-in layer of made-up outside firms around two demo chains (DEMO_OUTSIDE_FIRMS=true), so
 * the targets view has candidates to rank: per segment, one firm with a supply tie to a local
 * firm (the chain leader where there is one), one in a partner region that cooperates with a
 * local institute, and one with only its tags. Every node and tie is :Synthetic, has no source
 * and `assumption: "synthetic"`, its name starts with 【示例】 so the UI and every export show what
 * it is, and `npm run seed:synthetic -- --remove` deletes it. No document fact is touched.
 */
interface Anchor {
  chain: string;
  /** Local firms to tie to, the leader first. */
  localFirms: string[];
  localInstitutes: string[];
  partnerRegions: string[];
  otherRegions: string[];
}

export const DEMO_OUTSIDE_ANCHORS: Anchor[] = [
  {
    chain: "chain:beauty-health",
    localFirms: ["firm:nice-group", "firm:xueshi-medical", "firm:hanerxi", "firm:lvgu-ecology"],
    localInstitutes: ["inst:zju-lianzhou-tech-transfer", "inst:zhao-wang-neuroscience"],
    partnerRegions: ["region:shenzhen", "region:hangzhou", "region:ningbo", "region:shanghai"],
    otherRegions: ["region:beijing", "region:guangzhou"],
  },
  {
    chain: "chain:big-health",
    localFirms: ["firm:kelun-pharma", "firm:baiyu-pharma", "firm:luoxin-pharma", "firm:wuxi-apptec"],
    localInstitutes: ["inst:uestc", "inst:qianhai-life-women-children-medical"],
    partnerRegions: ["region:banan", "region:panzhihua", "region:yuechi"],
    otherRegions: ["region:beijing", "region:shanghai", "region:guangzhou"],
  },
];

export const DEMO_OUTSIDE_PREFIX = "firm:syn-demo-";
const ROLES = ["supplier", "partner", "tags"] as const;
const TAGS: Record<(typeof ROLES)[number], string[]> = {
  supplier: ["规上"],
  partner: ["专精特新", "规上"],
  tags: ["上市", "规上"],
};

export interface DemoOutsideRows {
  nodes: EntityRow[];
  relations: [RelationshipType, RelationRow[]][];
}

/** The layer's rows, derived from the demo seed files only (deterministic). */
export async function demoOutsideRows(): Promise<DemoOutsideRows> {
  const seed = await readSeedDir(DEMO_SEED_DIR);
  const segments = new Map(seed["segments.json"].map((s) => [s.id, s]));
  const regionNames = new Map(seed["regions.json"].map((r) => [r.id, r.name]));
  const nodes: EntityRow[] = [];
  const rels = new Map<RelationshipType, RelationRow[]>();
  const rel = (type: RelationshipType, from: string, to: string) =>
    rels.set(type, [...(rels.get(type) ?? []), { from, to, key: "", props: {} }]);
  for (const anchor of DEMO_OUTSIDE_ANCHORS) {
    const inChain = seed["relations.json"]
      .filter((r) => r.type === "SEGMENT_OF" && r.to === anchor.chain)
      .map((r) => r.from)
      .sort();
    inChain.forEach((segmentId, i) => {
      const segment = segments.get(segmentId);
      if (!segment) return;
      ROLES.forEach((role, j) => {
        const n = i * ROLES.length + j;
        const region =
          role === "partner"
            ? anchor.partnerRegions[n % anchor.partnerRegions.length]!
            : anchor.otherRegions[n % anchor.otherRegions.length]!;
        const id = `${DEMO_OUTSIDE_PREFIX}${segmentId.slice("segment:".length)}-${role}`;
        const place = regionNames.get(region) ?? "";
        const name = `【示例】${place.replace(/市$/, "")}${segment.name}企业${j + 1}`;
        nodes.push({
          id,
          props: {
            id,
            name,
            nameEn: `[Synthetic example] ${segment.nameEn ?? segment.name} firm ${j + 1}`,
            aliases: [],
            aliasesText: "",
            nameInitials: nameInitials(name, []),
            tags: TAGS[role],
          },
        });
        rel("LOCATED_IN", id, region);
        rel("IN_SEGMENT", id, segmentId);
        if (role === "supplier") rel("SUPPLIES", id, anchor.localFirms[i % anchor.localFirms.length]!);
        if (role === "partner") rel("COOPERATES_WITH", id, anchor.localInstitutes[i % anchor.localInstitutes.length]!);
      });
    });
  }
  return { nodes, relations: [...rels] };
}

/** Loads the layer in one transaction (all or nothing); a second call finds it present and writes nothing. */
export async function loadDemoOutsideFirms(graph: Graph): Promise<WriteCounts & { skipped: boolean }> {
  const rows = await demoOutsideRows();
  const present = await graph.read<{ node: unknown }>("find-entities-by-id", { ids: [rows.nodes[0]?.id ?? ""] });
  if (present.length > 0) return { ...NO_WRITES, skipped: true };
  const label: EntityLabel = "Firm";
  const counts = await graph.writeTransaction(async (tx) => {
    let total = await tx.runCounted("create-synthetic-nodes", { label, rows: rows.nodes, provenance: SYNTHETIC_PROVENANCE });
    for (const [type, list] of rows.relations) {
      total = addCounts(
        total,
        await tx.runCounted("create-synthetic-relations", { type, rows: list.map(relRowValues), provenance: SYNTHETIC_PROVENANCE }),
      );
    }
    await refreshFirmScorePartsIn(
      tx,
      rows.nodes.map((node) => node.id),
    );
    await refreshChainStatsIn(tx);
    return total;
  });
  return { ...counts, skipped: false };
}
