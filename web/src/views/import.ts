import { ApiError, describeError } from "../api/errors.ts";
import type { ImportBatch, ImportReport } from "../api/schemas.ts";
import type { AppContext, ViewInstance } from "../app/context.ts";
import type { MessageKey } from "../i18n/messages.ts";
import {
  applyReadiness,
  canRevert,
  countRows,
  filesKey,
  formatTime,
  IMPORT_KINDS,
  loadToken,
  problemRows,
  saveToken,
  TEMPLATE_LINKS,
} from "../imports/import-rules.ts";
import { clear, errorBox, h, loading } from "../ui/dom.ts";

/** sessionStorage, or nothing where the browser refuses it (some privacy modes throw on access). */
function sessionStore(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

const isKind = (kind: string | null): kind is (typeof IMPORT_KINDS)[number] =>
  kind !== null && (IMPORT_KINDS as readonly string[]).includes(kind);

/**
 * Import: templates to download, the editor token, files → dry run → apply, and the recent
 * imports with revert. Nothing here lives in the URL except the view itself: files and tokens
 * cannot travel in a link, and a token must not.
 */
export function importView(root: HTMLElement, context: AppContext): ViewInstance {
  const { t } = context;
  let token = loadToken(sessionStore());
  let files: File[] = [];
  let busy = false;
  let dryRun: { filesKey: string; ok: boolean } | undefined;
  let appliedKey: string | undefined;
  let disposed = false;

  const tokenInput = h("input", {
    type: "password",
    id: "import-token",
    class: "token-input",
    autocomplete: "off",
    spellcheck: "false",
    value: token,
    "aria-describedby": "import-token-hint",
    oninput: () => {
      token = tokenInput.value.trim();
      saveToken(sessionStore(), token);
    },
  });
  const fileInput = h("input", {
    type: "file",
    id: "import-files",
    multiple: true,
    accept: ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    onchange: () => {
      files = [...(fileInput.files ?? [])];
      renderFiles();
      refreshControls();
    },
  });
  const fileList = h("ul", { class: "file-list", id: "import-file-list" });
  const dryRunButton = h(
    "button",
    { type: "button", id: "import-dry-run", class: "primary", onclick: () => void run(true) },
    t("import.dryRun"),
  );
  const applyButton = h(
    "button",
    { type: "button", id: "import-apply", "aria-describedby": "import-apply-reason", onclick: () => void run(false) },
    t("import.apply"),
  );
  const applyReason = h("p", { class: "hint", id: "import-apply-reason", "aria-live": "polite" });
  const reportBox = h("section", { class: "import-section import-report", id: "import-report", "aria-live": "polite", hidden: true });
  const batchStatus = h("div", { class: "batch-status", id: "import-batch-status", "aria-live": "polite" });
  const batchesBox = h("div", { id: "import-batches" });

  const refreshControls = () => {
    const readiness = applyReadiness({ filesKey: filesKey(files), busy, dryRun, appliedKey });
    applyButton.disabled = !readiness.enabled;
    applyButton.classList.toggle("primary", readiness.enabled);
    dryRunButton.disabled = busy || files.length === 0;
    applyReason.textContent = t(readiness.reason);
    applyReason.dataset.reason = readiness.reason;
  };

  const renderFiles = () => {
    clear(
      fileList,
      files.length === 0
        ? h("li", { class: "muted" }, t("import.filesNone"))
        : files.map((file) => h("li", {}, file.name, h("span", { class: "hint" }, ` ${(file.size / 1024).toFixed(1)} KB`))),
    );
  };

  /** A table named by its caption, or by the heading just above it (`labelledBy`) so the name is not shown twice. */
  const table = (name: { caption: string } | { labelledBy: string }, head: string[], rows: Node[], attrs: Record<string, unknown> = {}) =>
    h(
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

  const renderReport = (report: ImportReport) => {
    reportBox.hidden = false;
    const problems = problemRows(report);
    clear(
      reportBox,
      h("h2", {}, t(report.dryRun ? "import.reportDry" : "import.reportApplied")),
      h(
        "p",
        { class: `report-message ${report.ok ? "ok" : "refused"}`, id: "import-message", "data-ok": String(report.ok) },
        report.message,
      ),
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
      table(
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
      ),
      report.counts.documentsCreated > 0 ? h("p", { class: "hint" }, t("import.documents", { n: report.counts.documentsCreated })) : null,
      h("h3", { id: "import-problems-title" }, t("import.problems", { n: report.problemsTotal ?? problems.length })),
      (report.problemsTotal ?? 0) > report.problems.length
        ? h("p", { class: "hint" }, t("import.problemsListed", { shown: report.problems.length }))
        : null,
      problems.length === 0
        ? h("p", { class: "muted" }, t("import.noProblems"))
        : table(
            { labelledBy: "import-problems-title" },
            [
              t("import.colSeverity"),
              t("import.colFile"),
              t("import.colSheet"),
              t("import.colRow"),
              t("import.colColumn"),
              t("import.colMessage"),
            ],
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
          ),
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
    );
  };

  const run = async (asDryRun: boolean) => {
    const chosen = [...files];
    const key = filesKey(chosen);
    busy = true;
    refreshControls();
    reportBox.hidden = false;
    clear(reportBox, loading(t(asDryRun ? "import.checking" : "import.writing")));
    try {
      const report = await context.api.importFiles(chosen, { dryRun: asDryRun, token });
      if (disposed) return;
      if (asDryRun || !report.ok) dryRun = { filesKey: key, ok: report.ok };
      else {
        appliedKey = key;
        void loadBatches();
      }
      renderReport(report);
    } catch (error) {
      if (disposed) return;
      if (asDryRun) dryRun = undefined;
      clear(reportBox, errorBox(describeError(error, t)));
    } finally {
      busy = false;
      if (!disposed) refreshControls();
    }
  };

  /** A 409 here means later imports touched the same records: say which, and what to do. */
  const revertFailure = (error: unknown): string => {
    if (!(error instanceof ApiError) || error.status !== 409) return describeError(error, t);
    const details = error.detail.fields?.map((f) => `${f.field} (${f.message})`).join("; ");
    return t("import.revertConflict", { details: details || error.message });
  };

  const revert = async (batch: ImportBatch, button: HTMLButtonElement) => {
    if (!window.confirm(t("import.revertConfirm", { id: batch.id, file: batch.fileName }))) return;
    button.disabled = true;
    clear(batchStatus);
    try {
      await context.api.revertImport(batch.id, token);
      if (disposed) return;
      clear(batchStatus, h("p", { class: "notice", role: "status" }, t("import.reverted", { id: batch.id })));
      // The data changed: whatever was checked or applied before must be checked again.
      dryRun = undefined;
      appliedKey = undefined;
      refreshControls();
      await loadBatches();
    } catch (error) {
      if (disposed) return;
      button.disabled = false;
      clear(batchStatus, errorBox(revertFailure(error)));
    }
  };

  const renderBatches = (batches: ImportBatch[]) => {
    if (batches.length === 0) {
      clear(batchesBox, h("p", { class: "muted" }, t("import.recentNone")));
      return;
    }
    clear(
      batchesBox,
      table(
        { labelledBy: "import-recent-title" },
        [
          t("import.colTime"),
          t("import.colBatch"),
          t("import.colUser"),
          t("import.colFile"),
          t("import.colChanges"),
          t("import.colStatus"),
          t("import.colAction"),
        ],
        batches.map((batch) => {
          const button = h(
            "button",
            { type: "button", class: "revert", "aria-label": t("import.revertLabel", { id: batch.id }) },
            t("import.revert"),
          );
          button.addEventListener("click", () => void revert(batch, button));
          return h(
            "tr",
            { "data-batch": batch.id, "data-status": batch.status },
            h("td", { class: "nowrap" }, formatTime(batch.at)),
            h("td", {}, h("code", {}, batch.id)),
            h("td", {}, batch.user),
            h("td", {}, batch.fileName),
            h(
              "td",
              {},
              t("import.batchCounts", {
                ec: batch.entitiesCreated,
                eu: batch.entitiesUpdated,
                rc: batch.relationsCreated,
                ru: batch.relationsUpdated,
              }),
            ),
            h(
              "td",
              {},
              t(`import.status.${batch.status}` as MessageKey),
              batch.revertedBy && batch.revertedAt
                ? h("span", { class: "hint" }, ` ${t("import.revertedBy", { user: batch.revertedBy, at: formatTime(batch.revertedAt) })}`)
                : null,
            ),
            h("td", { class: "nowrap" }, canRevert(batch) ? button : null),
          );
        }),
        { id: "import-batch-table" },
      ),
    );
  };

  const loadBatches = async () => {
    if (!batchesBox.hasChildNodes()) clear(batchesBox, loading(t("common.loading")));
    try {
      const answer = await context.api.importBatches(20);
      if (!disposed) renderBatches(answer.batches);
    } catch (error) {
      if (!disposed)
        clear(
          batchesBox,
          errorBox(describeError(error, t), () => void loadBatches(), t("common.retry")),
        );
    }
  };

  const section = (id: string, title: MessageKey, ...children: (Node | null)[]) =>
    h("section", { class: "import-section", "aria-labelledby": id }, h("h2", { id }, t(title)), children);

  clear(
    root,
    h(
      "div",
      { class: "import-page" },
      h("h1", { class: "view-title" }, t("import.title")),
      h("p", { class: "hint" }, t("import.intro")),
      section(
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
      ),
      // A form so the password field sits where browsers expect one; it never submits itself.
      h(
        "form",
        { class: "import-form", onsubmit: (event: Event) => event.preventDefault() },
        section(
          "import-token-title",
          "import.token",
          h("label", { class: "field", for: "import-token" }, h("span", {}, t("import.tokenLabel"))),
          h(
            "div",
            { class: "row" },
            tokenInput,
            h(
              "button",
              {
                type: "button",
                onclick: () => {
                  tokenInput.value = "";
                  token = "";
                  saveToken(sessionStore(), "");
                  tokenInput.focus();
                },
              },
              t("import.tokenClear"),
            ),
          ),
          h("p", { class: "hint", id: "import-token-hint" }, t("import.tokenHint")),
        ),
        section(
          "import-files-title",
          "import.files",
          h("label", { class: "field", for: "import-files" }, h("span", {}, t("import.filesLabel"))),
          fileInput,
          fileList,
          h("div", { class: "row" }, dryRunButton, applyButton),
          applyReason,
        ),
      ),
      reportBox,
      section(
        "import-recent-title",
        "import.recent",
        h(
          "div",
          { class: "row" },
          h("button", { type: "button", id: "import-refresh", onclick: () => void loadBatches() }, t("import.refresh")),
        ),
        batchStatus,
        batchesBox,
      ),
    ),
  );
  renderFiles();
  refreshControls();
  void loadBatches();

  return {
    update: () => {},
    destroy: () => {
      disposed = true;
    },
  };
}
