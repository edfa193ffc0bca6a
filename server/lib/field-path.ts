/**
 * The one spelling of a field in a 4xx message: where the value came from (querystring, body,
 * params, headers), then each key or array index, joined with dots — `body.changes.3.to`. The
 * error handler spells zod's issues with it and the domain errors name their fields with it, so a
 * client never meets `changes[3].to` in one answer and `body.changes.3.to` in another.
 */
export function fieldPath(...parts: readonly (string | number)[]): string {
  return parts.filter((part) => part !== "").join(".");
}
