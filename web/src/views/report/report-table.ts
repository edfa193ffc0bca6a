import { h } from "../../ui/dom.ts";

/** A plain printed table: a header row and body rows. */
export function reportTable(head: string[], rows: Node[]): HTMLTableElement {
  return h(
    "table",
    {},
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        head.map((c) => h("th", {}, c)),
      ),
    ),
    h("tbody", {}, rows),
  );
}
