// What axe's WCAG rules leave out but a screen reader's user relies on: the page's landmarks and
// ARIA references. One readable line per problem (assert `toEqual([])`).
import type { Page } from "playwright-core";

/**
 * Problems with the page's structure as it stands: no `<main>` (or more than one shown), an
 * `<aside>` without a name, an aria-labelledby / aria-describedby / aria-controls naming an id
 * that is not in the document, a tab list that is not a working set of tabs (each tab selected or
 * not, controlling a tab panel that exists, one tab in the Tab order), a control whose name leaves
 * out its visible label.
 */
export async function structureProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const shown = (el: Element) => el.checkVisibility();
    const describe = (el: Element) => {
      const id = el.getAttribute("data-testid") ?? el.id;
      return `${el.tagName.toLowerCase()}${id ? `[${id}]` : ""}${el.className && typeof el.className === "string" ? `.${el.className.trim().split(/\s+/).join(".")}` : ""}`;
    };
    const mains = [...document.querySelectorAll('main, [role="main"]')].filter(shown);
    if (mains.length !== 1) problems.push(`${mains.length} <main> shown (expected 1)`);
    for (const aside of document.querySelectorAll('aside, [role="complementary"]')) {
      if (!shown(aside)) continue;
      const labelled = (aside.getAttribute("aria-labelledby") ?? "").split(/\s+/).some((id) => (document.getElementById(id)?.textContent ?? "").trim() !== "");
      if (!labelled && (aside.getAttribute("aria-label") ?? "").trim() === "") problems.push(`${describe(aside)} has no name`);
    }
    for (const attribute of ["aria-labelledby", "aria-describedby", "aria-controls"]) {
      for (const el of document.querySelectorAll(`[${attribute}]`)) {
        // As axe: a collapsed disclosure or an unselected tab may control what is not rendered yet.
        if (attribute === "aria-controls" && (el.getAttribute("aria-expanded") === "false" || el.getAttribute("aria-selected") === "false")) continue;
        for (const id of (el.getAttribute(attribute) ?? "").split(/\s+/).filter(Boolean))
          if (!document.getElementById(id)) problems.push(`${describe(el)} ${attribute}="${id}": no element has that id`);
      }
    }
    for (const list of document.querySelectorAll('[role="tablist"]')) {
      if (!shown(list)) continue;
      if (list.tagName === "NAV") problems.push(`${describe(list)}: a <nav> made a tab list`);
      const tabs = [...list.querySelectorAll('[role="tab"]')];
      if (tabs.length === 0) problems.push(`${describe(list)}: a tab list without tabs`);
      for (const tab of tabs) {
        if (!["true", "false"].includes(tab.getAttribute("aria-selected") ?? "")) problems.push(`${describe(tab)}: a tab without aria-selected`);
        const panel = document.getElementById(tab.getAttribute("aria-controls") ?? "");
        if (tab.getAttribute("aria-selected") === "true" && panel?.getAttribute("role") !== "tabpanel")
          problems.push(`${describe(tab)}: the selected tab controls no tab panel`);
      }
      const reachable = tabs.filter((tab) => (tab as HTMLElement).tabIndex >= 0);
      if (tabs.length > 0 && reachable.length !== 1)
        problems.push(`${describe(list)}: ${reachable.length} tabs in the Tab order (expected 1, the selected one)`);
    }
    // Label in name (WCAG 2.5.3): a control named by aria-label or aria-labelledby keeps its visible
    // words in that name, so that saying what one sees (voice control) reaches it. Symbols and
    // digits alone (×, +1) are not labels of words.
    const words = (text: string) => text.replace(/\s+/g, " ").trim().toLowerCase();
    for (const control of document.querySelectorAll('button, a[href], [role="button"], [role="link"], [role="tab"], [role="menuitem"]')) {
      if (!shown(control)) continue;
      const visible = words((control as HTMLElement).innerText ?? "");
      if (!/\p{L}/u.test(visible)) continue;
      const labelledBy = (control.getAttribute("aria-labelledby") ?? "").split(/\s+/).filter(Boolean);
      const name =
        labelledBy.length > 0 ? labelledBy.map((id) => document.getElementById(id)?.textContent ?? "").join(" ") : control.getAttribute("aria-label");
      if (name === null || words(name) === "") continue;
      if (!words(name).includes(visible)) problems.push(`${describe(control)}: named "${words(name)}", which leaves out its visible label "${visible}"`);
    }
    return problems;
  });
}
