import { useSyncExternalStore } from "react";

// The chair's single-key shortcuts (N, E, P, +, ?): a key alone must not act while the focus is on
// a control (pressing "e" on a button ended a speech), and the chair can switch them off — speech
// input or a stray key would otherwise end a speech (WCAG 2.1.4). On by default, per device.

const KEY = "yst.singleKeyShortcuts";
const listeners = new Set<() => void>();

function read(): boolean {
  try {
    return localStorage.getItem(KEY) !== "off";
  } catch {
    return true;
  }
}

let on = read();

export function setSingleKeyShortcuts(value: boolean): void {
  on = value;
  try {
    localStorage.setItem(KEY, value ? "on" : "off");
  } catch {
    // Private mode or full storage: the choice holds for this page only.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const useSingleKeyShortcuts = (): boolean => useSyncExternalStore(subscribe, () => on);

/** Elements whose own keys a letter may be: controls, fields, editable text, widgets by role. */
const INTERACTIVE = [
  "a[href]",
  "button",
  "input",
  "select",
  "textarea",
  "summary",
  "[contenteditable]:not([contenteditable='false'])",
  ...[
    "button",
    "link",
    "tab",
    "radio",
    "checkbox",
    "switch",
    "menuitem",
    "option",
    "slider",
    "spinbutton",
    "textbox",
    "combobox",
    "listbox",
    "gridcell",
    "treeitem",
  ].map((role) => `[role='${role}']`),
].join(",");

/**
 * Whether this key press may act as a single-key shortcut: they are on, no modifier but Shift (for
 * ? and +), the focus is not on or in a control, and no dialog (a confirmation) is open.
 */
export function isShortcutPress(event: KeyboardEvent): boolean {
  if (!on || event.ctrlKey || event.metaKey || event.altKey) return false;
  const target = event.target instanceof Element ? event.target : null;
  if (target?.closest(INTERACTIVE)) return false;
  return document.querySelector("dialog[open]") === null;
}
