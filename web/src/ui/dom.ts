import { describeError, retryable } from "../api/errors.ts";
import type { Translate } from "../i18n/i18n.ts";

/** A small element builder: `h("button", { class: "x", onclick }, "text")`. Strings become text nodes, never HTML. */
type Child = Node | string | number | null | undefined | false | Child[];
type Attrs = Record<string, unknown> & { class?: string; text?: string };

const PROPS = new Set(["value", "checked", "disabled", "selected", "hidden", "open", "indeterminate"]);

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") element.className = String(value);
    // Through the CSSOM, not the style attribute, which the app's CSP (style-src 'self') refuses.
    else if (key === "style") element.style.cssText = String(value);
    else if (key === "text") element.textContent = String(value);
    else if (key.startsWith("on") && typeof value === "function") element.addEventListener(key.slice(2), value as EventListener);
    else if (PROPS.has(key)) (element as unknown as Record<string, unknown>)[key] = value;
    else element.setAttribute(key, value === true ? "" : String(value));
  }
  append(element, children);
  return element;
}

function append(parent: Node, children: Child[]) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(element: Element, ...children: Child[]): void {
  element.replaceChildren();
  append(element, children);
}

/** A status line with role="status" while loading, role="alert" for errors (read out by screen readers). */
export function loading(text: string): HTMLElement {
  return h(
    "div",
    { class: "loading", role: "status", "aria-live": "polite" },
    h("span", { class: "spinner", "aria-hidden": "true" }),
    text,
  );
}

export function errorBox(text: string, retry?: () => void, retryLabel = "重试"): HTMLElement {
  return h(
    "div",
    { class: "error-box", role: "alert" },
    h("span", {}, text),
    retry ? h("button", { type: "button", onclick: retry }, retryLabel) : null,
  );
}

/**
 * A failed request in plain words, with 重试 only where retrying can help (network, server); a bad
 * link or input gets no button, since the same request would fail again — the message says what to do.
 */
export function failureBox(error: unknown, t: Translate, retry: () => void): HTMLElement {
  return errorBox(describeError(error, t), retryable(error) ? retry : undefined, t("common.retry"));
}

/** Formats yuan amounts the way Chinese reports do (亿元 / 万元), and plain numbers with separators. */
export function formatValue(key: string, value: unknown, lang: "zh" | "en"): string {
  if (typeof value === "number" && /yuan/i.test(key)) {
    if (lang === "zh")
      return value >= 1e8 ? `${+(value / 1e8).toFixed(2)} 亿元` : value >= 1e4 ? `${+(value / 1e4).toFixed(2)} 万元` : `${value} 元`;
    return value >= 1e9 ? `¥${+(value / 1e9).toFixed(2)} bn` : value >= 1e6 ? `¥${+(value / 1e6).toFixed(2)} m` : `¥${value}`;
  }
  if (typeof value === "number") return value.toLocaleString(lang === "zh" ? "zh-CN" : "en-GB");
  if (Array.isArray(value)) return value.map(String).join(lang === "zh" ? "、" : ", ");
  if (typeof value === "boolean") return value ? (lang === "zh" ? "是" : "yes") : lang === "zh" ? "否" : "no";
  return String(value ?? "");
}
