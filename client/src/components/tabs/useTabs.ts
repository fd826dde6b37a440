// A set of tabs as the ARIA pattern has them: a tab list whose tabs say which is selected and
// which panel each controls, only the selected tab in the Tab order (the arrow keys, Home and End
// move between the tabs and select the one reached), and panels named by their tab.
import type { HTMLAttributes, KeyboardEvent } from "react";

/** The next tab for a key of the tab list (wrapping around), or null for any other key. */
export function tabForKey<T>(tabs: readonly T[], current: T, key: string): T | null {
  const at = tabs.indexOf(current);
  if (tabs.length === 0) return null;
  if (key === "ArrowRight" || key === "ArrowDown") return tabs[(at + 1) % tabs.length]!;
  if (key === "ArrowLeft" || key === "ArrowUp") return tabs[(at - 1 + tabs.length) % tabs.length]!;
  if (key === "Home") return tabs[0]!;
  if (key === "End") return tabs[tabs.length - 1]!;
  return null;
}

/**
 * Props for a tab list, its tabs and their panels. `idBase` must be unique on the page; the tabs'
 * ids are `${idBase}-tab-${tab}`, the panels' `${idBase}-panel-${tab}`.
 */
export function useTabs<T extends string>(idBase: string, tabs: readonly T[], selected: T, select: (tab: T) => void) {
  const tabId = (tab: T) => `${idBase}-tab-${tab}`;
  const panelId = (tab: T) => `${idBase}-panel-${tab}`;
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const next = tabForKey(tabs, selected, event.key);
    if (next === null) return;
    event.preventDefault();
    select(next);
    document.getElementById(tabId(next))?.focus();
  };
  return {
    list: { role: "tablist", onKeyDown } satisfies HTMLAttributes<HTMLElement>,
    tab: (tab: T) =>
      ({
        role: "tab",
        id: tabId(tab),
        "aria-selected": tab === selected,
        "aria-controls": panelId(tab),
        tabIndex: tab === selected ? 0 : -1,
        onClick: () => select(tab),
      }) satisfies HTMLAttributes<HTMLElement>,
    panel: (tab: T) => ({ role: "tabpanel", id: panelId(tab), "aria-labelledby": tabId(tab) }) satisfies HTMLAttributes<HTMLElement>,
  };
}
