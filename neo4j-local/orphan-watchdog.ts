import { spawn } from "node:child_process";
import type { Writable } from "node:stream";

export interface OrphanWatchdog {
  /** Dismisses the watchdog before a deliberate stop: it exits and kills nothing. */
  release(): void;
  readonly pid: number | undefined;
}

/**
 * A throwaway server (the test run's) must not outlive the process that started it, even when
 * that process is SIGKILLed: nothing runs in a killed process, so the guard lives beside it.
 * A small bash process reads a pipe whose write end only this process holds; the kernel closes
 * it when this process dies, however it dies, and bash sees end-of-file. It then stops the
 * server's process group (SIGTERM, SIGKILL after 10 s; SIGCONT too, for a server a test froze)
 * and removes `removeDir`. It kills only a process whose command line still names `homeDir`, so a
 * reused pid, or a server `npm run db:start` started from another folder, is never touched. It
 * leaves by itself when the server exits first, and at release().
 */
export function watchForOrphan(serverPid: number, homeDir: string, removeDir?: string): OrphanWatchdog {
  const child = spawn("bash", ["-c", WATCHDOG_SCRIPT, "chain-atlas-neo4j-watchdog", String(serverPid), homeDir, removeDir ?? ""], {
    // Its own process group: a Ctrl-C in the terminal must not take the watchdog down with the run.
    detached: true,
    stdio: ["pipe", "ignore", "ignore"],
  });
  child.on("error", () => {});
  const pipe = child.stdin as Writable & { unref?: () => void };
  pipe.on("error", () => {});
  // Neither the process nor its pipe may keep the starter's event loop alive.
  pipe.unref?.();
  child.unref();
  return {
    pid: child.pid,
    release() {
      if (!pipe.writableEnded) pipe.end("release\n");
    },
  };
}

// $1 server pid (its process-group leader), $2 its --home-dir, $3 folder to remove when orphaned.
const WATCHDOG_SCRIPT = `
pid=$1 home=$2 dir=$3
owned() { ps -ww -o args= -p "$pid" 2>/dev/null | grep -qF -- "--home-dir=$home"; }
while kill -0 "$pid" 2>/dev/null; do
  read -r -t 1 line; status=$?
  [ "$status" -eq 0 ] && exit 0
  if [ "$status" -le 128 ]; then
    if owned; then
      kill -TERM -- "-$pid" 2>/dev/null; kill -CONT -- "-$pid" 2>/dev/null
      for _ in $(seq 20); do owned || break; sleep 0.5; done
      owned && kill -KILL -- "-$pid" 2>/dev/null
    fi
    [ -n "$dir" ] && rm -rf -- "$dir"
    exit 0
  fi
done
`;
