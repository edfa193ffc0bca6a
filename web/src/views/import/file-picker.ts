import type { Translate } from "../../i18n/i18n.ts";
import { applyReadiness, filesKey } from "../../imports/import-rules.ts";
import { clear, h } from "../../ui/dom.ts";
import { section } from "./layout.ts";
import type { ImportState } from "./state.ts";

export interface FilePicker {
  element: HTMLElement;
  /** Enables Dry run and Apply as the state allows, and says why Apply is closed. */
  refresh(): void;
}

/** The files to import, the Dry run and Apply buttons, and why Apply is closed when it is. */
export function filePicker(state: ImportState, t: Translate, actions: { dryRun(): void; apply(): void }): FilePicker {
  const fileList = h("ul", { class: "file-list", id: "import-file-list" });
  const dryRunButton = h("button", { type: "button", id: "import-dry-run", class: "primary", onclick: actions.dryRun }, t("import.dryRun"));
  const applyButton = h(
    "button",
    { type: "button", id: "import-apply", "aria-describedby": "import-apply-reason", onclick: actions.apply },
    t("import.apply"),
  );
  const applyReason = h("p", { class: "hint", id: "import-apply-reason", "aria-live": "polite" });

  const refresh = () => {
    const readiness = applyReadiness({
      filesKey: filesKey(state.files),
      busy: state.busy,
      dryRun: state.dryRun,
      appliedKey: state.appliedKey,
    });
    applyButton.disabled = !readiness.enabled;
    applyButton.classList.toggle("primary", readiness.enabled);
    dryRunButton.disabled = state.busy || state.files.length === 0;
    applyReason.textContent = t(readiness.reason);
    applyReason.dataset.reason = readiness.reason;
  };

  const renderFiles = () => {
    clear(
      fileList,
      state.files.length === 0
        ? h("li", { class: "muted" }, t("import.filesNone"))
        : state.files.map((file) => h("li", {}, file.name, h("span", { class: "hint" }, ` ${(file.size / 1024).toFixed(1)} KB`))),
    );
  };

  const fileInput = h("input", {
    type: "file",
    id: "import-files",
    multiple: true,
    accept: ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    onchange: () => {
      state.files = [...(fileInput.files ?? [])];
      renderFiles();
      refresh();
    },
  });

  renderFiles();
  refresh();
  return {
    element: section(
      t,
      "import-files-title",
      "import.files",
      h("label", { class: "field", for: "import-files" }, h("span", {}, t("import.filesLabel"))),
      fileInput,
      fileList,
      h("div", { class: "row" }, dryRunButton, applyButton),
      applyReason,
    ),
    refresh,
  };
}
