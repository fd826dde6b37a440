// After an action the control that did it is often gone (申请发言 becomes 撤回, 请其发言 leaves the
// queue) or disabled while the command runs, and the browser drops the focus to <body>: keyboard
// and screen-reader users lose their place. These put the focus on the control that follows, once
// it is there and enabled.

const WAIT_MS = 5_000;
const STEP_MS = 50;

type Find = () => HTMLElement | null | undefined;

/** Nobody has put the focus anywhere meanwhile: it is on <body>, still on the control that acted, or inside `scope`. */
function unclaimed(origin: Element | null, scope: Element | null | undefined): boolean {
  const active = document.activeElement;
  return active === null || active === document.body || active === origin || (scope?.contains(active) ?? false);
}

/**
 * Focuses `find()`'s element as soon as it is on the page and enabled (the state that brings it may
 * come after the command's answer), giving up after a few seconds or as soon as the person has put
 * the focus somewhere else (outside `scope`).
 */
export function focusWhenReady(find: Find, origin: Element | null = document.activeElement, scope?: Element | null): void {
  const started = Date.now();
  const attempt = () => {
    if (!unclaimed(origin, scope)) return;
    const target = find();
    if (target?.isConnected && !(target as HTMLButtonElement).disabled) {
      if (document.activeElement !== target) target.focus();
      return;
    }
    if (Date.now() - started < WAIT_MS) setTimeout(attempt, STEP_MS);
  };
  attempt();
}

/**
 * Runs `action` (a command: true when it was done), then focuses `next()` — or, when it was
 * refused, the control it started from again (it was disabled while the command ran).
 */
export async function focusAfter(action: () => Promise<boolean>, next: Find, scope?: Element | null): Promise<boolean> {
  const origin = document.activeElement;
  const done = await action();
  focusWhenReady(done ? next : () => (origin instanceof HTMLElement ? origin : null), origin, scope);
  return done;
}
