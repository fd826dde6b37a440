// One collection of workers' proposals for the union (/admin/proposals/<id>): the counts (发放,
// 收回, 回收率), the link and QR code, the settings, the answers per question and the suggestions,
// every returned form (with a paper form typed in), and the numbered 协商提案 merged from the ticked
// forms, each with the workers it covers.
import "./proposals.css";
import { useEffect, useState, type FormEvent } from "react";
import type { z } from "zod";
import type { CollectionViewResponse, Proposal } from "@core/api/bargainingProposals.ts";
import { percent } from "@core/bargaining/proposals.ts";
import { ConfirmDialog } from "../../admin/ui/ConfirmDialog.tsx";
import { ErrorLine, Loading, SuccessLine } from "../../admin/ui/Feedback.tsx";
import { useProposalsT } from "../../i18n/proposals.ts";
import { Link } from "../../routing/Link.tsx";
import { EMPTY_FORM, FormFields, formBody, saysSomething, type FormState } from "./FormFields.tsx";
import { proposalsApi } from "./proposalsApi.ts";
import { CountField, PeriodFields } from "./CollectionFields.tsx";
import { draftOf, QuestionsEditor, questionOf, type QuestionDraft } from "./QuestionsEditor.tsx";
import { iso, local, PROPOSALS_PATH } from "./unionUi.ts";

type View = z.infer<typeof CollectionViewResponse>;

export function CollectionPage({ collectionId }: { collectionId: string }) {
  const { t } = useProposalsT();
  const [view, setView] = useState<View | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const reload = () => setAttempt((a) => a + 1);
  useEffect(() => {
    proposalsApi.view(collectionId).then(setView, setError);
  }, [collectionId, attempt]);
  if (!view) return error ? <ErrorLine error={error} onRetry={reload} /> : <Loading />;
  const { collection } = view;
  return (
    <section className="admin-page proposals-admin" data-testid="proposals-collection">
      <Link to={PROPOSALS_PATH}>{t("admin.back")}</Link>
      <h1>{collection.title}</h1>
      <p className="muted">{t(`admin.phase.${collection.phase}`)}</p>
      <Returns view={view} />
      <LinkCard collectionId={collection.id} title={collection.title} />
      <Settings key={`${collection.id}-${attempt}`} view={view} onSaved={reload} />
      <Answers view={view} />
      <Forms key={`forms-${attempt}`} view={view} onChanged={reload} />
    </section>
  );
}

function Returns({ view }: { view: View }) {
  const { t } = useProposalsT();
  const r = view.returns;
  const counts: [string, string | number, string][] = [
    [t("admin.handedOutCount"), r.handedOut, "handed-out"],
    [t("admin.returnedCount"), r.returned, "returned"],
    [t("admin.rate"), r.rate === null ? t("admin.noRate") : percent(r.rate), "rate"],
    [t("admin.onlineCount"), r.online, "online"],
    [t("admin.paperTypedCount"), r.paperTyped, "paper-typed"],
    [t("admin.paperCountedCount"), r.paperCounted, "paper-counted"],
  ];
  return (
    <article className="admin-card">
      <h2>{t("admin.returns")}</h2>
      <dl className="proposals-counts">
        {counts.map(([label, value, id]) => (
          <div key={id}>
            <dt>{label}</dt>
            <dd data-testid={`proposals-count-${id}`}>{value}</dd>
          </div>
        ))}
      </dl>
      {r.overHandedOut && r.handedOut > 0 && <p className="admin-error">{t("admin.overHandedOut")}</p>}
    </article>
  );
}

function LinkCard({ collectionId, title }: { collectionId: string; title: string }) {
  const { t } = useProposalsT();
  const [link, setLink] = useState<{ url: string; qrSvg: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  return (
    <article className="admin-card">
      <h2>{t("admin.link")}</h2>
      {link ? (
        <>
          <a href={link.url} target="_blank" rel="noreferrer" data-testid="proposals-link">
            {link.url}
          </a>
          <img
            className="qr"
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(link.qrSvg)}`}
            alt={t("admin.qr", { title })}
            width={200}
            height={200}
          />
        </>
      ) : (
        <div>
          <button type="button" className="secondary" onClick={() => proposalsApi.link(collectionId).then(setLink, setError)} data-testid="proposals-show-link">
            {t("admin.showLink")}
          </button>
        </div>
      )}
      <ErrorLine error={error} />
    </article>
  );
}

function Settings({ view, onSaved }: { view: View; onSaved: () => void }) {
  const { t } = useProposalsT();
  const { collection } = view;
  const locked = view.forms.length > 0;
  const [title, setTitle] = useState(collection.title);
  const [handedOut, setHandedOut] = useState(String(collection.handedOut));
  const [paperCounted, setPaperCounted] = useState(String(collection.paperCounted));
  const [opensAt, setOpensAt] = useState(local(collection.opensAt));
  const [closesAt, setClosesAt] = useState(local(collection.closesAt));
  const [drafts, setDrafts] = useState<QuestionDraft[]>(collection.questions.map(draftOf));
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await proposalsApi.edit(collection.id, {
        title,
        handedOut: Number(handedOut),
        paperCounted: Number(paperCounted),
        opensAt: iso(opensAt),
        closesAt: iso(closesAt),
        ...(locked ? {} : { questions: drafts.map(questionOf) }),
      });
      setSaved(true);
      onSaved();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <form className="admin-card proposals-admin" onSubmit={(e) => void save(e)} data-testid="proposals-settings">
      <h2>{t("admin.settings")}</h2>
      <label className="proposals-field">
        {t("admin.name")}
        <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={80} required />
      </label>
      <div className="proposals-grid">
        <CountField label={t("admin.handedOut")} value={handedOut} onChange={setHandedOut} testId="proposals-handed-out" />
        <CountField label={t("admin.paperCounted")} value={paperCounted} onChange={setPaperCounted} testId="proposals-paper-counted" />
        <PeriodFields opensAt={opensAt} closesAt={closesAt} onOpensAt={setOpensAt} onClosesAt={setClosesAt} />
      </div>
      {locked ? <p className="muted">{t("admin.questionsLocked")}</p> : <QuestionsEditor drafts={drafts} onChange={setDrafts} />}
      <ErrorLine error={error} />
      <SuccessLine text={saved ? t("admin.saved") : null} />
      <div>
        <button type="submit" className="primary" data-testid="proposals-save">
          {t("admin.save")}
        </button>
      </div>
    </form>
  );
}

function Answers({ view }: { view: View }) {
  const { t } = useProposalsT();
  return (
    <article className="admin-card" data-testid="proposals-answers">
      <h2>{t("admin.answers")}</h2>
      {view.answers.map((q, index) => (
        <section key={q.questionId} data-testid={`proposals-summary-${q.questionId}`}>
          <h3>
            {index + 1}. {q.text}
          </h3>
          <p className="muted">{t("admin.answered", { count: q.answered })}</p>
          {q.kind === "choice" ? (
            q.counts.map((c) => (
              <div key={c.option} className="proposals-bar">
                <span>{c.option}</span>
                <meter min={0} max={Math.max(q.answered, 1)} value={c.count} aria-label={c.option} />
                <span data-testid="proposals-option-count">{c.count}</span>
              </div>
            ))
          ) : (
            <ul>
              {q.texts.map((a) => (
                <li key={a.formNumber}>
                  <span className="muted">{t("admin.formNumber", { number: a.formNumber })}</span> {a.text}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
      <h3>{t("admin.suggestions")}</h3>
      {view.suggestions.length === 0 ? (
        <p className="muted">{t("admin.noSuggestions")}</p>
      ) : (
        <ul data-testid="proposals-suggestions">
          {view.suggestions.map((s) => (
            <li key={s.formNumber}>
              <span className="muted">{t("admin.formNumber", { number: s.formNumber })}</span> {s.text}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

/** The proposal being written: a new one, or an existing one being changed. */
interface Draft {
  editing: Proposal | null;
  title: string;
  text: string;
  extraWorkers: string;
  formIds: string[];
}
const NEW_DRAFT: Draft = { editing: null, title: "", text: "", extraWorkers: "0", formIds: [] };

function Forms({ view, onChanged }: { view: View; onChanged: () => void }) {
  const { t } = useProposalsT();
  const { collection } = view;
  const [draft, setDraft] = useState<Draft>(NEW_DRAFT);
  const [paper, setPaper] = useState<FormState>(EMPTY_FORM);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [removing, setRemoving] = useState<Proposal | null>(null);
  const numberOf = new Map(view.forms.map((f) => [f.id, f.number]));

  const act = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      onChanged();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  const tick = (id: string, on: boolean) => setDraft({ ...draft, formIds: on ? [...draft.formIds, id] : draft.formIds.filter((f) => f !== id) });
  const saveProposal = (event: FormEvent) => {
    event.preventDefault();
    const input = { title: draft.title, text: draft.text, extraWorkers: Number(draft.extraWorkers), formIds: draft.formIds };
    void act(() => (draft.editing ? proposalsApi.editProposal(collection.id, draft.editing.id, input) : proposalsApi.createProposal(collection.id, input)));
  };

  return (
    <>
      <article className="admin-card" data-testid="proposals-forms">
        <h2>{t("admin.forms")}</h2>
        <p className="muted">{t("admin.merged", { merged: view.merged, unmerged: view.unmerged.length })}</p>
        {view.forms.length === 0 && <p className="muted">{t("admin.noForms")}</p>}
        <ul className="proposals-list">
          {view.forms.map((f) => (
            <li key={f.id} className="proposals-form-row" data-testid="proposals-form-row">
              <input
                type="checkbox"
                checked={draft.formIds.includes(f.id)}
                onChange={(e) => tick(f.id, e.target.checked)}
                aria-label={t("admin.formNumber", { number: f.number })}
                data-testid={`proposals-tick-${f.number}`}
              />
              <div>
                <strong>{t("admin.formNumber", { number: f.number })}</strong>{" "}
                <span className="muted">
                  {t(`admin.formSource.${f.source}`)}
                  {f.enteredByName ? ` · ${t("admin.enteredBy", { name: f.enteredByName })}` : ""} ·{" "}
                  {f.anonymous ? t("admin.anonymousForm") : [f.name, f.department, f.phone].filter(Boolean).join(" · ")}
                </span>
                {collection.questions.map((q) =>
                  f.answers[q.id] === undefined ? null : (
                    <div key={q.id}>
                      <span className="muted">{q.text}</span> {[f.answers[q.id]].flat().join(t("admin.answerSeparator"))}
                    </div>
                  ),
                )}
                {f.suggestion && <div>{f.suggestion}</div>}
              </div>
            </li>
          ))}
        </ul>
      </article>

      <form className="admin-card proposals-admin" onSubmit={saveProposal} data-testid="proposals-merge">
        <h2>{draft.editing ? t("admin.proposalNumber", { number: draft.editing.number }) : t("admin.merge")}</h2>
        <p className="muted">{t("admin.mergeHint")}</p>
        <p data-testid="proposals-chosen">
          {t("admin.chosen", { count: draft.formIds.length })}
          {draft.formIds.length > 0 &&
            `: ${draft.formIds
              .map((id) => numberOf.get(id) ?? 0)
              .sort((a, b) => a - b)
              .join(", ")}`}
        </p>
        <label className="proposals-field">
          {t("admin.proposalTitle")}
          <input
            value={draft.title}
            onChange={(e) => setDraft({ ...draft, title: e.target.value })}
            maxLength={80}
            required
            data-testid="proposals-proposal-title"
          />
        </label>
        <label className="proposals-field">
          {t("admin.proposalText")}
          <textarea
            value={draft.text}
            onChange={(e) => setDraft({ ...draft, text: e.target.value })}
            maxLength={4000}
            rows={3}
            data-testid="proposals-proposal-text"
          />
        </label>
        <label className="proposals-field">
          {t("admin.extraWorkers")}
          <input
            type="number"
            min={0}
            max={100000}
            value={draft.extraWorkers}
            onChange={(e) => setDraft({ ...draft, extraWorkers: e.target.value })}
            data-testid="proposals-extra-workers"
          />
        </label>
        <div className="proposals-actions">
          <button type="submit" className="primary" disabled={busy} data-testid="proposals-save-proposal">
            {draft.editing ? t("admin.save") : t("admin.createProposal")}
          </button>
          {draft.editing && (
            <button type="button" className="secondary" onClick={() => setDraft(NEW_DRAFT)}>
              {t("admin.cancel")}
            </button>
          )}
        </div>
      </form>

      <ErrorLine error={error} />

      <article className="admin-card" data-testid="proposals-proposals">
        <h2>{t("admin.proposals")}</h2>
        {view.proposals.length === 0 && <p className="muted">{t("admin.noProposals")}</p>}
        <ol className="proposals-list">
          {view.proposals.map((p) => (
            <li key={p.id} className="admin-card" data-testid="proposals-proposal">
              <h3>
                {t("admin.proposalNumber", { number: p.number })} {p.title}
              </h3>
              {p.text && <p>{p.text}</p>}
              <p data-testid="proposals-covers">
                <strong>{t("admin.covers", { count: p.workersCovered })}</strong> ·{" "}
                {p.formNumbers.length > 0 ? t("admin.mergedForms", { numbers: p.formNumbers.join(", ") }) : t("admin.noMergedForms")}
              </p>
              <div className="proposals-actions">
                <button
                  type="button"
                  className="secondary"
                  onClick={() => setDraft({ editing: p, title: p.title, text: p.text, extraWorkers: String(p.extraWorkers), formIds: p.formIds })}
                >
                  {t("admin.edit")}
                </button>
                <button type="button" className="danger" disabled={busy} onClick={() => setRemoving(p)}>
                  {t("admin.remove")}
                </button>
              </div>
            </li>
          ))}
        </ol>
      </article>
      {removing && (
        <ConfirmDialog
          title={t("admin.remove")}
          text={t("admin.removeConfirm", { number: removing.number })}
          confirmLabel={t("admin.remove")}
          danger
          onConfirm={async () => {
            await proposalsApi.removeProposal(collection.id, removing.id);
            onChanged();
          }}
          onClose={() => setRemoving(null)}
        />
      )}

      <form
        className="admin-card proposals-admin"
        onSubmit={(e) => {
          e.preventDefault();
          void act(() => proposalsApi.addPaper(collection.id, formBody(paper)));
        }}
        data-testid="proposals-paper"
      >
        <h2>{t("admin.paperForm")}</h2>
        <FormFields questions={collection.questions} form={paper} onChange={setPaper} />
        <div>
          <button type="submit" className="secondary" disabled={busy || !saysSomething(paper)} data-testid="proposals-add-paper">
            {t("admin.addPaper")}
          </button>
        </div>
      </form>
    </>
  );
}
