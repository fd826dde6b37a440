import { useTranslation } from "react-i18next";
import { formatClock } from "@core/clock.ts";
import type { Command } from "@core/meeting.ts";
import type { AgendaEntry } from "@core/agenda/schema.ts";
import { useMeeting, useServerNow } from "../../connection/useMeeting.ts";

/** Time spent on an item so far, including the running visit. */
export const spentMs = (item: AgendaEntry, now: number): number => item.actualMs + (item.startedAt === null ? 0 : Math.max(0, now - item.startedAt));

/** The agenda with planned vs actual time; the chair moves between items from here. */
export function AgendaPanel({ run, pending, chair }: { run?: (command: Command) => Promise<boolean>; pending?: boolean; chair: boolean }) {
  const { t } = useTranslation();
  const { state } = useMeeting();
  const now = useServerNow(1000);
  if (!state) return null;
  const open = state.status === "open";
  const currentIndex = state.agenda.findIndex((item) => item.id === state.currentItemId);
  return (
    <section className="panel" aria-labelledby="agenda-title">
      <h2 id="agenda-title">{t("agenda.title")}</h2>
      {state.agenda.length === 0 ? (
        <p className="muted">{t("agenda.none")}</p>
      ) : (
        <ol className="agenda" data-testid="agenda">
          {state.agenda.map((item, index) => {
            const current = item.id === state.currentItemId;
            const spent = spentMs(item, now);
            const over = spent > item.plannedMs;
            return (
              <li key={item.id} className={current ? "current" : undefined} aria-current={current ? "step" : undefined} data-testid="agenda-item">
                <div className="agenda-title">
                  <span className="pos">{index + 1}</span> {item.title}
                </div>
                <div className="agenda-times small">
                  <span className="muted">{t("agenda.planned", { minutes: Math.round(item.plannedMs / 60_000) })}</span>
                  {" · "}
                  <span className={over ? "over" : undefined}>
                    {t("agenda.actual", { time: formatClock(spent) })}
                    {over && <> · {t("agenda.over")}</>}
                  </span>
                </div>
                {chair && run && open && !current && (
                  <button
                    type="button"
                    className="secondary small-button"
                    disabled={pending}
                    onClick={() => void run({ type: "agenda.goto", itemId: item.id })}
                  >
                    {t("agenda.goto")}
                  </button>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {chair && run && open && state.agenda.length > 0 && (
        <button
          type="button"
          className="primary"
          disabled={pending || currentIndex >= state.agenda.length - 1}
          onClick={() => void run({ type: "agenda.next" })}
          data-testid="next-item"
        >
          {t("agenda.next")}
        </button>
      )}
    </section>
  );
}
