/** Runs each closer in order, even when an earlier one fails, so nothing is left running. */
export async function closeInOrder(closers: (() => Promise<unknown>)[]): Promise<void> {
  for (const close of closers) await close().catch((error: Error) => console.error(`while closing: ${error.message}`));
}

/** On the first SIGINT (Ctrl-C) or SIGTERM, or when the supervisor is gone: run `stop` once, then exit cleanly. */
export function stopOnSignals(stop: (signal: string) => Promise<void>): void {
  let stopping = false;
  const handle = (signal: string) => {
    if (stopping) return;
    stopping = true;
    void stop(signal).finally(() => process.exit(0));
  };
  process.on("SIGINT", () => handle("SIGINT"));
  process.on("SIGTERM", () => handle("SIGTERM"));
  // Under npm start's supervisor (server/start.ts) the channel to it closes when it dies, even by
  // SIGKILL: the app then stops too rather than run on without a parent.
  if (process.channel) {
    process.channel.unref();
    process.once("disconnect", () => handle("supervisor gone"));
  }
}
