// The union's collections of workers' proposals (/admin/proposals): the list with handed out,
// returned and proposals, and the form for a new collection (title, forms handed out, period and the
// questions of its 征集表).
import "./proposals.css";
import { useEffect, useState, type FormEvent, type ReactElement } from "react";
import type { z } from "zod";
import type { CollectionsResponse } from "@core/api/bargainingProposals.ts";
import { ErrorLine, Loading } from "../../admin/ui/Feedback.tsx";
import { useProposalsT } from "../../i18n/proposals.ts";
import { Link } from "../../routing/Link.tsx";
import { navigate } from "../../routing/location.ts";
import { CollectionPage } from "./CollectionPage.tsx";
import { proposalsApi } from "./proposalsApi.ts";
import { CountField, PeriodFields } from "./CollectionFields.tsx";
import { QuestionsEditor, questionOf, type QuestionDraft } from "./QuestionsEditor.tsx";
import { iso, local, PROPOSALS_PATH } from "./unionUi.ts";

type Listed = z.infer<typeof CollectionsResponse>["collections"][number];

export function ProposalsPage() {
  const { t } = useProposalsT();
  const [collections, setCollections] = useState<Listed[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    proposalsApi.collections().then(({ collections: list }) => setCollections(list), setError);
  }, []);
  if (!collections) return error ? <ErrorLine error={error} /> : <Loading />;
  return (
    <section className="admin-page proposals-admin" data-testid="proposals-collections">
      <h1>{t("admin.listTitle")}</h1>
      <p className="muted">{t("admin.listIntro")}</p>
      {collections.length === 0 && <p>{t("admin.empty")}</p>}
      <ul className="proposals-list">
        {collections.map((c) => (
          <li key={c.id} className="admin-card">
            <Link to={`${PROPOSALS_PATH}/${encodeURIComponent(c.id)}`} data-testid="proposals-collection-link">
              {c.title}
            </Link>
            <span className="muted">
              {t(`admin.phase.${c.phase}`)} · {t("admin.listRow", { handedOut: c.handedOut, returned: c.returns.returned, proposals: c.proposals })}
            </span>
          </li>
        ))}
      </ul>
      <NewCollectionForm />
    </section>
  );
}

function NewCollectionForm() {
  const { t } = useProposalsT();
  const [title, setTitle] = useState("");
  const [handedOut, setHandedOut] = useState("0");
  const [opensAt, setOpensAt] = useState(() => local(new Date().toISOString()));
  const [closesAt, setClosesAt] = useState(() => local(new Date(Date.now() + 14 * 86_400_000).toISOString()));
  const [drafts, setDrafts] = useState<QuestionDraft[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const { collection } = await proposalsApi.create({
        title,
        handedOut: Number(handedOut),
        opensAt: iso(opensAt),
        closesAt: iso(closesAt),
        questions: drafts.map(questionOf),
      });
      navigate(`${PROPOSALS_PATH}/${encodeURIComponent(collection.id)}`);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <form className="admin-card proposals-admin" onSubmit={(e) => void submit(e)} data-testid="proposals-new">
      <h2>{t("admin.newTitle")}</h2>
      <label className="proposals-field">
        {t("admin.name")}
        <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={80} required data-testid="proposals-new-title" />
      </label>
      <div className="proposals-grid">
        <CountField label={t("admin.handedOut")} value={handedOut} onChange={setHandedOut} testId="proposals-new-handed-out" />
        <PeriodFields opensAt={opensAt} closesAt={closesAt} onOpensAt={setOpensAt} onClosesAt={setClosesAt} />
      </div>
      <QuestionsEditor drafts={drafts} onChange={setDrafts} />
      <ErrorLine error={error} />
      <div>
        <button type="submit" className="primary" disabled={busy} data-testid="proposals-create">
          {t("admin.create")}
        </button>
      </div>
    </form>
  );
}

/** The page of an /admin/proposals path, or null when the path names none. */
export function proposalsPage(pathname: string): ReactElement | null {
  const match = /^\/admin\/proposals(?:\/([^/]+))?\/?$/.exec(pathname);
  if (!match) return null;
  if (!match[1]) return <ProposalsPage />;
  const id = decodeURIComponent(match[1]);
  return <CollectionPage key={id} collectionId={id} />;
}
