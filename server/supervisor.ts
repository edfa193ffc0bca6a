import type { ChildProcess } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";

/**
 * How many times a crashed app is started again: at most `max` crashes within `windowMs`; beyond
 * that it is crashing at start (a broken config, a full disk) and restarting only hides it.
 */
export class RestartBudget {
  private crashes: number[] = [];
  constructor(
    readonly max = 5,
    readonly windowMs = 60_000,
  ) {}

  /** Records a crash at `now`; true while another restart is allowed. */
  allow(now = Date.now()): boolean {
    this.crashes = [...this.crashes.filter((at) => now - at < this.windowMs), now];
    return this.crashes.length <= this.max;
  }
}

export interface SupervisedApp {
  /** Resolves with the last exit code once the app has stopped for good. */
  done: Promise<number>;
  /** Asks the running app to stop (SIGTERM) and stops restarting it. */
  stop(): void;
}

/**
 * Runs the app as a child process and starts it again when it dies by itself (killed, out of
 * memory, an uncaught error), within a RestartBudget. A clean exit (code 0) or stop() ends it.
 * The supervisor does no work of its own, so what kills the app does not kill it.
 */
export function superviseApp(
  start: () => ChildProcess,
  { log, budget = new RestartBudget(), delayMs = 1_000 }: { log: (line: string) => void; budget?: RestartBudget; delayMs?: number },
): SupervisedApp {
  let stopping = false;
  let child: ChildProcess | undefined;
  const done = (async () => {
    for (;;) {
      child = start();
      log(`app process ${child.pid} started`);
      const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
        child!.once("exit", (code, signal) => resolve({ code, signal })),
      );
      if (stopping || code === 0) return code ?? 0;
      const how = signal ? `killed by ${signal}` : `exited with code ${code}`;
      if (!budget.allow()) {
        log(`app process ${child.pid} ${how}; it crashed ${budget.max} times within ${budget.windowMs / 1000} s, giving up`);
        return code ?? 1;
      }
      log(`app process ${child.pid} ${how}; starting it again`);
      await sleep(delayMs);
      if (stopping) return code ?? 1;
    }
  })();
  return {
    done,
    stop() {
      stopping = true;
      if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    },
  };
}
