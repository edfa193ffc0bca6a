import type { ImportReport } from "../../../../model/api/imports.ts";
import type { Translate } from "../../i18n/i18n.ts";
import type { MessageKey } from "../../i18n/messages.ts";
import { countRows, IMPORT_KINDS, problemRows } from "../../imports/import-rules.ts";
import { h } from "../../ui/dom.ts";
import { dataTable } from "./layout.ts";

const isKind = (kind: string | null): kind is (typeof IMPORT_KINDS)[number] =>
  kind !== null && (IMPORT_KINDS as readonly string[]).includes(kind);

/**
 * What a dry run or an apply answered: the verdict, the batch written, the sheets read, the counts,
 * every problem by file, sheet, row and column, the rows matched to stored records, and the changes it would make or made.
 */
export function dryRunReport(report: ImportReport, t: Translate): Node[] {
  const problems = problemRows(report);
  const nodes: (Node | null)[] = [
    h("h2", {}, t(report.dryRun ? "import.reportDry" : "import.reportApplied")),
    h("p", { class: `report-message ${report.ok ? "ok" : "refused"}`, id: "import-message", "data-ok": String(report.ok) }, report.message),
    report.batch
      ? h("p", { class: "batch-id" }, t("import.batch", { id: "" }), h("code", { id: "import-batch-id" }, report.batch.id))
      : null,
    report.sheets.length > 0
      ? h(
          "ul",
          { class: "sheet-list hint" },
          report.sheets.map((sheet) =>
            h(
              "li",
              {},
              t("import.sheet", {
                file: sheet.file,
                sheet: sheet.sheet ?? "",
                kind: isKind(sheet.kind) ? t(`importKind.${sheet.kind}` as MessageKey) : (sheet.kind ?? "?"),
                rows: sheet.rows,
                encoding: sheet.encoding,
              }),
            ),
          ),
        )
      : null,
    countsTable(report, t),
    report.counts.documentsCreated > 0 ? h("p", { class: "hint" }, t("import.documents", { n: report.counts.documentsCreated })) : null,
    h("h3", { id: "import-problems-title" }, t("import.problems", { n: report.problemsTotal })),
    report.problemsTotal > report.problems.length
      ? h("p", { class: "hint" }, t("import.problemsListed", { shown: report.problems.length }))
      : null,
    problems.length === 0 ? h("p", { class: "muted" }, t("import.noProblems")) : problemsTable(problems, t),
    report.matches.length > 0 ? h("h3", {}, t("import.matches", { n: report.matches.length })) : null,
    report.matches.length > 0
      ? h(
          "ul",
          { class: "changes-list", id: "import-matches" },
          report.matches.map((match) => h("li", { class: "match" }, `${match.file} · ${match.row}: ${match.message}`)),
        )
      : null,
    h("h3", {}, t("import.changes", { n: report.changes.length + report.changesOmitted })),
    report.changes.length === 0
      ? h("p", { class: "muted" }, t("import.changesNone"))
      : h(
          "ul",
          { class: "changes-list", id: "import-changes" },
          report.changes.map((change) =>
            h(
              "li",
              { class: `change change-${change.status}` },
              h("span", { class: "change-status" }, t(change.status === "created" ? "import.created" : "import.updated")),
              change.what,
            ),
          ),
        ),
    report.changesOmitted > 0 ? h("p", { class: "hint" }, t("import.changesOmitted", { n: report.changesOmitted })) : null,
  ];
  return nodes.filter((node): node is Node => node !== null);
}

function countsTable(report: ImportReport, t: Translate) {
  return dataTable(
    { caption: t("import.counts") },
    [t("import.colWhat"), t("import.created"), t("import.updated"), t("import.unchanged")],
    countRows(report).map((row) =>
      h(
        "tr",
        { "data-counts": row.what.replace("import.", "") },
        h("th", { scope: "row" }, t(row.what)),
        h("td", { class: "num", "data-status": "created" }, String(row.created)),
        h("td", { class: "num", "data-status": "updated" }, String(row.updated)),
        h("td", { class: "num", "data-status": "unchanged" }, String(row.unchanged)),
      ),
    ),
    { id: "import-counts" },
  );
}

function problemsTable(problems: ReturnType<typeof problemRows>, t: Translate) {
  return dataTable(
    { labelledBy: "import-problems-title" },
    [t("import.colSeverity"), t("import.colFile"), t("import.colSheet"), t("import.colRow"), t("import.colColumn"), t("import.colMessage")],
    problems.map((problem) =>
      h(
        "tr",
        { class: `problem problem-${problem.severity}` },
        h(
          "td",
          {},
          h(
            "span",
            { class: `badge ${problem.severity === "error" ? "badge-high" : "badge-medium"}` },
            t(problem.severity === "error" ? "import.severityError" : "import.severityWarning"),
          ),
        ),
        h("td", {}, problem.file),
        h("td", {}, problem.sheet),
        h("td", { class: "num" }, problem.row),
        h("td", {}, problem.column),
        h("td", {}, problem.message),
      ),
    ),
    { id: "import-problems" },
  );
}
