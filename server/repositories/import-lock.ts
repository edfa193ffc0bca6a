import { randomBytes } from "node:crypto";
import os from "node:os";
import type { Graph, NamedTransaction } from "../db/graph.ts";

/**
 * One lock for every import and revert write (`:ImportLock {id: 'imports'}`). A write that fits
 * in one transaction takes it for that transaction only (Neo4j's own lock: concurrent ones wait
 * their turn). A chunked import or revert, which spans many transactions, also holds a lease on
 * it: its batch id and its owner (host, pid, a token of this process) and a heartbeat the owner
 * renews every few seconds. Others get ImportBusyError (409) while the lease is held, and take it
 * over once its owner is provably gone: a dead pid on this host at once, any owner whose heartbeat
 * stopped after STALE_HEARTBEAT_MS.
 */
export const HEARTBEAT_MS = 5_000;
/** Far more than a heartbeat can be late on a loaded machine, far less than the old 11 minutes. */
export const STALE_HEARTBEAT_MS = 60_000;

/** This process, told apart from an earlier one that had the same pid (a restarted container). */
const PROCESS_TOKEN = randomBytes(8).toString("hex");

export interface LockOwner {
  ownerHost: string | null;
  ownerPid: number | null;
  ownerToken: string | null;
  heartbeatAt: string | null;
}

export interface ImportLease extends LockOwner {
  holder: string | null;
  op: "apply" | "revert" | null;
}

const NO_LEASE: ImportLease = { holder: null, op: null, ownerHost: null, ownerPid: null, ownerToken: null, heartbeatAt: null };

/** Another import or revert holds the lock; the client may try again when it finishes. */
export class ImportBusyError extends Error {
  /** Read by the one error handler: a 4xx with this message. */
  readonly statusCode = 409;
  constructor(readonly holder: string) {
    super(`another import or revert (${holder}) is being written; try again when it has finished`);
    this.name = "ImportBusyError";
  }
}

/** Leases this process holds and is working on right now (a failed import's lease is not among them). */
const working = new Set<string>();

/**
 * Whether the lease's owner may still be working on it: for this process, while the work runs;
 * for another, until its pid is dead on this host (the same pid with another token is an earlier
 * life of this process, as in a restarted container) or its heartbeat is older than staleAfterMs.
 */
export function leaseIsLive(lease: ImportLease, staleAfterMs = STALE_HEARTBEAT_MS, now = Date.now()): boolean {
  if (!lease.holder) return false;
  if (lease.ownerToken === PROCESS_TOKEN) return working.has(lease.holder);
  const beat = Date.parse(lease.heartbeatAt ?? "");
  if (!(now - beat < staleAfterMs)) return false;
  if (lease.ownerHost !== os.hostname() || lease.ownerPid === null) return true;
  return lease.ownerPid !== process.pid && processIsAlive(lease.ownerPid);
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

const UNFINISHED = new Set(["applying", "reverting"]);

/**
 * Takes the import lock inside `tx`, waiting for any other import transaction to end. Throws
 * ImportBusyError while another live owner holds the lease, or while a dead owner's batch still
 * waits to be rolled back (recovery does that first). The lock is Neo4j's until `tx` ends; call
 * takeImportLease to keep it across transactions.
 */
export async function claimImportLock(tx: NamedTransaction, batchId: string, staleAfterMs = STALE_HEARTBEAT_MS): Promise<void> {
  const [row] = await tx.run<{ lock: ImportLease; holderStatus: string | null }>("claim-import-lock", {
    now: new Date().toISOString(),
  });
  const held = { ...NO_LEASE, ...row?.lock };
  if (!held.holder) return;
  // A dead owner's unfinished batch is rolled back (by recovery, or by this very call) before anything else.
  const waitsForRecovery = held.holder !== batchId && UNFINISHED.has(row?.holderStatus ?? "");
  if (leaseIsLive(held, staleAfterMs) || waitsForRecovery) throw new ImportBusyError(held.holder);
}

/** Keeps the lock (claimed in the same `tx`) for `batchId` after the transaction, until releaseImportLock. */
export async function takeImportLease(tx: NamedTransaction, batchId: string, op: "apply" | "revert"): Promise<void> {
  await tx.run("set-import-lock", { props: leaseOf(batchId, op) });
}

/**
 * Runs the chunked work of a lease taken with takeImportLease (marked as this process's work in
 * progress), renewing its heartbeat in small transactions of their own (the chunks never touch
 * the lock node, so a beat never waits for a chunk).
 */
export async function whileHolding<T>(graph: Graph, holder: string, work: () => Promise<T>): Promise<T> {
  working.add(holder);
  let beating: Promise<unknown> | undefined;
  const timer = setInterval(() => {
    if (beating) return;
    beating = graph
      .writeTransaction((tx) => tx.run("beat-import-lock", { holder, token: PROCESS_TOKEN, now: new Date().toISOString() }), HEARTBEAT_MS)
      .catch(() => {})
      .finally(() => {
        beating = undefined;
      });
  }, HEARTBEAT_MS);
  try {
    return await work();
  } finally {
    clearInterval(timer);
    await beating;
    working.delete(holder);
  }
}

/** Gives the lease back, in the transaction that finishes the chunked work. */
export async function releaseImportLock(tx: NamedTransaction, batchId: string): Promise<void> {
  const [row] = await tx.run<{ lock: ImportLease }>("claim-import-lock", { now: new Date().toISOString() });
  if (row?.lock.holder === batchId) await tx.run("set-import-lock", { props: NO_LEASE });
}

export async function readImportLease(graph: Graph): Promise<ImportLease> {
  const [row] = await graph.read<{ lock: ImportLease }>("read-import-lock");
  return { ...NO_LEASE, ...row?.lock };
}

function leaseOf(holder: string, op: "apply" | "revert"): ImportLease {
  return {
    holder,
    op,
    ownerHost: os.hostname(),
    ownerPid: process.pid,
    ownerToken: PROCESS_TOKEN,
    heartbeatAt: new Date().toISOString(),
  };
}
