import axe from "axe-core";
import type { Page } from "playwright-core";

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core (WCAG 2 A/AA and best practices) in the page as it stands and returns the
 * violations of critical or serious impact, each with the elements it names, so a failing test
 * says what to fix. `scope` (a selector, e.g. "main") audits only that part of the page.
 */
export async function seriousViolations(page: Page, scope?: string): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, which the app's CSP (script-src 'self') does not govern;
  // a script tag would be refused, and loosening the CSP for the test would test another app.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axe.source);
  const violations = await page.evaluate(async (selector) => {
    const run = (window as unknown as { axe: typeof axe }).axe.run;
    const result = await run((selector && document.querySelector(selector)) || document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(" ")),
    }));
  }, scope);
  return violations.filter((v) => v.impact === "critical" || v.impact === "serious");
}
