import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Poll } from "@core/poll/schema.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { useCommand } from "../../connection/useCommand.ts";
import { useMeeting } from "../../connection/useMeeting.ts";
import { chairTools } from "../meeting/chairTools.ts";
import { useActingRole } from "../meeting/useActingRole.ts";
import { PollCreateForm } from "./PollCreateForm.tsx";
import { PollItem } from "./PollItem.tsx";
import "./poll.css";

const ORDER: Record<Poll["status"], number> = { open: 0, draft: 1, closed: 2, published: 3 };

/**
 * 表决 for the chair (and the clerk): create, open, close, publish; turnout, live tally and
 * results; the show of hands. The clerk runs polls only when the organisers allow it.
 * Refusals (e.g. 已有一项表决正在进行) show here, beside the poll they concern.
 */
export function PollPanel() {
  const { t } = useTranslation();
  const { run, pending, error, clearError } = useCommand();
  const { state, welcome } = useMeeting();
  const [creating, setCreating] = useState(false);
  const role = useActingRole();
  // A mediation takes no vote (the core refuses its polls): no card, in the clerk's view either.
  if (!state || !welcome || !chairTools(state.kind).polls) return null;
  const mayRun = role === "chair" || (role === "clerk" && state.pollRules.clerkMay);
  const off = !state.pollRules.allowed;
  // The open poll first, then drafts, then the finished ones newest first.
  const polls = state.polls
    .map((p, i) => ({ p, i }))
    .sort((a, b) => ORDER[a.p.status] - ORDER[b.p.status] || b.i - a.i)
    .map(({ p }) => p);
  const latestDone = polls.find((p) => p.status === "closed" || p.status === "published");
  return (
    <section className="panel poll-panel" aria-labelledby="poll-panel-title" data-testid="poll-panel">
      <h2 id="poll-panel-title" className="poll-panel-head">
        <span>{t("poll.title")}</span>
        {mayRun && !creating && !off && (
          <button
            type="button"
            className="secondary small-button"
            disabled={state.status === "closed"}
            onClick={() => setCreating(true)}
            data-testid="poll-new"
          >
            + {t("poll.create")}
          </button>
        )}
      </h2>
      <ErrorNotice message={error} onClose={clearError} />
      {creating && <PollCreateForm run={run} pending={pending} onDone={() => setCreating(false)} />}
      {off && (
        <p className="muted small" data-testid="polls-off">
          {t("poll.off")}
        </p>
      )}
      {polls.length === 0 ? (
        !creating && !off && <p className="muted small">{t("poll.none")}</p>
      ) : (
        <ul className="poll-list">
          {polls.map((p) => (
            <PollItem
              key={p.pollId}
              poll={p}
              run={run}
              pending={pending}
              mayRun={mayRun}
              initiallyOpen={p === latestDone}
              handsOpen={role === "clerk"}
              staff={role === "chair" || role === "clerk"}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
