import type { ImportBatch } from "../../../../model/api/imports.ts";
import { ApiError, describeError } from "../../api/errors.ts";
import type { AppContext } from "../../app/context.ts";
import type { MessageKey } from "../../i18n/messages.ts";
import { canRevert, formatTime } from "../../imports/import-rules.ts";
import { clear, errorBox, h, loading } from "../../ui/dom.ts";
import { dataTable, section } from "./layout.ts";
import type { ImportState } from "./state.ts";

export interface BatchList {
  element: HTMLElement;
  /** Reads the recent imports again (after an apply, or on Refresh). */
  load(): Promise<void>;
}

/** The recent imports, newest first, each with Revert while it can still be taken back. */
export function batchList(state: ImportState, context: AppContext, onReverted: () => void): BatchList {
  const { t } = context;
  const status = h("div", { class: "batch-status", id: "import-batch-status", "aria-live": "polite" });
  const box = h("div", { id: "import-batches" });

  /** A 409 here means later imports touched the same records: say which, and what to do. */
  const revertFailure = (error: unknown): string => {
    if (!(error instanceof ApiError) || error.status !== 409) return describeError(error, t);
    const details = error.detail.fields?.map((f) => `${f.field} (${f.message})`).join("; ");
    return t("import.revertConflict", { details: details || error.message });
  };

  const revert = async (batch: ImportBatch, button: HTMLButtonElement) => {
    if (!window.confirm(t("import.revertConfirm", { id: batch.id, file: batch.fileName }))) return;
    button.disabled = true;
    clear(status);
    try {
      await context.api.revertImport(batch.id, state.token);
      if (state.disposed) return;
      clear(status, h("p", { class: "notice", role: "status" }, t("import.reverted", { id: batch.id })));
      onReverted();
      await load();
    } catch (error) {
      if (state.disposed) return;
      button.disabled = false;
      clear(status, errorBox(revertFailure(error)));
    }
  };

  const row = (batch: ImportBatch) => {
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
  };

  const render = (batches: ImportBatch[]) => {
    if (batches.length === 0) {
      clear(box, h("p", { class: "muted" }, t("import.recentNone")));
      return;
    }
    const head = [
      t("import.colTime"),
      t("import.colBatch"),
      t("import.colUser"),
      t("import.colFile"),
      t("import.colChanges"),
      t("import.colStatus"),
      t("import.colAction"),
    ];
    clear(box, dataTable({ labelledBy: "import-recent-title" }, head, batches.map(row), { id: "import-batch-table" }));
  };

  const load = async () => {
    if (!box.hasChildNodes()) clear(box, loading(t("common.loading")));
    try {
      const answer = await context.api.importBatches(20);
      if (!state.disposed) render(answer.batches);
    } catch (error) {
      if (!state.disposed)
        clear(
          box,
          errorBox(describeError(error, t), () => void load(), t("common.retry")),
        );
    }
  };

  const element = section(
    t,
    "import-recent-title",
    "import.recent",
    h("div", { class: "row" }, h("button", { type: "button", id: "import-refresh", onclick: () => void load() }, t("import.refresh"))),
    status,
    box,
  );
  return { element, load };
}
