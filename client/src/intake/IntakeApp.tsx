// The residents' pages, without an account (docs/community.md): /c/<publicCode> raises a problem
// (居民点单) and shows the receipt link to keep; /r/<receiptCode> follows it. Mobile first, Chinese
// first with an English switch.
import "./intake.css";
import { useEffect, useState, type ReactNode } from "react";
import type { ReceiptView } from "@core/intake/report.ts";
import { currentLanguage, setLanguage } from "../i18n/i18n.ts";
import { useIntakeT } from "../i18n/intake.ts";
import { intakeApi, errorText, receiptUrl } from "./intakeApi.ts";
import { ReceiptCard } from "./ReceiptCard.tsx";
import { ReportForm } from "./ReportForm.tsx";

/** The code of an intake path (/c/<code> or /r/<code>). */
const codeOf = (pathname: string): string => decodeURIComponent(pathname.split("/")[2] ?? "");

export default function IntakeApp({ pathname }: { pathname: string }) {
  const code = codeOf(pathname);
  return pathname.startsWith("/r/") ? <ReceiptPage code={code} /> : <ReportPage publicCode={code} />;
}

function Page({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useIntakeT();
  const other = currentLanguage() === "zh" ? "en" : "zh";
  return (
    <main className="intake">
      <header className="intake-header">
        <h1>{title}</h1>
        <button type="button" className="ghost" lang={other === "zh" ? "zh-CN" : "en"} onClick={() => setLanguage(other)} data-testid="intake-language">
          {t("language")}
        </button>
      </header>
      {children}
      <title>{title}</title>
    </main>
  );
}

type Load<T> = { kind: "loading" } | { kind: "error"; message: string } | { kind: "ready"; value: T };

function useLoad<T>(load: () => Promise<T>, key: string): [Load<T>, () => void] {
  const [state, setState] = useState<Load<T>>({ kind: "loading" });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (value) => live && setState({ kind: "ready", value }),
      (error: unknown) => live && setState({ kind: "error", message: errorText(error) }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reloads by key and attempt only
  }, [key, attempt]);
  const retry = () => {
    setState({ kind: "loading" });
    setAttempt((a) => a + 1);
  };
  return [state, retry];
}

function Status<T>({ state, retry, children }: { state: Load<T>; retry: () => void; children: (value: T) => ReactNode }) {
  const { t } = useIntakeT();
  if (state.kind === "loading") return <p role="status">{t("report.loading")}</p>;
  if (state.kind === "error")
    return (
      <>
        <p className="error-notice" role="alert" data-testid="intake-load-error">
          {state.message}
        </p>
        <button type="button" className="secondary" onClick={retry}>
          {t("receipt.retry")}
        </button>
      </>
    );
  return <>{children(state.value)}</>;
}

function ReportPage({ publicCode }: { publicCode: string }) {
  const { t } = useIntakeT();
  const [state, retry] = useLoad(() => intakeApi.community(publicCode), publicCode);
  const [receipt, setReceipt] = useState<string | null>(null);
  return (
    <Page title={t("report.title")}>
      <Status state={state} retry={retry}>
        {({ community }) =>
          receipt === null ? (
            <>
              <p className="intake-intro">{t("report.intro", { community: community.name })}</p>
              <ReportForm buildings={community.buildings} submit={async (form) => setReceipt((await intakeApi.report(publicCode, form)).receipt)} />
            </>
          ) : (
            <Receipt code={receipt} again={() => setReceipt(null)} />
          )
        }
      </Status>
    </Page>
  );
}

/** The receipt link, big, with a copy button: the resident's only way back to the item. */
export function Receipt({ code, again }: { code: string; again?: () => void }) {
  const { t } = useIntakeT();
  const [copied, setCopied] = useState<"" | "ok" | "failed">("");
  const url = receiptUrl(code);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied("ok");
    } catch {
      setCopied("failed");
    }
  };
  return (
    <section className="intake-receipt" data-testid="intake-receipt">
      <h2>{t("report.doneTitle")}</h2>
      <p>{t("report.keep")}</p>
      <a className="intake-receipt-link" href={url} data-testid="intake-receipt-link">
        {url}
      </a>
      <button type="button" className="primary wide" onClick={() => void copy()} data-testid="intake-copy">
        {t("report.copy")}
      </button>
      {copied && (
        <p role="status" className="intake-hint">
          {copied === "ok" ? t("report.copied") : t("report.copyFailed")}
        </p>
      )}
      {again && (
        <button type="button" className="secondary wide" onClick={again}>
          {t("report.another")}
        </button>
      )}
    </section>
  );
}

function ReceiptPage({ code }: { code: string }) {
  const { t } = useIntakeT();
  const [state, retry] = useLoad(() => intakeApi.receipt(code), code);
  return (
    <Page title={t("receipt.title")}>
      <Status state={state} retry={retry}>
        {({ report }) => <ReceiptCard report={report} code={code} rate={async (body): Promise<ReceiptView> => (await intakeApi.rate(code, body)).report} />}
      </Status>
    </Page>
  );
}
