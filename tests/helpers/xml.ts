import { type X2jOptions, XMLParser } from "fast-xml-parser";

// biome-ignore lint/suspicious/noExplicitAny: parsed XML has no static type; the assertions check its shape
export type Xml = Record<string, any>;

/**
 * The parser the export tests read GraphML and GEXF with: attributes under `@`, values kept as
 * text (an id like "001" stays "001"), entities decoded, and the named tags always arrays.
 */
export function xmlParser(arrayTags: readonly string[], options: Partial<X2jOptions> = {}): XMLParser {
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@",
    htmlEntities: true,
    parseTagValue: false,
    parseAttributeValue: false,
    isArray: (tag) => arrayTags.includes(tag),
    ...options,
  });
}
