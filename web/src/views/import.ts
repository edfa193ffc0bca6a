import { describeError } from "../api/errors.ts";
import type { AppContext, ViewInstance } from "../app/context.ts";
import { filesKey } from "../imports/import-rules.ts";
import { clear, errorBox, h, loading } from "../ui/dom.ts";
import { batchList } from "./import/batch-list.ts";
import { dryRunReport } from "./import/dry-run-report.ts";
import { filePicker } from "./import/file-picker.ts";
import { createImportState, forgetChecks } from "./import/state.ts";
import { templateLinks } from "./import/template-links.ts";
import { tokenBox } from "./import/token-box.ts";

/**
 * Import: templates to download, the editor token, files → dry run → apply, and the recent
 * imports with revert. The state lives in ./import/state.ts; each part of the page is a component
 * in ./import/; this file wires them and runs a dry run or an apply.
 */
export function importView(root: HTMLElement, context: AppContext): ViewInstance {
  const { t } = context;
  const state = createImportState();
  const reportBox = h("section", { class: "import-section import-report", id: "import-report", "aria-live": "polite", hidden: true });
  const files = filePicker(state, t, { dryRun: () => void run(true), apply: () => void run(false) });
  const batches = batchList(state, context, () => {
    forgetChecks(state);
    files.refresh();
  });

  const run = async (asDryRun: boolean) => {
    const chosen = [...state.files];
    const key = filesKey(chosen);
    state.busy = true;
    files.refresh();
    reportBox.hidden = false;
    clear(reportBox, loading(t(asDryRun ? "import.checking" : "import.writing")));
    try {
      const report = await context.api.importFiles(chosen, { dryRun: asDryRun, token: state.token });
      if (state.disposed) return;
      if (asDryRun || !report.ok) state.dryRun = { filesKey: key, ok: report.ok };
      else {
        state.appliedKey = key;
        void batches.load();
      }
      clear(reportBox, dryRunReport(report, t));
    } catch (error) {
      if (state.disposed) return;
      if (asDryRun) state.dryRun = undefined;
      clear(reportBox, errorBox(describeError(error, t)));
    } finally {
      state.busy = false;
      if (!state.disposed) files.refresh();
    }
  };

  clear(
    root,
    h(
      "div",
      { class: "import-page" },
      h("h1", { class: "view-title" }, t("import.title")),
      h("p", { class: "hint" }, t("import.intro")),
      templateLinks(t),
      // A form so the password field sits where browsers expect one; it never submits itself.
      h("form", { class: "import-form", onsubmit: (event: Event) => event.preventDefault() }, tokenBox(state, t), files.element),
      reportBox,
      batches.element,
    ),
  );
  void batches.load();

  return {
    update: () => {},
    destroy: () => {
      state.disposed = true;
    },
  };
}
