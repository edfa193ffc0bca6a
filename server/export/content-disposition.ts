/**
 * `attachment` with a plain `filename` every browser reads and, per RFC 6266 / RFC 5987, a
 * UTF-8 `filename*` that wins where supported, so a Chinese file name survives.
 */
export function attachment(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
