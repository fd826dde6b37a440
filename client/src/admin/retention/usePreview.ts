import { useEffect, useState } from "react";
import type { RetentionPolicyInput, RetentionTotals } from "@core/api/retention.ts";
import { api } from "../api.ts";
import { inputKey } from "./policyForm.ts";

/** The pause after the last keystroke before asking the server (typing 365 asks once, not three times). */
export const PREVIEW_DELAY_MS = 400;

export type Preview =
  { state: "idle" } | { state: "checking" } | { state: "done"; key: string; due: RetentionTotals } | { state: "failed"; error: unknown; retry: () => void };

type Answer = { key: string; due: RetentionTotals } | { key: string; error: unknown };

/**
 * What `input` would delete at once (POST /api/retention/preview), asked after a pause in typing;
 * idle while `input` is null (a field has a problem, or the form is the saved policy). `input`
 * must keep its identity while the form is unchanged (memoise it). An answer to an older input is
 * never shown for a newer one.
 */
export function usePreview(input: RetentionPolicyInput | null): Preview {
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!input) return;
    const key = inputKey(input);
    let live = true;
    const timer = setTimeout(() => {
      api.previewRetention(input).then(
        ({ due }) => live && setAnswer({ key, due }),
        (error: unknown) => live && setAnswer({ key, error }),
      );
    }, PREVIEW_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [input, attempt]);
  if (!input) return { state: "idle" };
  const key = inputKey(input);
  if (!answer || answer.key !== key) return { state: "checking" };
  if ("error" in answer) {
    const retry = () => {
      setAnswer(null);
      setAttempt((a) => a + 1);
    };
    return { state: "failed", error: answer.error, retry };
  }
  return { state: "done", key, due: answer.due };
}
