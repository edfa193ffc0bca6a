import type { Page } from "playwright-core";

/** A phone held upright (iPhone 12–15 size), touch and mobile viewport on. */
export const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };
/** The smallest height a button or a picker may have to be tapped reliably (Apple's 44 pt, WCAG 2.5.8's 24 px). */
export const MIN_TOUCH_PX = 40;

export interface PhoneChecks {
  /** Controls that must lie inside the viewport's width (every match of each selector, when shown). */
  inside?: string[];
  /** Buttons and pickers: inside the width and at least MIN_TOUCH_PX tall. */
  tappable?: string[];
  /** Labels whose text must not be cut off (scrollWidth ≤ clientWidth). */
  unclipped?: string[];
}

/**
 * What a phone user needs of a view, measured in the page: no sideways scrolling, the controls
 * inside the screen, buttons big enough to tap, labels whole. Returns the problems, each in a
 * sentence naming the element, so a failing assertion says what broke; [] when the view fits.
 */
export function phoneProblems(page: Page, checks: PhoneChecks): Promise<string[]> {
  return page.evaluate(
    ({ inside = [], tappable = [], unclipped = [], minTouch }) => {
      const problems: string[] = [];
      const width = window.innerWidth;
      const overflow = document.documentElement.scrollWidth - width;
      if (overflow > 0) problems.push(`the page scrolls sideways by ${overflow} px`);
      const shown = (selector: string) => {
        const all = [...document.querySelectorAll<HTMLElement>(selector)].filter((el) => el.getClientRects().length > 0);
        if (all.length === 0) problems.push(`${selector}: not on the page`);
        return all;
      };
      const named = (el: HTMLElement, selector: string) =>
        `${selector} "${(el.textContent || (el as HTMLInputElement).value || "").trim().slice(0, 40)}"`;
      for (const selector of [...inside, ...tappable]) {
        for (const el of shown(selector)) {
          const box = el.getBoundingClientRect();
          if (box.left < -0.5 || box.right > width + 0.5)
            problems.push(`${named(el, selector)} reaches outside the screen (${Math.round(box.left)}–${Math.round(box.right)} px)`);
        }
      }
      for (const selector of tappable) {
        for (const el of shown(selector)) {
          const height = el.getBoundingClientRect().height;
          if (height < minTouch - 0.5) problems.push(`${named(el, selector)} is ${Math.round(height)} px tall, too small to tap`);
        }
      }
      for (const selector of unclipped) {
        for (const el of shown(selector)) {
          if (el.scrollWidth > el.clientWidth + 1)
            problems.push(`${named(el, selector)} is cut off (${el.scrollWidth} > ${el.clientWidth} px)`);
        }
      }
      return [...new Set(problems)];
    },
    { ...checks, minTouch: MIN_TOUCH_PX },
  );
}
