const MAX_SUMMARY = 2_000;
const MAX_FIELDS = 16;

/**
 * What a write changed, taken from its JSON answer when the route did not say it itself:
 * the scalar fields (counts, ids, flags) of the top level and of one nested level, so an
 * import's `{created: {nodes: 120}, batchId}` is kept while long lists and texts are left out.
 */
export function summarizeWriteResponse(payload: unknown): string {
  if (typeof payload !== "string" || !payload.startsWith("{")) return "";
  let body: unknown;
  try {
    body = JSON.parse(payload);
  } catch {
    return "";
  }
  const picked: Record<string, unknown> = {};
  let count = 0;
  const visit = (value: unknown, prefix: string, depth: number) => {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return;
    for (const [key, field] of Object.entries(value)) {
      if (count >= MAX_FIELDS) return;
      const name = prefix ? `${prefix}.${key}` : key;
      if (typeof field === "number" || typeof field === "boolean" || (typeof field === "string" && field.length <= 120)) {
        picked[name] = field;
        count++;
      } else if (Array.isArray(field)) {
        picked[`${name}.length`] = field.length;
        count++;
      } else if (depth < 1) {
        visit(field, name, depth + 1);
      }
    }
  };
  visit(body, "", 0);
  return clip(JSON.stringify(picked), MAX_SUMMARY);
}

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
