// The import flow both imports share (roster, ledger): choosing a file runs a dry run (every row
// checked, nothing written); 确认导入 sends it again for real, with the warnings accepted once
// they are ticked. A file whose rows the server refuses shows them (invalid); any other failure
// is an error line, the dry run kept where there was one.
import { useState, type ChangeEvent } from "react";
import { HttpError } from "../api.ts";

export type ImportStep<R> =
  | { step: "idle" }
  | { step: "checking"; file: File }
  | { step: "checked"; file: File; result: R }
  | { step: "importing"; file: File; result: R }
  | { step: "invalid"; file: File; error: HttpError }
  | { step: "done"; result: R };

export function useDryRunImport<R>(send: (file: File, options: { dryRun: boolean; acceptWarnings: boolean }) => Promise<R>, onImported: (result: R) => void) {
  const [state, setState] = useState<ImportStep<R>>({ step: "idle" });
  const [error, setError] = useState<unknown>(null);
  const [accepted, setAccepted] = useState(false);

  const refused = (e: unknown, file: File, otherwise: ImportStep<R>) => {
    if (e instanceof HttpError && e.rows.length > 0) return setState({ step: "invalid", file, error: e });
    setError(e);
    setState(otherwise);
  };

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    setError(null);
    setAccepted(false);
    setState({ step: "checking", file });
    try {
      setState({ step: "checked", file, result: await send(file, { dryRun: true, acceptWarnings: false }) });
    } catch (e) {
      refused(e, file, { step: "idle" });
    }
  };

  const confirm = async () => {
    if (state.step !== "checked") return;
    const { file, result } = state;
    setState({ step: "importing", file, result });
    setError(null);
    try {
      const done = await send(file, { dryRun: false, acceptWarnings: accepted });
      setState({ step: "done", result: done });
      onImported(done);
    } catch (e) {
      refused(e, file, { step: "checked", file, result });
    }
  };

  const busy = state.step === "checking" || state.step === "importing";
  const reset = () => setState({ step: "idle" });
  return { state, error, accepted, setAccepted, choose, confirm, busy, reset };
}
