import { useEffect, useRef } from "react";

/**
 * The member's bottom action changes under the focus: 申请发言 becomes 撤回, 撤回 becomes 结束发言
 * when the chair gives the floor, 结束发言 becomes 申请发言 again; and its buttons are disabled
 * while a command runs. Either way the browser drops the focus to <body>. When the focus was last
 * in the bottom action and has fallen, this puts it on the control that stands there now (`main`).
 * `stage` names what the bottom action shows; `disabled`: whether `main` is disabled now.
 */
export function useBottomActionFocus(stage: string, disabled: boolean) {
  const area = useRef<HTMLDivElement>(null);
  const main = useRef<HTMLButtonElement>(null);
  // Where the focus last went: into the bottom action or elsewhere (falling to <body> is no "where").
  const focusedInside = useRef(false);

  useEffect(() => {
    const onFocusIn = (event: FocusEvent) => {
      focusedInside.current = event.target instanceof Node && (area.current?.contains(event.target) ?? false);
    };
    document.addEventListener("focusin", onFocusIn);
    return () => document.removeEventListener("focusin", onFocusIn);
  }, []);

  useEffect(() => {
    const active = document.activeElement;
    if (disabled || !focusedInside.current || (active !== null && active !== document.body)) return;
    main.current?.focus();
  }, [stage, disabled]);

  return { area, main };
}
