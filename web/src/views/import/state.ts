import { loadToken, saveToken } from "../../imports/import-rules.ts";

/**
 * The import view's state, in one place: the components read it and change it, the view decides
 * what to redraw. Nothing of it is in the URL: files and tokens cannot travel in a link, and a
 * token must not.
 */
export interface ImportState {
  /** The editor token, kept for this tab's session only. */
  token: string;
  files: File[];
  /** A dry run or an apply is in flight. */
  busy: boolean;
  /** The last dry run, for the files it checked. */
  dryRun: { filesKey: string; ok: boolean } | undefined;
  /** The files last applied, so the same files are not applied twice. */
  appliedKey: string | undefined;
  /** The view was left: answers that arrive later are dropped. */
  disposed: boolean;
}

export function createImportState(): ImportState {
  return { token: loadToken(sessionStore()), files: [], busy: false, dryRun: undefined, appliedKey: undefined, disposed: false };
}

export function setToken(state: Pick<ImportState, "token">, token: string) {
  state.token = token;
  saveToken(sessionStore(), token);
}

/** After a revert the data changed: whatever was checked or applied before must be checked again. */
export function forgetChecks(state: ImportState) {
  state.dryRun = undefined;
  state.appliedKey = undefined;
}

/** sessionStorage, or nothing where the browser refuses it (some privacy modes throw on access). */
function sessionStore(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}
