// 会议档案: full-text search over every meeting's record (speeches, summaries, suggestions,
// decisions, minutes) and the list of all meetings, archived ones included. The query lives in
// the URL (?q=…), so a search can be reloaded, linked and gone back to.
import { useCallback, useEffect, useState, type FormEvent } from "react";
import { meetingKindLabel } from "@core/meetingKind.ts";
import { currentLanguage } from "../../i18n/i18n.ts";
import { Link } from "../../routing/Link.tsx";
import { navigate, useLocation } from "../../routing/location.ts";
import { api } from "../api.ts";
import { formatDateTime } from "../meetings/format.ts";
import type { ArchiveMeeting, SearchHit } from "../types.ts";
import { ErrorLine, Loading } from "../ui/Feedback.tsx";
import { useResource } from "../ui/useResource.ts";
import { useAdminT } from "../ui/useAdminT.ts";
import { groupByMeeting, queryProblem } from "./archive.ts";

const PATH = "/admin/archive";
const meetingLink = (id: string) => `/admin/meetings/${encodeURIComponent(id)}`;

export function ArchivePage() {
  const { t } = useAdminT();
  const { search } = useLocation();
  const query = search.get("q");
  const meetings = useResource(useCallback(() => api.archiveMeetings(), []));
  // The search box is described by the query's problem only while it is shown.
  const [problemShown, setProblemShown] = useState(false);
  return (
    <section className="admin-page archive-page">
      <h1>{t("archive.title")}</h1>
      <p className="muted">{t("archive.intro")}</p>
      {/* Keyed by the URL's query, so going back shows that search's words in the box. */}
      <SearchForm key={`form:${query ?? ""}`} initial={query ?? ""} described={problemShown} />
      {query !== null && <SearchResults key={`results:${query}`} query={query} onProblem={setProblemShown} />}
      <section className="archive-meetings" aria-labelledby="archive-all">
        <h2 id="archive-all">
          {t("archive.allMeetings")} {meetings.data && <span className="count">{meetings.data.meetings.length}</span>}
        </h2>
        <ErrorLine error={meetings.error} onRetry={meetings.reload} />
        {!meetings.data && !meetings.error && <Loading />}
        {meetings.data && <MeetingTable meetings={meetings.data.meetings} />}
      </section>
    </section>
  );
}

function SearchForm({ initial, described }: { initial: string; described: boolean }) {
  const { t } = useAdminT();
  const [typed, setTyped] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(`${PATH}?q=${encodeURIComponent(typed)}`);
  };
  return (
    <form className="archive-search" role="search" onSubmit={submit}>
      <label htmlFor="archive-q" className="visually-hidden">
        {t("archive.searchLabel")}
      </label>
      <input
        id="archive-q"
        type="search"
        name="q"
        value={typed}
        placeholder={t("archive.placeholder")}
        onChange={(e) => setTyped(e.target.value)}
        aria-describedby={described ? "archive-q-problem" : undefined}
        data-testid="archive-query"
      />
      <button type="submit" className="primary" data-testid="archive-search">
        {t("archive.search")}
      </button>
    </form>
  );
}

function SearchResults({ query, onProblem }: { query: string; onProblem: (shown: boolean) => void }) {
  const { t } = useAdminT();
  const results = useResource(useCallback(() => api.archiveSearch(query), [query]));
  const problem = queryProblem(results.error, currentLanguage());
  useEffect(() => {
    onProblem(problem !== null);
    return () => onProblem(false);
  }, [problem, onProblem]);
  if (problem) {
    return (
      <p className="admin-error archive-problem" id="archive-q-problem" role="alert" data-testid="archive-query-problem">
        {t("archive.invalidQuery", { problem })}
      </p>
    );
  }
  if (results.error) return <ErrorLine error={results.error} onRetry={results.reload} />;
  if (!results.data)
    return (
      <p className="muted" role="status">
        {t("archive.searching")}
      </p>
    );
  const groups = groupByMeeting(results.data.results);
  const shown = results.data.query;
  if (groups.length === 0) {
    return (
      <p className="archive-empty" role="status" data-testid="archive-no-results">
        {t("archive.noResults", { query: shown })}
      </p>
    );
  }
  return (
    <section className="archive-results" aria-labelledby="archive-results-title" data-testid="archive-results">
      <h2 id="archive-results-title" aria-live="polite">
        {t("archive.resultsSummary", { query: shown, hits: results.data.results.length, meetings: groups.length })}
      </h2>
      {groups.map((g) => (
        <article key={g.meetingId} className="archive-meeting" data-testid="archive-meeting" data-meeting-id={g.meetingId}>
          <h3>
            <Link to={meetingLink(g.meetingId)} className="meeting-title-link" data-testid="archive-meeting-link">
              {g.meetingTitle}
            </Link>
            <span className="count">{t("archive.hitCount", { count: g.hits.length })}</span>
          </h3>
          <p className="muted small">
            {[g.meetingNumber, formatDateTime(g.date, currentLanguage(), g.timeZone)].filter(Boolean).join(" · ") || t("meetings.noDate")}
          </p>
          <ol className="archive-hits">
            {g.hits.map((hit) => (
              <Hit key={`${hit.kind}:${hit.ref}`} hit={hit} />
            ))}
          </ol>
        </article>
      ))}
    </section>
  );
}

function Hit({ hit }: { hit: SearchHit }) {
  const { t } = useAdminT();
  const where = [
    hit.item && (hit.kind === "minutes" ? hit.item : t("archive.item", { title: hit.item })),
    hit.speaker && t("archive.speaker", { name: hit.speaker }),
  ].filter(Boolean);
  return (
    <li className="archive-hit" data-testid="archive-hit" data-kind={hit.kind}>
      <div className="archive-hit-head">
        <span className="badge archive-kind" data-testid="archive-hit-kind">
          {t(`archive.kind.${hit.kind}`)}
        </span>
        {where.length > 0 && <span className="muted small">{where.join(" · ")}</span>}
      </div>
      <p className="archive-snippet" data-testid="archive-snippet">
        {hit.snippet.map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
      </p>
    </li>
  );
}

function MeetingTable({ meetings }: { meetings: ArchiveMeeting[] }) {
  const { t } = useAdminT();
  if (meetings.length === 0) return <p className="muted empty">{t("archive.noMeetings")}</p>;
  return (
    <table className="admin-table" data-testid="archive-meeting-table">
      <thead>
        <tr>
          <th scope="col" className="col-time">
            {t("archive.columnDate")}
          </th>
          <th scope="col" className="col-kind">
            {t("meetings.columnKind")}
          </th>
          <th scope="col">{t("meetings.columnTitle")}</th>
          <th scope="col">{t("archive.columnStatus")}</th>
          <th scope="col" className="num">
            {t("archive.columnCounts")}
          </th>
        </tr>
      </thead>
      <tbody>
        {meetings.map((m) => (
          <tr key={m.id} data-testid="archive-meeting-row">
            <td className="nowrap">{formatDateTime(m.date, currentLanguage(), m.timeZone) ?? <span className="muted">{t("meetings.noDate")}</span>}</td>
            <td>{meetingKindLabel(m.kind, currentLanguage())}</td>
            <td>
              <Link to={meetingLink(m.id)} className="meeting-title-link">
                {m.title}
              </Link>
              {m.archived && <span className="badge">{t("meetings.archived")}</span>}
              {m.number && <div className="muted small">{m.number}</div>}
            </td>
            <td>{t(`archive.status.${m.status}`)}</td>
            <td className="num">{t("archive.counts", { speeches: m.speeches, suggestions: m.suggestions })}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
