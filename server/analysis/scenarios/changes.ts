import type { NodeRow } from "../../graph/elements.ts";
import { InvalidInputError } from "../../lib/invalid-input.ts";

/**
 * The hypothetical changes a scenario (现状 → 远景) holds. They never touch the graph: they are
 * applied to the rows the gap queries read (overlay.ts). `new:<n>` names the firm that change n
 * (0-based) adds when it is a new firm, so a later tie can reach it.
 */
export type PlannerChange =
  | { kind: "add-firm"; firm?: string; name?: string; nameEn?: string; segment: string; aboveScale?: boolean }
  | { kind: "promote-project"; project: string }
  | { kind: "add-tie"; from: string; to: string }
  | { kind: "remove-firm"; firm: string }
  | { kind: "remove-leader"; firm: string };

/** What the overlay applies: a planner's changes, and a tie taken back (the change report's view of a later import). */
export type ScenarioChange = PlannerChange | { kind: "remove-tie"; from: string; to: string };

export type ChangeKind = ScenarioChange["kind"];

/** A supply partner of a firm, as find-firm-ties reads it. */
export interface TiePartner {
  id: string;
  name?: string;
  local: boolean;
  inProvince: boolean;
  segments: string[];
}

/** A firm or project with what a change needs to judge it (a row of find-firm-ties). */
export interface FirmFacts {
  node: NodeRow;
  segments: string[];
  local: boolean;
  leader: boolean;
  suppliers: TiePartner[];
  customers: TiePartner[];
}

export const NEW_FIRM_PREFIX = "new:";
export const newFirmId = (changeIndex: number) => `${NEW_FIRM_PREFIX}${changeIndex}`;

/** Ids of existing entities the changes name (new firms excluded): what find-firm-ties must read. */
export function referencedIds(changes: ScenarioChange[]): string[] {
  const ids = changes.flatMap((c): string[] => {
    if (c.kind === "add-firm") return c.firm ? [c.firm] : [];
    if (c.kind === "promote-project") return [c.project];
    if (c.kind === "add-tie" || c.kind === "remove-tie") return [c.from, c.to];
    return [c.firm];
  });
  return [...new Set(ids.filter((id) => !id.startsWith(NEW_FIRM_PREFIX)))];
}

/** A change that cannot apply (unknown id, contradiction): the field it concerns and why, for a 400. */
export class ScenarioConflict extends InvalidInputError {}
