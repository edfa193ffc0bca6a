/** Inputs meant to break a query, a parser or a renderer; every one must come back as a clean 4xx or a normal answer. */
export const CYPHER_INJECTIONS = [
  "' OR 1=1 //",
  '" OR ""="',
  "x' }) MATCH (n) DETACH DELETE n //",
  "}) MATCH (n) DETACH DELETE n //",
  "firm:nice-group' OR '1'='1",
  "firm:a`) DETACH DELETE n //",
  "`Entity` {id: 1}) DETACH DELETE n //",
  "Firm`:Entity) DETACH DELETE n //",
  "SUPPLIES|LEADS*1..100",
  "SUPPLIES]->() DETACH DELETE n //",
  "$(rm -rf /)",
  // A template-injection probe, deliberately a plain string.
  "$" + "{7*7}",
  "{{7*7}}",
  "1; CALL dbms.killQueries([]) //",
  "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l",
  "\\' OR 1=1 //",
  "firm:x\nMATCH (n) DETACH DELETE n",
  "region:lianzhou, ' OR 1=1 //",
] as const;

export const ODD_STRINGS = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "\udfff",
  "x\ud83dy",
  "\u202eevil\u202c",
  "\u200f\u200e\u200b",
  "🏭🔗👩‍👩‍👧‍👦",
  "产业链图谱",
  "ｆｉｒｍ：ｘ",
  "<script>alert(1)</script>",
  "../../../../etc/passwd",
  "%00",
  "%",
  "\\",
  "\r\n",
  ",,,",
  "null",
  "undefined",
  "true",
  "[]",
  "{}",
  "-1",
  "0",
  "1e309",
  "NaN",
  "Infinity",
  "9".repeat(400),
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
] as const;

export const HUGE_STRING = "链".repeat(50_000) + "a".repeat(50_000);

/** Raw bodies no JSON parser should turn into trouble. */
export const RAW_BODIES = [
  "{",
  "not json",
  "\u0000",
  '{"__proto__": {"isAdmin": true}}',
  '{"constructor": {"prototype": {"isAdmin": true}}}',
  '{"nodeIds": {"__proto__": []}}',
  "[]",
  "null",
  '"a"',
  "1e999999",
  `{"nodeIds": [${'"a",'.repeat(30_000)}"a"]}`,
  `${"[".repeat(10_000)}${"]".repeat(10_000)}`,
] as const;

/** Percent-encodes like a browser, except lone surrogates, which become the invalid UTF-8 bytes a broken client would send. */
export function encode(value: unknown): string {
  const text = typeof value === "string" ? value : typeof value === "object" && value !== null ? JSON.stringify(value) : String(value);
  // With the u flag these classes match only unpaired surrogates; emoji stay whole.
  return text
    .split(/([\ud800-\udfff])/u)
    .map((part) => (/^[\ud800-\udfff]$/u.test(part) ? "%ED%A0%80" : encodeURIComponent(part)))
    .join("");
}
