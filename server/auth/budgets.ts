import { isReadMethod } from "./roles.ts";
import type { SecurityConfig } from "./security-config.ts";

/**
 * Work that holds the process for long (building an export file, reading an import, reverting
 * one): marked on the route as `config: { heavy: "export" | "import" }`, limited in how many run at once.
 */
export type HeavyWork = "export" | "import";

/** Each budget has its own counter per token holder (or address): reads never use up writes or exports. */
export type Budget = "read" | "write" | "export";

export function budgetOf(method: string, heavy: HeavyWork | undefined): Budget {
  if (heavy === "export") return "export";
  return isReadMethod(method) ? "read" : "write";
}

export function budgetMax(budget: Budget, limits: SecurityConfig["rateLimit"]): number {
  if (budget === "export") return limits.exportsPerMinute;
  return budget === "read" ? limits.readsPerMinute : limits.writesPerMinute;
}

/**
 * How many heavy jobs run now. A job that finds every slot taken is refused at once (the caller
 * answers 429 + Retry-After), so a crowd of exports cannot turn into timeouts for everyone.
 */
export class HeavyWorkSlots {
  private running = 0;
  constructor(readonly capacity: number) {}

  /** Takes a slot; false when all are busy. */
  tryTake(): boolean {
    if (this.running >= this.capacity) return false;
    this.running++;
    return true;
  }

  release(): void {
    this.running = Math.max(0, this.running - 1);
  }

  get inUse(): number {
    return this.running;
  }
}
