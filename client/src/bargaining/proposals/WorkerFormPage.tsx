// The worker's 征集表 (/w/<publicCode>), on a phone without an account (docs/bargaining.md
// "Proposals"): the union's questions, the suggestion, who or anonymous; sent once, answered with
// the form's number. Large type, one column at 375 px, Chinese first with an English switch.
import "./proposals.css";
import { useEffect, useState, type FormEvent } from "react";
import type { z } from "zod";
import type { PublicCollectionResponse } from "@core/api/bargainingProposals.ts";
import { currentLanguage, setLanguage } from "../../i18n/i18n.ts";
import { useProposalsT } from "../../i18n/proposals.ts";
import { EMPTY_FORM, FormFields, formBody, saysSomething, type FormState } from "./FormFields.tsx";
import { chinaDay, errorText, workerApi } from "./workerApi.ts";

type Page = z.infer<typeof PublicCollectionResponse>["collection"];

export default function WorkerFormPage({ publicCode }: { publicCode: string }) {
  const { t } = useProposalsT();
  const [page, setPage] = useState<Page | null>(null);
  const [loadError, setLoadError] = useState("");
  const [attempt, setAttempt] = useState(0);
  const [form, setForm] = useState<FormState>(EMPTY_FORM);
  const [problem, setProblem] = useState("");
  const [sending, setSending] = useState(false);
  const [number, setNumber] = useState<number | null>(null);
  const other = currentLanguage() === "zh" ? "en" : "zh";

  useEffect(() => {
    let live = true;
    workerApi.collection(publicCode).then(
      ({ collection }) => live && setPage(collection),
      (error: unknown) => live && setLoadError(errorText(error)),
    );
    return () => {
      live = false;
    };
  }, [publicCode, attempt]);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (!saysSomething(form)) return;
    setSending(true);
    setProblem("");
    try {
      setNumber((await workerApi.send(publicCode, formBody(form))).form.number);
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setSending(false);
    }
  };

  return (
    <main className="proposals-worker" data-testid="proposals-worker">
      <header className="proposals-worker-header">
        <h1>{t("worker.title")}</h1>
        <button type="button" className="ghost" lang={other === "zh" ? "zh-CN" : "en"} onClick={() => setLanguage(other)} data-testid="proposals-language">
          {t("language")}
        </button>
      </header>
      {page === null ? (
        loadError ? (
          <>
            <p className="error-notice" role="alert" data-testid="proposals-load-error">
              {loadError}
            </p>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setLoadError("");
                setAttempt((a) => a + 1);
              }}
            >
              {t("worker.retry")}
            </button>
          </>
        ) : (
          <p role="status">{t("worker.loading")}</p>
        )
      ) : number !== null ? (
        <section className="proposals-done" role="status" data-testid="proposals-done">
          <h2>{t("worker.doneTitle")}</h2>
          <p>{t("worker.done", { number })}</p>
        </section>
      ) : (
        <>
          <h2 className="proposals-worker-title">{page.title}</h2>
          <p className="proposals-hint">{t("worker.period", { from: chinaDay(page.opensAt), to: chinaDay(page.closesAt) })}</p>
          {page.phase === "open" ? (
            <form className="proposals-form" onSubmit={(e) => void send(e)} data-testid="proposals-form">
              <p>{t("worker.intro")}</p>
              <FormFields questions={page.questions} form={form} onChange={setForm} />
              <p className="proposals-hint">{t("worker.privacy")}</p>
              {problem && (
                <p className="error-notice" role="alert" data-testid="proposals-error">
                  {problem}
                </p>
              )}
              <button type="submit" className="primary wide" disabled={sending || !saysSomething(form)} data-testid="proposals-submit">
                {sending ? t("worker.sending") : t("worker.submit")}
              </button>
            </form>
          ) : (
            <p className="proposals-notice" data-testid="proposals-not-open">
              {page.phase === "upcoming" ? t("worker.upcoming", { from: chinaDay(page.opensAt) }) : t("worker.closed")}
            </p>
          )}
        </>
      )}
      <title>{t("worker.title")}</title>
    </main>
  );
}
