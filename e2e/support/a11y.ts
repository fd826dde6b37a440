// Accessibility checks in a real Chromium: axe-core (injected through the DevTools protocol, so
// the app's Content-Security-Policy does not block it) and a recorder of what live regions say.
import fs from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { structureProblems } from "./structure.ts";

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** WCAG 2.0/2.1 A and AA: the level the product commits to. */
const WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

interface AxeNode {
  target: string[];
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}

/**
 * The serious and critical WCAG 2.1 AA violations on the page as it stands, one readable line per
 * rule and element (so a failing `expect(...).toEqual([])` says what and where). `within`: a
 * selector to check only part of the page.
 */
export async function seriousViolations(page: Page, within?: string): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(
    async ({ tags, within }) => {
      const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: unknown[] }> } }).axe;
      const result = await axe.run(within ?? document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
      return result.violations;
    },
    { tags: WCAG_AA, within },
  );
  return (violations as AxeViolation[])
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(" ")} — ${(n.failureSummary ?? v.help).replace(/\s+/g, " ")}`));
}

/**
 * Records, from now on, every text a live region takes (role status/alert/log or aria-live other
 * than off), with the time: what a screen reader would announce. Read with announcements().
 */
export async function recordAnnouncements(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __announced?: { at: number; text: string }[]; __announcer?: MutationObserver };
    w.__announcer?.disconnect();
    w.__announced = [];
    const live = '[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"], [role="log"]';
    const last = new WeakMap<Element, string>();
    const observer = new MutationObserver((mutations) => {
      const regions = new Set<Element>();
      for (const m of mutations) {
        const node = m.target instanceof Element ? m.target : m.target.parentElement;
        const region = node?.closest(live);
        if (region) regions.add(region);
      }
      for (const region of regions) {
        const text = (region.textContent ?? "").replace(/\s+/g, " ").trim();
        if (text !== "" && text !== last.get(region)) w.__announced!.push({ at: Date.now(), text });
        last.set(region, text);
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    w.__announcer = observer;
  });
}

/** What live regions said since recordAnnouncements(). */
export async function announcements(page: Page): Promise<{ at: number; text: string }[]> {
  return page.evaluate(() => (window as unknown as { __announced?: { at: number; text: string }[] }).__announced ?? []);
}

/**
 * Checks the screen as it stands (soft: every screen of a test reports): no serious or critical
 * WCAG 2.1 AA violation and no structure problem (structure.ts). `screen` names it in a failure.
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  expect.soft(await seriousViolations(page), screen).toEqual([]);
  expect.soft(await structureProblems(page), screen).toEqual([]);
}
