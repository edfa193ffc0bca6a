import type { Translate } from "../i18n/i18n.ts";

/** Why a request failed, in terms the UI can turn into plain words. */
export class ApiError extends Error {
  constructor(
    readonly kind: "network" | "http" | "shape",
    readonly status: number,
    message: string,
    readonly detail: { retryAfter?: number; fields?: { field: string; message: string }[]; path?: string } = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** One sentence a planner can act on; the raw server message only where it names the bad input. */
export function describeError(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError))
    return t("error.other", { status: "—", message: error instanceof Error ? error.message : String(error) });
  if (error.kind === "network") return t("error.network");
  if (error.kind === "shape") return t("error.shape", { path: error.detail.path ?? "?" });
  if (error.status === 400) {
    const fields = error.detail.fields?.map((f) => `${f.field}: ${f.message}`).join("; ");
    return t("error.400", { message: fields || error.message });
  }
  if (error.status === 401) return t("error.401");
  if (error.status === 403) return t("error.403");
  if (error.status === 404) return t("error.404", { message: error.message });
  if (error.status === 409) {
    const reasons = error.detail.fields?.map((f) => `${f.field}: ${f.message}`).join("; ");
    return t("error.409", { message: reasons ? `${error.message} — ${reasons}` : error.message });
  }
  if (error.status === 413) return t("error.413");
  if (error.status === 503) return t("error.503", { seconds: error.detail.retryAfter ?? 10 });
  if (error.status >= 500) return t("error.5xx");
  return t("error.other", { status: error.status, message: error.message });
}
