import { fieldErrorText } from "../../../model/api/common.ts";
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
    const fields = error.detail.fields?.map(fieldErrorText).join("; ");
    return t("error.400", { message: fields || error.message });
  }
  if (error.status === 401) return t("error.401");
  if (error.status === 403) return t("error.403");
  if (error.status === 404) return notFound(error.message, t);
  if (error.status === 409) {
    const reasons = error.detail.fields?.map(fieldErrorText).join("; ");
    return t("error.409", { message: reasons ? `${error.message} — ${reasons}` : error.message });
  }
  if (error.status === 413) return t("error.413");
  if (error.status === 503) return t("error.503", { seconds: error.detail.retryAfter ?? 10 });
  if (error.status >= 500) return t("error.5xx");
  return t("error.other", { status: error.status, message: error.message });
}

const ID_IN_MESSAGE = /\b(region|chain|segment|firm|fund|inst|park|project|org):[\w.-]+/;
const TYPE_OF_PREFIX: Record<string, string> = { inst: "institute", org: "organization" };

/** "chain "chain:nope" not found" as a planner says it: which kind of thing is missing and what to do. */
function notFound(message: string, t: Translate): string {
  const match = ID_IN_MESSAGE.exec(message);
  if (!match?.[1]) return t("error.notFoundPlain");
  const type = TYPE_OF_PREFIX[match[1]] ?? match[1];
  return t("error.notFoundThing", { what: t(`type.${type}` as Parameters<Translate>[0]), id: match[0] });
}

/** Whether trying the same request again can help: only when the network or the server failed, not the request. */
export function retryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  return error.kind === "network" || error.status === 0 || error.status === 429 || error.status >= 500;
}
