import { z } from "zod";
import { ID_PATTERN } from "../id-pattern.ts";

/**
 * Entity ids as every route accepts them: the one place for their length limit and prefix
 * rules, whatever ID_PATTERN (model/domain.ts) allows. Each rule is a pattern, so /openapi.json
 * states it too (a zod refine would be invisible there).
 */
export const MAX_ID_LENGTH = 200;
export const entityIdSchema = z
  .string()
  .max(MAX_ID_LENGTH, `at most ${MAX_ID_LENGTH} characters`)
  .regex(ID_PATTERN, "must be an id like firm:nice-group (prefix:key)");

/** An id of one kind: `entityIdOf("region")` takes region:lishui, refuses firm:nice-group. */
export const entityIdOf = (prefix: string) => entityIdSchema.regex(new RegExp(`^${prefix}:`), `must be a ${prefix} id (${prefix}:...)`);

/** How enclaves (飞地) count for a region: the modes every analysis answer echoes. */
export const enclaveModeSchema = z.enum(["home", "host", "both"]);

/** The `enclaves` input of every analysis route and scenario. */
export const enclavesParam = enclaveModeSchema
  .default("home")
  .describe("How enclaves (飞地) count: home = the district that runs them elsewhere, host = where they sit, both");

/** A missing required field's message; `fieldErrorText` spells it "querystring.region is required". */
export const REQUIRED = "is required";

/** One field's problem as a sentence, the same on the server (message) and in the web app. */
export function fieldErrorText({ field, message }: { field: string; message: string }): string {
  return message === REQUIRED ? `${field} ${REQUIRED}` : `${field}: ${message}`;
}

/** The body of every error response. */
export const errorSchema = z
  .object({
    statusCode: z.number().int(),
    error: z.string(),
    message: z.string(),
    fields: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: "Error" });

/** A message for people in 中文 and English. */
export const bilingualSchema = z.object({ zh: z.string(), en: z.string() }).meta({ id: "Bilingual" });
export type Bilingual = z.infer<typeof bilingualSchema>;

export const errorResponses = {
  400: errorSchema,
  404: errorSchema,
  503: errorSchema,
};

const PLAIN_DECIMAL = "must be a whole number in plain decimal digits";

/** Query strings carry text: only plain decimal digits become a number (never 0x6, 1e0, " 6" or ""). */
const decimalToNumber = (value: unknown) => (typeof value === "string" && /^\d{1,15}$/.test(value) ? Number(value) : value);

const wholeNumber = (min: number, max: number, tooBig?: string) =>
  z
    .number({ error: (issue) => (issue.code === "invalid_type" ? PLAIN_DECIMAL : undefined) })
    .int(PLAIN_DECIMAL)
    .min(min)
    .max(max, tooBig);

/** An integer query parameter between min and max, `fallback` when absent. */
export function intParam(min: number, max: number, fallback: number, tooBig?: string) {
  return z.preprocess(decimalToNumber, wholeNumber(min, max, tooBig).default(fallback));
}

export function optionalIntParam(min: number, max: number) {
  return z.preprocess(decimalToNumber, wholeNumber(min, max).optional());
}
