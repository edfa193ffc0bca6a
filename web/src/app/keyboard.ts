/**
 * Keyboard rules the whole app shares (issue 15): the skip link moves focus without touching the
 * route, and Escape closes the innermost open thing — a menu, then the views menu, then the
 * details panel — and puts focus back where the user can carry on.
 */

/** A skip link that focuses `main` itself: following `#main` would replace the view state in the hash. */
export function skipLink(main: HTMLElement, label: string): HTMLAnchorElement {
  main.tabIndex = -1;
  const link = document.createElement("a");
  link.className = "skip-link";
  link.href = "#main";
  link.textContent = label;
  link.addEventListener("click", (event) => {
    event.preventDefault();
    main.focus();
  });
  return link;
}

/** Menus Escape closes: the export menu and any `<details data-menu>`. */
const MENU = "details[open].export-menu, details[open][data-menu]";

/** Closes one thing per Escape press; `closeNav` answers whether the views menu was open. */
export function closeOnEscape(root: HTMLElement, closeNav: () => boolean): void {
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || event.defaultPrevented) return;
    const menus = [...root.querySelectorAll<HTMLDetailsElement>(MENU)];
    const active = document.activeElement;
    const menu = menus.find((m) => m.contains(active)) ?? menus[0];
    if (menu) {
      menu.open = false;
      menu.querySelector<HTMLElement>("summary")?.focus();
    } else if (closeNav()) {
      // closeNav put focus back on its toggle.
    } else {
      const close = root.querySelector<HTMLButtonElement>(".drawer.open .close");
      if (!close) return;
      // Focus on a list (findings, nodes) stays there; focus inside the closing panel would be lost.
      const lost = !active || active === document.body || Boolean(close.closest(".drawer")?.contains(active));
      close.click();
      if (lost) root.querySelector<HTMLElement>("#main")?.focus();
    }
    event.preventDefault();
  });
}

/** Attributes that name the same control across redraws, most specific first. */
const FOCUS_KEYS = ["id", "data-finding", "data-node-id", "data-cell", "data-stage", "data-format", "data-view"];

function focusKey(element: Element): string | undefined {
  for (const attribute of FOCUS_KEYS) {
    const value = element.getAttribute(attribute);
    if (value) return `${element.tagName.toLowerCase()}[${attribute}="${CSS.escape(value)}"]`;
  }
  return undefined;
}

/**
 * Views redraw their lists when the URL changes, replacing the control that had focus (Enter on a
 * finding selects it and redraws the list). When the focused element leaves the page and nothing
 * else took focus, focus goes to its replacement — the control with the same id or data key — so a
 * keyboard user stays where they were instead of starting again at the top.
 */
export function keepFocusAcrossRedraws(root: HTMLElement): void {
  let last: Element | undefined;
  let key: string | undefined;
  root.addEventListener("focusin", (event) => {
    last = event.target as Element;
    key = focusKey(last);
  });
  new MutationObserver(() => {
    if (!last || last.isConnected || !key) return;
    const active = document.activeElement;
    if (active && active !== document.body) return;
    const replacement = root.querySelector<HTMLElement>(key);
    if (replacement) replacement.focus();
  }).observe(root, { childList: true, subtree: true });
}
