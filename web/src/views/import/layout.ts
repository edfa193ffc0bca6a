import type { Translate } from "../../i18n/i18n.ts";
import type { MessageKey } from "../../i18n/messages.ts";
import { h } from "../../ui/dom.ts";

/** A section of the import page, named by its heading. */
export function section(t: Translate, id: string, title: MessageKey, ...children: (Node | null)[]) {
  return h("section", { class: "import-section", "aria-labelledby": id }, h("h2", { id }, t(title)), children);
}

/** A table named by its caption, or by the heading just above it (`labelledBy`) so the name is not shown twice. */
export function dataTable(
  name: { caption: string } | { labelledBy: string },
  head: string[],
  rows: Node[],
  attrs: Record<string, unknown> = {},
) {
  return h(
    "table",
    { class: "data-table", "aria-labelledby": "labelledBy" in name ? name.labelledBy : undefined, ...attrs },
    "caption" in name ? h("caption", {}, name.caption) : null,
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        head.map((text) => h("th", { scope: "col" }, text)),
      ),
    ),
    h("tbody", {}, rows),
  );
}
