import { type Expansion, expansionKey } from "../state/url-state.ts";

/**
 * Which nodes each expansion brought into view, so "collapse" removes exactly those (and whatever
 * was expanded from them) and nothing the user reached another way. Pure bookkeeping, no graph.
 */
export interface ExpansionRecord {
  expansion: Expansion;
  added: string[];
}

export class ExpansionLedger {
  private records = new Map<string, ExpansionRecord>();
  private broughtBy = new Map<string, string>();

  constructor(private readonly pinned: ReadonlySet<string> = new Set()) {}

  keys(): string[] {
    return [...this.records.keys()];
  }

  expansions(): Expansion[] {
    return [...this.records.values()].map((record) => record.expansion);
  }

  /** An independent copy, for asking "what would collapsing this remove?" without doing it. */
  clone(): ExpansionLedger {
    const copy = new ExpansionLedger(this.pinned);
    for (const [key, record] of this.records) copy.records.set(key, { expansion: record.expansion, added: [...record.added] });
    for (const [id, key] of this.broughtBy) copy.broughtBy.set(id, key);
    return copy;
  }

  has(expansion: Expansion): boolean {
    return this.records.has(expansionKey(expansion));
  }

  /** Records an expansion and the node ids it newly added (nodes already in view stay with their first owner). */
  expand(expansion: Expansion, added: string[]): void {
    const key = expansionKey(expansion);
    const own = added.filter((id) => !this.broughtBy.has(id) && !this.pinned.has(id));
    for (const id of own) this.broughtBy.set(id, key);
    const previous = this.records.get(key);
    this.records.set(key, { expansion, added: [...(previous?.added ?? []), ...own] });
  }

  /**
   * Forgets an expansion and returns the nodes to remove: those it brought, plus, transitively,
   * those brought by expansions made from a node that is going away.
   */
  collapse(expansion: Expansion): { remove: string[]; collapsed: Expansion[] } {
    const remove: string[] = [];
    const collapsed: Expansion[] = [];
    const queue = [expansionKey(expansion)];
    while (queue.length > 0) {
      const key = queue.shift()!;
      const record = this.records.get(key);
      if (!record) continue;
      this.records.delete(key);
      collapsed.push(record.expansion);
      for (const id of record.added) {
        this.broughtBy.delete(id);
        remove.push(id);
        for (const [otherKey, other] of this.records) if (other.expansion.id === id) queue.push(otherKey);
      }
    }
    return { remove, collapsed };
  }

  /** All expansions made from one node (any relationship type). */
  expansionsOf(nodeId: string): Expansion[] {
    return [...this.records.values()].filter((record) => record.expansion.id === nodeId).map((record) => record.expansion);
  }

  clear(): void {
    this.records.clear();
    this.broughtBy.clear();
  }
}

/** The steps that turn the current expansions into the wanted ones: collapse extras (newest first), then expand in order. */
export function reconcileExpansions(current: Expansion[], wanted: Expansion[]): { collapse: Expansion[]; expand: Expansion[] } {
  const wantedKeys = new Set(wanted.map(expansionKey));
  const currentKeys = new Set(current.map(expansionKey));
  return {
    collapse: current.filter((e) => !wantedKeys.has(expansionKey(e))).reverse(),
    expand: wanted.filter((e) => !currentKeys.has(expansionKey(e))),
  };
}
