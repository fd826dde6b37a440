// One bargaining meeting's agreement (admin/bargaining/agreements/<meetingId>): the draft generated
// from the agreed clauses and edited (every save a new version, each downloadable as Word and PDF),
// the vote of the 职工代表大会 taken from a closed poll with the §36 test and its result document, the
// chiefs' signatures, the filing, the receipt and the authority's review, with the dates due.
import { useCallback, useEffect, useState, type ReactNode } from "react";
import type { AgreementJson, AgreementVersionJson } from "@core/api/bargainingAgreement.ts";
import type { Meeting } from "@core/api/meetings.ts";
import type { AgreementContent } from "@core/bargaining/agreement.ts";
import { SIDES, type Side } from "@core/bargaining/schema.ts";
import { chinaDate } from "@core/ledger/deadline.ts";
import { api } from "../../admin/api.ts";
import { ErrorLine, Loading, SuccessLine } from "../../admin/ui/Feedback.tsx";
import { useAgreementT } from "../../i18n/agreement.ts";
import { Link } from "../../routing/Link.tsx";
import { agreementApi } from "./agreementApi.ts";
import { AGREEMENTS_PATH } from "./AgreementsPage.tsx";
import { ReminderBadge } from "./ReminderBadge.tsx";
import { agreementReminder } from "@core/bargaining/agreement.ts";
import { confirmedAt } from "./chiefConfirmation.ts";

export function AgreementPage({ meetingId }: { meetingId: string }) {
  const { t } = useAgreementT();
  const [loaded, setLoaded] = useState<{ found: AgreementJson; version: AgreementVersionJson | null } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  const fetchAgreement = useCallback(async () => {
    const found = await agreementApi.get(meetingId);
    const last = found.versions.at(-1);
    return { found, version: last ? (await agreementApi.version(meetingId, last.number)).version : null };
  }, [meetingId]);
  useEffect(() => {
    fetchAgreement().then(setLoaded, setError);
  }, [fetchAgreement]);

  /** Runs a change, then reloads the agreement; a refusal is shown, nothing else changes. */
  const act = async (change: () => Promise<unknown>, message?: string) => {
    setError(null);
    setDone(null);
    try {
      await change();
      setLoaded(await fetchAgreement());
      if (message) setDone(message);
    } catch (e) {
      setError(e);
    }
  };

  const agreement = loaded?.found;
  const latest = loaded?.version ?? null;
  if (!agreement) return <section className="admin-page">{error ? <ErrorLine error={error} /> : <Loading />}</section>;
  const base = agreement.versions.at(-1)?.number ?? 0;
  const reminder = agreementReminder(agreement.status);
  return (
    <section className="admin-page" data-testid="agreement">
      <p>
        <Link to={AGREEMENTS_PATH}>← {t("title")}</Link>
      </p>
      <h1>
        {agreement.meetingTitle} · <span data-testid="agreement-state">{t(`state.${agreement.status.state}`)}</span>
      </h1>
      {reminder && <ReminderBadge reminder={reminder} />}
      <SuccessLine text={done} testId="agreement-done" />
      <ErrorLine error={error} />

      {/* Once the 职工代表大会 adopted it (§36), the adopted text is what the chiefs sign: no more versions. */}
      {agreement.status.state === "draft" && (
        <>
          {latest && (
            <DraftEditor
              key={latest.number}
              version={latest}
              onSave={(content, note) => act(() => agreementApi.save(meetingId, base, content, note), t("draft.saved", { n: base + 1 }))}
            />
          )}
          <p className="button-row">
            <button
              type="button"
              onClick={() => act(() => agreementApi.generate(meetingId, base), t("draft.saved", { n: base + 1 }))}
              data-testid="agreement-generate"
            >
              {base === 0 ? t("draft.generate") : t("draft.regenerate")}
            </button>
          </p>
        </>
      )}
      {agreement.versions.length > 0 && (
        <Section title={t("draft.versions")}>
          <ol className="agreement-versions" data-testid="agreement-versions">
            {agreement.versions.map((v) => (
              <li key={v.number}>
                {t("draft.version", { n: v.number })} · {t(`draft.source.${v.source}`)} · {v.authorName} · {new Date(v.createdAt).toLocaleString()}
                {v.note && ` · ${v.note}`}{" "}
                <a href={agreementApi.versionUrl(meetingId, v.number, "docx")} download>
                  {t("draft.docx")}
                </a>{" "}
                <a href={agreementApi.versionUrl(meetingId, v.number, "pdf")} download>
                  {t("draft.pdf")}
                </a>
              </li>
            ))}
          </ol>
        </Section>
      )}

      {base > 0 && <VoteSection meetingId={meetingId} agreement={agreement} act={act} />}
      {agreement.vote?.article36.passed && <SigningSection meetingId={meetingId} agreement={agreement} act={act} />}
    </section>
  );
}

type Act = (change: () => Promise<unknown>, message?: string) => Promise<void>;

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="poll-fieldset">
      <legend>{title}</legend>
      {children}
    </fieldset>
  );
}

function DraftEditor({ version, onSave }: { version: AgreementVersionJson; onSave: (content: AgreementContent, note: string) => Promise<void> }) {
  const { t } = useAgreementT();
  const [content, setContent] = useState<AgreementContent>(version.content as AgreementContent);
  const [note, setNote] = useState("");
  const set = (patch: Partial<AgreementContent>) => setContent((c) => ({ ...c, ...patch }));
  const field = (label: string, value: string, onChange: (v: string) => void, testId: string, long = false) => (
    <label className="poll-field">
      <span>{label}</span>
      {long ? (
        <textarea rows={3} value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId} />
      ) : (
        <input type="text" value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId} />
      )}
    </label>
  );
  return (
    <Section title={t("draft.heading", { n: version.number })}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void onSave(content, note);
        }}
        data-testid="agreement-editor"
      >
        {field(t("draft.titleField"), content.title, (title) => set({ title }), "agreement-title")}
        {field(t("draft.enterprise"), content.enterprise, (enterprise) => set({ enterprise }), "agreement-enterprise")}
        {field(t("draft.union"), content.union, (union) => set({ union }), "agreement-union")}
        {field(t("draft.preamble"), content.preamble, (preamble) => set({ preamble }), "agreement-preamble", true)}
        {content.articles.map((article, i) => (
          <div key={article.clauseId}>
            {field(
              `${t("draft.article", { n: i + 1 })} ${article.title}`,
              article.text,
              (text) => set({ articles: content.articles.map((a, j) => (j === i ? { ...a, text } : a)) }),
              "agreement-article",
              true,
            )}
          </div>
        ))}
        {field(t("draft.term"), content.term, (term) => set({ term }), "agreement-term", true)}
        {field(
          t("draft.enterpriseChief"),
          content.chiefs.enterprise,
          (enterprise) => set({ chiefs: { ...content.chiefs, enterprise } }),
          "agreement-chief-enterprise",
        )}
        {field(t("draft.workerChief"), content.chiefs.worker, (worker) => set({ chiefs: { ...content.chiefs, worker } }), "agreement-chief-worker")}
        {field(t("draft.note"), note, setNote, "agreement-note")}
        <button type="submit" data-testid="agreement-save">
          {t("draft.save")}
        </button>
      </form>
    </Section>
  );
}

function VoteSection({ meetingId, agreement, act }: { meetingId: string; agreement: AgreementJson; act: Act }) {
  const { t } = useAgreementT();
  const [meetings, setMeetings] = useState<Meeting[]>([]);
  const [voteMeeting, setVoteMeeting] = useState(meetingId);
  const [polls, setPolls] = useState<{ pollId: string; title: string }[] | null>(null);
  const [pollId, setPollId] = useState("");
  useEffect(() => {
    api.meetings(false).then(
      ({ meetings: list }) => setMeetings(list),
      () => setMeetings([]),
    );
  }, []);
  useEffect(() => {
    agreementApi.polls(meetingId, voteMeeting).then(
      ({ polls: list }) => {
        setPolls(list);
        setPollId(list.at(-1)?.pollId ?? "");
      },
      () => setPolls([]),
    );
  }, [meetingId, voteMeeting]);
  const vote = agreement.vote;
  const mark = (met: boolean) => t(met ? "vote.met" : "vote.notMet");
  return (
    <Section title={t("vote.heading")}>
      {vote && (
        <div data-testid="agreement-vote">
          <p>{t("vote.recorded", vote)}</p>
          <ul>
            <li>
              {t("vote.present", { needed: vote.article36.present.needed })}
              {t("colon")}
              {mark(vote.article36.present.met)}
            </li>
            <li>
              {t("vote.yes", { needed: vote.article36.yes.needed })}
              {t("colon")}
              {mark(vote.article36.yes.met)}
            </li>
          </ul>
          <p>
            <strong>{t(vote.article36.passed ? "vote.passed" : "vote.failed")}</strong>{" "}
            <a href={agreementApi.voteUrl(meetingId, "docx")} download>
              {t("vote.document")} Word
            </a>{" "}
            <a href={agreementApi.voteUrl(meetingId, "pdf")} download>
              PDF
            </a>
          </p>
        </div>
      )}
      {!vote?.article36.passed && (
        <div className="button-row">
          <label>
            {t("vote.meeting")}{" "}
            <select value={voteMeeting} onChange={(e) => setVoteMeeting(e.target.value)} data-testid="agreement-vote-meeting">
              {[...new Map([[meetingId, agreement.meetingTitle], ...meetings.map((m): [string, string] => [m.id, m.title])])].map(([id, title]) => (
                <option key={id} value={id}>
                  {title}
                </option>
              ))}
            </select>
          </label>
          {polls?.length === 0 && <span className="muted">{t("vote.noPolls")}</span>}
          {polls && polls.length > 0 && (
            <>
              <label>
                {t("vote.poll")}{" "}
                <select value={pollId} onChange={(e) => setPollId(e.target.value)} data-testid="agreement-vote-poll">
                  {polls.map((p) => (
                    <option key={p.pollId} value={p.pollId}>
                      {p.title}
                    </option>
                  ))}
                </select>
              </label>
              <button
                type="button"
                disabled={!pollId}
                onClick={() => act(() => agreementApi.vote(meetingId, voteMeeting, pollId))}
                data-testid="agreement-vote-record"
              >
                {t("vote.record")}
              </button>
            </>
          )}
        </div>
      )}
    </Section>
  );
}

function SigningSection({ meetingId, agreement, act }: { meetingId: string; agreement: AgreementJson; act: Act }) {
  const { t } = useAgreementT();
  const [today] = useState(() => chinaDate(Date.now()));
  const [dates, setDates] = useState<Record<Side, string>>({ worker: today, enterprise: today });
  const [filedOn, setFiledOn] = useState(today);
  const [receivedOn, setReceivedOn] = useState(today);
  const [outcome, setOutcome] = useState<"noObjection" | "objection">("noObjection");
  const [reviewOn, setReviewOn] = useState(today);
  const [note, setNote] = useState("");
  const { status } = agreement;
  const date = (value: string, onChange: (v: string) => void, label: string, testId: string) => (
    <label>
      {label} <input type="date" value={value} max={today} onChange={(e) => onChange(e.target.value)} data-testid={testId} />
    </label>
  );
  return (
    <>
      <Section title={t("sign.heading")}>
        {agreement.vote?.code && (
          <p className="muted small" data-testid="agreement-confirmation-code">
            {t("sign.code", { code: agreement.vote.code })}
          </p>
        )}
        {SIDES.map((side) => {
          const signature = agreement.signatures[side];
          return (
            <div key={side} className="button-row" data-testid={`agreement-sign-${side}`}>
              <strong>{t(`sign.${side}`)}</strong>
              {signature ? (
                <span data-testid={`agreement-sign-${side}-via`} data-via={signature.via}>
                  {/* Confirmed by the chief on their own screen, or a paper signature the staff recorded. */}
                  {signature.via === "chief" && signature.at
                    ? t("sign.confirmedByChief", { name: signature.name, time: confirmedAt(signature.at) })
                    : t("sign.signed", { name: signature.name, date: signature.signedOn, by: signature.recordedByName })}
                </span>
              ) : (
                <>
                  {date(dates[side], (v) => setDates((d) => ({ ...d, [side]: v })), t("sign.on"), `agreement-sign-${side}-on`)}
                  <button
                    type="button"
                    onClick={() => act(() => agreementApi.sign(meetingId, side, dates[side]))}
                    data-testid={`agreement-sign-${side}-record`}
                  >
                    {t("sign.record")}
                  </button>
                </>
              )}
            </div>
          );
        })}
      </Section>
      {status.signedOn && (
        <Section title={t("filing.heading")}>
          {status.filingDue && <p>{t("filing.due", { date: status.filingDue })}</p>}
          {agreement.filedOn === null ? (
            <div className="button-row">
              {date(filedOn, setFiledOn, t("filing.filedOn"), "agreement-filed-on")}
              <button type="button" onClick={() => act(() => agreementApi.file(meetingId, filedOn, ""))} data-testid="agreement-file">
                {t("filing.record")}
              </button>
            </div>
          ) : (
            <p>
              {t("filing.filedOn")}
              {t("colon")}
              {agreement.filedOn}
              {status.filedLate && ` · ${t("filing.late")}`}
            </p>
          )}
          {agreement.filedOn !== null && agreement.receivedOn === null && (
            <div className="button-row">
              {date(receivedOn, setReceivedOn, t("filing.receivedOn"), "agreement-received-on")}
              <button type="button" onClick={() => act(() => agreementApi.receipt(meetingId, receivedOn))} data-testid="agreement-receipt">
                {t("filing.receipt")}
              </button>
            </div>
          )}
          {agreement.receivedOn !== null && (
            <p>
              {t("filing.receivedOn")}
              {t("colon")}
              {agreement.receivedOn}
            </p>
          )}
          {status.reviewEnds && status.state === "underReview" && <p>{t("filing.reviewEnds", { date: status.reviewEnds })}</p>}
          {status.effectiveOn && <p data-testid="agreement-effective">{t("filing.effective", { date: status.effectiveOn })}</p>}
          {agreement.review && (
            <p>
              {t("filing.outcome")}
              {t("colon")}
              {t(`filing.${agreement.review.outcome}`)} · {agreement.review.on}
              {agreement.review.note && ` · ${agreement.review.note}`}
            </p>
          )}
          {status.state === "underReview" && (
            <div className="button-row">
              <select value={outcome} onChange={(e) => setOutcome(e.target.value as typeof outcome)} aria-label={t("filing.outcome")}>
                <option value="noObjection">{t("filing.noObjection")}</option>
                <option value="objection">{t("filing.objection")}</option>
              </select>
              {date(reviewOn, setReviewOn, t("filing.on"), "agreement-review-on")}
              {outcome === "objection" && (
                <label>
                  {t("filing.objectionNote")} <input type="text" value={note} onChange={(e) => setNote(e.target.value)} />
                </label>
              )}
              <button type="button" onClick={() => act(() => agreementApi.review(meetingId, outcome, reviewOn, note))} data-testid="agreement-review">
                {t("filing.recordReview")}
              </button>
            </div>
          )}
        </Section>
      )}
    </>
  );
}
