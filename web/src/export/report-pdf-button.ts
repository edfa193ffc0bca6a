import { describeError } from "../api/errors.ts";
import type { AppContext } from "../app/context.ts";
import { h } from "../ui/dom.ts";
import { saveBlob } from "./download.ts";
import { fileNameFromDisposition } from "./exporters.ts";

/**
 * 下载 PDF: the server's report (GET /api/chains/:id/report.pdf, the same file the 图表包 holds)
 * for the chain and region in the URL, saying in a live region that it is being built and then
 * which file was saved. The button is disabled meanwhile.
 */
export function reportPdfButton(context: AppContext): HTMLElement {
  const { t } = context;
  const status = h("span", { class: "pack-status", role: "status", "aria-live": "polite" });
  const button = h("button", { type: "button", class: "primary", id: "report-pdf" }, t("report.pdf"));
  const run = async () => {
    const { chain, region, enclaves, lang } = context.state;
    if (!chain || !region) return;
    button.disabled = true;
    status.textContent = t("report.pdfBuilding");
    try {
      const response = await context.api.reportPdf(chain, region, lang, enclaves);
      const file = fileNameFromDisposition(response.headers.get("content-disposition")) ?? "report.pdf";
      saveBlob(await response.blob(), file);
      status.textContent = t("report.pdfDone", { file });
    } catch (error) {
      status.textContent = "";
      context.notify(describeError(error, t));
    } finally {
      button.disabled = false;
    }
  };
  button.addEventListener("click", () => void run());
  return h("span", { class: "pack-export" }, button, status);
}
