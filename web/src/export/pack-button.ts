import { describeError } from "../api/errors.ts";
import type { AppContext } from "../app/context.ts";
import { h } from "../ui/dom.ts";
import { saveBlob } from "./download.ts";
import { fileNameFromDisposition } from "./exporters.ts";

/**
 * 导出图表包: asks the server for the pack of the chain and region in the URL and shows where it
 * is — building (the server draws and zips everything first), then the download's share of the
 * bytes — in a live region, so a screen reader hears it too. The button is disabled meanwhile.
 */
export function packButton(context: AppContext): HTMLElement {
  const { t } = context;
  const progress = h("progress", { class: "pack-progress", max: "100", hidden: true });
  const status = h("span", { class: "pack-status", role: "status", "aria-live": "polite" });
  const button = h("button", { type: "button", class: "pack-button", "data-testid": "pack-button" }, t("pack.button"));

  const run = async () => {
    const { chain, region, enclaves, lang } = context.state;
    if (!chain || !region) {
      context.notify(t("pack.pick"), "info");
      return;
    }
    button.disabled = true;
    progress.hidden = false;
    progress.removeAttribute("value");
    status.textContent = t("pack.building");
    try {
      const response = await context.api.pack(chain, region, lang, enclaves);
      const total = Number(response.headers.get("content-length")) || 0;
      const chunks: Uint8Array[] = [];
      let received = 0;
      const reader = response.body?.getReader();
      while (reader) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        received += value.length;
        if (total) {
          progress.value = Math.round((100 * received) / total);
          status.textContent = t("pack.downloading", { percent: `${progress.value}%` });
        }
      }
      const blob = reader ? new Blob(chunks as BlobPart[], { type: "application/zip" }) : await response.blob();
      const file = fileNameFromDisposition(response.headers.get("content-disposition")) ?? "chain-pack.zip";
      saveBlob(blob, file);
      status.textContent = t("pack.done", { file });
    } catch (error) {
      status.textContent = "";
      context.notify(describeError(error, t));
    } finally {
      button.disabled = false;
      progress.hidden = true;
    }
  };
  button.addEventListener("click", () => void run());
  return h("span", { class: "pack-export" }, button, progress, status);
}
