import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, TEST_TOKENS, testSecurity } from "../helpers/auth.ts";
import { seriousViolations } from "../helpers/axe.ts";
import { useBrowserApp, withDemoOutsideFirms } from "../helpers/browser-app.ts";
import { gapWithCandidate } from "../helpers/gap-candidate.ts";
import { testGraph } from "../helpers/graph.ts";
import { scaledTimeout } from "../helpers/load-timeouts.ts";
import { PHONE, type PhoneChecks, phoneProblems } from "../helpers/phone-fit.ts";

/**
 * The scenario pieces on a phone (390×844, touch), in Chinese and in English (longer labels): the
 * targets view's scenario picker and its 加入远景方案 buttons, the scenario editor with each of its
 * five kinds of change, the saved scenario with its share link, and the resilience view under the
 * scenario. In each: no sideways scrolling, controls inside the screen, buttons and pickers tall
 * enough to tap, labels not cut off; and the view's main action works by tapping. Screenshots
 * land in test-artifacts/e2e/phone-*.png.
 */
const ARTIFACTS = path.resolve("test-artifacts/e2e");
const CHAIN = "chain:beauty-health";
const REGION = "region:lianzhou";
const app = useBrowserApp({ config: { security: testSecurity() }, artifacts: ARTIFACTS, ...withDemoOutsideFirms(testGraph()) });
let gap = { segment: "", firm: "" };
let scenarioId = "";
const saved: string[] = [];

beforeAll(async () => {
  gap = await gapWithCandidate(app.served.app, CHAIN, REGION);
  const created = await app.served.app.inject({
    method: "POST",
    url: "/api/scenarios",
    headers: bearer("editor"),
    payload: {
      name: "引进首选候选企业（手机）",
      chain: CHAIN,
      region: REGION,
      changes: [{ kind: "add-firm", firm: gap.firm, segment: gap.segment }],
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  scenarioId = created.json().id;
  saved.push(scenarioId);
}, 600_000);

// Runs before the app is closed (after-hooks run last-registered first).
afterAll(async () => {
  for (const id of saved) await app.served.app.inject({ method: "DELETE", url: `/api/scenarios/${id}`, headers: bearer("editor") });
});

async function expectFits(page: Page, where: string, checks: PhoneChecks) {
  expect(await phoneProblems(page, checks), `${where} at 390 px`).toEqual([]);
}

/** What a phone shows with `part` scrolled to the top of the screen (the page scrolls inside .app-main). */
async function shot(page: Page, name: string, part: string) {
  await page
    .locator(part)
    .first()
    .evaluate((el) => el.scrollIntoView({ block: "start" }));
  await page.screenshot({ path: path.join(ARTIFACTS, `phone-${name}.png`) });
}

const TARGETS_CHECKS: PhoneChecks = {
  tappable: ["#targets-scenario", ".recruit-button", ".target-button"],
  inside: [".targets-scenario", ".target", ".route-holder"],
  unclipped: ['label[for="targets-scenario"] > span', ".recruit-button", ".target-name"],
};
const EDITOR_CHECKS: PhoneChecks = {
  tappable: ["#scenario-name", "#import-token", "#scenario-kind", "#scenario-add-change", "#scenario-save", ".scenario-editor .row button"],
  inside: [".scenario-add", ".scenario-changes li"],
  unclipped: [".scenario-editor .field > span", ".scenario-add legend", "#scenario-add-change", "#scenario-save"],
};
/** The editor with changes listed: each one removable by tapping. */
const WITH_CHANGES: PhoneChecks = {
  ...EDITOR_CHECKS,
  tappable: [...(EDITOR_CHECKS.tappable ?? []), ".remove-change"],
  unclipped: [...(EDITOR_CHECKS.unclipped ?? []), ".remove-change"],
};
/** Each kind of change and the fields the editor shows for it. */
const KIND_FIELDS: Record<string, string[]> = {
  "add-firm": ["#scenario-firm-name", "#scenario-segment", "#scenario-above-scale"],
  "promote-project": ["#scenario-project-query", ".scenario-fields button", "#scenario-project"],
  "add-tie": ["#scenario-tie-from", "#scenario-tie-to"],
  "remove-firm": ["#scenario-firm"],
  "remove-leader": ["#scenario-firm"],
};

describe.each([
  { lang: "zh", suffix: "" },
  { lang: "en", suffix: "&lang=en" },
])("on a phone, $lang", ({ lang, suffix }) => {
  it("the targets view: the scenario picker changes the ranking, and 加入远景方案 opens the editor", async () => {
    const page = await app.open(`#/targets?chain=${CHAIN}&region=${REGION}&segment=${gap.segment}${suffix}`, PHONE);
    const candidate = page.locator(`.target[data-id="${gap.firm}"]`);
    await candidate.waitFor({ timeout: scaledTimeout(60_000) });
    await page.locator(`#targets-scenario option[value="${scenarioId}"]`).waitFor({ state: "attached", timeout: scaledTimeout(30_000) });
    await expectFits(page, "targets", TARGETS_CHECKS);
    await shot(page, `targets-${lang}`, ".target");

    // Under the scenario the firm it recruits is local, so it is no longer offered for its segment.
    await page.locator("#targets-scenario").tap();
    await page.selectOption("#targets-scenario", scenarioId);
    await page.locator(".targets-scenario .scenario-notice").waitFor({ timeout: scaledTimeout(60_000) });
    await expect.poll(() => page.locator(".targets-list .target, .targets-list p.muted").count()).toBeGreaterThan(0);
    expect(await candidate.count(), "the recruited firm is not offered under the scenario").toBe(0);
    await expectFits(page, "targets under a scenario", { ...TARGETS_CHECKS, unclipped: [".targets-scenario .scenario-notice"] });
    await shot(page, `targets-scenario-${lang}`, ".targets-scenario");

    await page.selectOption("#targets-scenario", "");
    await candidate.waitFor({ timeout: scaledTimeout(60_000) });
    const name = (await candidate.locator(".target-name").textContent()) ?? "";
    await candidate.locator(".recruit-button").tap();
    await page.locator("#scenario-name").waitFor({ timeout: scaledTimeout(60_000) });
    expect(await page.locator(".scenario-changes li[data-kind]").textContent()).toContain(name);
    await expectFits(page, "the editor opened from a candidate", WITH_CHANGES);
  });

  it("the scenario editor: every kind of change fits, a change is added by tapping, saved and shared", async () => {
    const page = await app.open(`#/scenario?chain=${CHAIN}&region=${REGION}${suffix}`, PHONE);
    await page.locator("#scenario-new").waitFor({ timeout: scaledTimeout(60_000) });
    await expectFits(page, "the scenario list", { tappable: ["#scenario-new"], unclipped: ["#scenario-new"] });
    await page.locator("#scenario-new").tap();
    await page.locator("#scenario-name").waitFor({ timeout: scaledTimeout(60_000) });

    for (const [kind, fields] of Object.entries(KIND_FIELDS)) {
      await page.selectOption("#scenario-kind", kind);
      await expectFits(page, `the editor, ${kind}`, { ...EDITOR_CHECKS, inside: [...(EDITOR_CHECKS.inside ?? []), ...fields] });
      if (kind === "add-tie" || kind === "promote-project") await shot(page, `editor-${kind}-${lang}`, ".scenario-add");
    }

    // A firm leaving, chosen and added by tapping: the change is listed.
    await page.selectOption("#scenario-kind", "remove-firm");
    const firms = await page.locator("#scenario-firm option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    await page.selectOption("#scenario-firm", firms[1]!);
    await page.locator("#scenario-add-change").tap();
    const changes = page.locator(".scenario-changes li[data-kind]");
    await expect.poll(() => changes.count()).toBe(1);
    expect(await changes.first().getAttribute("data-kind")).toBe("remove-firm");
    await expectFits(page, "the editor with a change", WITH_CHANGES);
    await shot(page, `editor-change-${lang}`, "#scenario-changes-title");

    await page.locator("#scenario-name").fill(lang === "en" ? "A firm leaves (phone)" : "一家企业迁出（手机）");
    await page.locator("#import-token").fill(TEST_TOKENS.editor);
    await page.locator("#scenario-save").tap();
    await page.locator(".scenario-column.vision").waitFor({ timeout: scaledTimeout(60_000) });
    const id = /scenario=(scenario-[a-z0-9-]+)/.exec(page.url())?.[1];
    expect(id, "the saved scenario is in the URL").toBeTruthy();
    saved.push(id!);
    expect(await page.locator("#scenario-share").inputValue()).toContain(`scenario=${id}`);
    await expectFits(page, "the saved scenario", {
      tappable: ["#scenario-edit", ".scenario-share button"],
      inside: ["#scenario-share", ".scenario-column", ".scenario-graph"],
      unclipped: [".scenario-share .field > span", ".scenario-column h2", ".scenario-share button", "#scenario-edit"],
    });
    const share = await page.locator("#scenario-share").boundingBox();
    expect(share?.width, "the share link takes the screen's width").toBeGreaterThan(300);
    await shot(page, `scenario-saved-${lang}`, ".scenario-main");
    await shot(page, `scenario-columns-${lang}`, ".scenario-columns");
  });

  it("the resilience view under a scenario: named, and the table fits the screen", async () => {
    const page = await app.open(`#/scenario?chain=${CHAIN}&region=${REGION}&scenario=${scenarioId}${suffix}`, PHONE);
    const link = page.locator(`.scenario-body a[href*="#/resilience"][href*="scenario=${scenarioId}"]`);
    await link.waitFor({ timeout: scaledTimeout(60_000) });
    await expectFits(page, "the scenario's link to resilience", { tappable: [".scenario-body .row a"] });
    await link.tap();
    await page.locator(".scenario-notice").waitFor({ timeout: scaledTimeout(60_000) });
    expect(await page.locator(".scenario-notice").textContent()).toContain("引进首选候选企业（手机）");
    await page
      .locator(".resilience-table tbody tr")
      .first()
      .waitFor({ timeout: scaledTimeout(60_000) });
    await expectFits(page, "resilience under a scenario", {
      inside: [".scenario-notice", ".resilience-table", ".resilience-table tbody tr"],
      unclipped: [".scenario-notice", ".resilience-table tbody th", ".resilience-table td"],
    });
    await shot(page, `resilience-scenario-${lang}`, ".scenario-notice");
    expect(await seriousViolations(page, "main"), "the firms as cards keep the table accessible").toEqual([]);
  });
});
