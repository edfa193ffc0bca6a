import { describeError } from "../api/errors.ts";
import type { AppContext } from "../app/context.ts";
import { pictureCaption } from "../export/caption.ts";
import { saveBlob } from "../export/download.ts";
import {
  EXPORT_FORMATS,
  type ExportFormat,
  exportFileName,
  exportRequest,
  fileNameFromDisposition,
  gapStatuses,
} from "../export/exporters.ts";
import { framePng, frameSvg } from "../export/frame.ts";
import type { GraphView } from "../graph/graph-view.ts";
import { h } from "./dom.ts";

/**
 * The export buttons for a graph view: images drawn here, data files from the API for the
 * selection (or, with nothing selected, everything visible), and optionally the printable report.
 */
export function exportMenu(
  context: AppContext,
  graph: () => GraphView | undefined,
  name: () => (string | undefined)[],
  report?: () => void,
): HTMLElement {
  const { t } = context;
  const run = async (format: ExportFormat, ext: string) => {
    const view = graph();
    if (!view || view.count() === 0) {
      context.notify(t("export.empty"), "info");
      return;
    }
    try {
      // Pictures go to slides: each carries its title, legend, date and source line.
      const caption = () => pictureCaption(view.allData(), name().filter(Boolean).join(" · ") || t("app.title"), t);
      if (format === "png") {
        saveBlob(await framePng(await view.png({ scale: 3 }), caption(), 3), exportFileName(name(), "png"));
      } else if (format === "svg") {
        saveBlob(new Blob([frameSvg(view.svg(), caption())], { type: "image/svg+xml;charset=utf-8" }), exportFileName(name(), "svg"));
      } else {
        const scope = view.exportScope();
        if (scope.nodeIds.length === 0) {
          context.notify(t("export.empty"), "info");
          return;
        }
        const shown = view.allData();
        const gaps = gapStatuses([...shown.nodes, ...shown.edges]);
        const file = await context.api.exportFile(exportRequest(format, scope, { gaps, lang: context.lang }));
        // The server's name is generic; ours says which region, chain and day. Its extension wins.
        const served = fileNameFromDisposition(file.disposition)?.split(".").pop();
        const table = format === "csv-edges" ? "edges" : format === "csv-nodes" ? "nodes" : undefined;
        saveBlob(file.blob, exportFileName([...name(), table], served ?? ext));
      }
    } catch (error) {
      context.notify(describeError(error, t));
    }
  };
  const hint = h("p", { class: "hint" });
  return h(
    "details",
    {
      class: "export-menu",
      ontoggle: () => {
        hint.textContent = t("export.scope", { n: graph()?.selectedNodeIds().length ?? 0 });
      },
    },
    h("summary", { class: "button" }, t("export.title")),
    h(
      "div",
      { class: "export-list", role: "group", "aria-label": t("export.title") },
      EXPORT_FORMATS.map((entry) =>
        h(
          "button",
          {
            type: "button",
            "data-format": entry.format,
            onclick: (event: Event) => {
              (event.currentTarget as HTMLElement).closest("details")?.removeAttribute("open");
              void run(entry.format, entry.ext);
            },
          },
          t(entry.label),
        ),
      ),
      report ? h("button", { type: "button", "data-format": "report", onclick: report }, t("export.report")) : null,
      hint,
    ),
  );
}
