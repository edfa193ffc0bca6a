import type { ScenarioChangeBody } from "../../../model/api/scenarios.ts";

/**
 * The scenario a planner is editing (远景方案草稿): its name and changes, before it is saved. It
 * lives in this tab's session storage, so a candidate added from the targets view is waiting in
 * the editor, and a reload loses nothing. One draft at a time, for one chain × region.
 */
export interface ScenarioDraft {
  chain: string;
  region: string;
  /** The saved scenario this draft edits; absent for a new one. */
  id?: string;
  name: string;
  changes: ScenarioChangeBody[];
  /** Names of the firms, segments and projects the changes name, for showing them. */
  labels?: Record<string, string>;
}

const KEY = "chain-atlas.scenario-draft";
const NEW_FIRM = /^new:(\d{1,3})$/;

/** sessionStorage, or nothing where the browser refuses it (some privacy modes throw on access). */
export function sessionStore(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

/** The draft for this chain × region, if one is open. */
export function loadDraft(chain: string, region: string): ScenarioDraft | undefined {
  try {
    const draft = JSON.parse(sessionStore()?.getItem(KEY) ?? "null") as ScenarioDraft | null;
    return draft && draft.chain === chain && draft.region === region && Array.isArray(draft.changes) ? draft : undefined;
  } catch {
    return undefined;
  }
}

export function saveDraft(draft: ScenarioDraft): void {
  sessionStore()?.setItem(KEY, JSON.stringify(draft));
}

export function dropDraft(): void {
  sessionStore()?.removeItem(KEY);
}

const sameChange = (a: ScenarioChangeBody, b: ScenarioChangeBody) => JSON.stringify(a) === JSON.stringify(b);

/** The draft with one more change; the same change twice is kept once. */
export function withChange(draft: ScenarioDraft, change: ScenarioChangeBody): ScenarioDraft {
  return draft.changes.some((c) => sameChange(c, change)) ? draft : { ...draft, changes: [...draft.changes, change] };
}

/**
 * The draft without change `index`. A new firm is named by its change's position (new:<n>), so the
 * ties to a new firm removed go too, and references to the new firms after it are renumbered.
 */
export function withoutChange(draft: ScenarioDraft, index: number): ScenarioDraft {
  const gone = `new:${index}`;
  const dropped = (change: ScenarioChangeBody, i: number) =>
    i === index || (change.kind === "add-tie" && (change.from === gone || change.to === gone));
  const position = new Map<number, number>();
  draft.changes.forEach((change, i) => {
    if (!dropped(change, i)) position.set(i, position.size);
  });
  const renumber = (ref: string) => {
    const m = NEW_FIRM.exec(ref);
    return m ? `new:${position.get(Number(m[1])) ?? m[1]}` : ref;
  };
  const changes = draft.changes
    .filter((change, i) => !dropped(change, i))
    .map((change) => (change.kind === "add-tie" ? { ...change, from: renumber(change.from), to: renumber(change.to) } : change));
  return { ...draft, changes };
}
