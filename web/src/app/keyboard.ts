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
