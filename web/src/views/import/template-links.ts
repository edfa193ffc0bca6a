import type { Translate } from "../../i18n/i18n.ts";
import type { MessageKey } from "../../i18n/messages.ts";
import { IMPORT_KINDS, TEMPLATE_LINKS } from "../../imports/import-rules.ts";
import { h } from "../../ui/dom.ts";
import { section } from "./layout.ts";

/** The spreadsheets to fill in: all sheets in one workbook, one CSV per kind, and today's data. */
export function templateLinks(t: Translate): HTMLElement {
  return section(
    t,
    "import-templates-title",
    "import.templates",
    h(
      "ul",
      { class: "template-links" },
      h("li", {}, h("a", { href: TEMPLATE_LINKS.allXlsx, download: true, id: "template-all" }, t("import.templatesAll"))),
      h(
        "li",
        {},
        t("import.templatesCsv"),
        " ",
        IMPORT_KINDS.map((kind) =>
          h(
            "a",
            { href: TEMPLATE_LINKS.csv(kind), download: true, class: "csv-link", "data-kind": kind, title: `${kind}.csv` },
            t(`importKind.${kind}` as MessageKey),
          ),
        ),
      ),
      h(
        "li",
        {},
        h("a", { href: TEMPLATE_LINKS.currentData, download: true, id: "export-current" }, t("import.exportCurrent")),
        h("span", { class: "hint" }, ` ${t("import.exportHint")}`),
      ),
    ),
  );
}
