// The grid worker's phone page (网格员, 375 px): the campaign and its door list by building and
// unit, each household's state; tap a household to record its answer, how it was collected and
// (纸质签字) a photo of the signed form. Recordings go through the offline queue: shown 待同步
// until the server has them, sent when the phone is back online. The page registers the service
// worker (../offline), so it reopens offline with the door list as last loaded (离线 · 数据更新于).
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import type { Campaign, Door } from "@core/api/campaign.ts";
import type { CampaignAnswerKind, CampaignMethod } from "@core/campaign/campaign.ts";
import { ErrorLine, Loading } from "../admin/ui/Feedback.tsx";
import { errorText, useAdminT } from "../admin/ui/useAdminT.ts";
import { api } from "../admin/api.ts";
import { currentLanguage } from "../i18n/i18n.ts";
import { keepForOffline } from "../offline/offlineShell.ts";
import { campaignApi } from "./campaignApi.ts";
import { AnswerChoices } from "./AnswerChoices.tsx";
import { OfflineQueue, shrinkPhoto, type QueuedAnswer, type Refused } from "./offlineQueue.ts";
import { householdName, useOnline } from "./campaignUi.ts";

const METHODS: Exclude<CampaignMethod, "own_link">[] = ["in_person", "paper", "phone"];
const RETRY_MS = 5000;

type State = CampaignAnswerKind | "none" | "pending";

export function DoorsPage({ campaignId }: { campaignId: string }) {
  const { t } = useAdminT();
  const queue = useMemo(() => new OfflineQueue(), []);
  const online = useOnline();
  const [data, setData] = useState<{ campaign: Campaign; doors: Door[]; copyOf: Date | null; loadedAt: Date } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState<QueuedAnswer[]>([]);
  const [refused, setRefused] = useState<Refused[]>([]);
  const [synced, setSynced] = useState(0);
  const [open, setOpen] = useState<Door | null>(null);
  const [onlyOpen, setOnlyOpen] = useState(false);
  const flushing = useRef(false);

  const load = useCallback(
    () =>
      campaignApi.doors(campaignId).then((answer) => {
        setData({ ...answer, loadedAt: answer.copyOf ?? new Date() });
        setError(null);
      }, setError),
    [campaignId],
  );
  const showPending = useCallback(() => queue.of(campaignId).then(setPending, setError), [queue, campaignId]);

  /** Sends what waits (when online); true when something was waiting. */
  const flush = useCallback(async (): Promise<boolean> => {
    if (flushing.current) return true;
    flushing.current = true;
    try {
      if ((await queue.all()).length === 0) return false;
      if (!navigator.onLine) return true;
      const outcome = await queue.flush({
        record: ({ campaignId: id, photo: _photo, ...answer }) => campaignApi.record(id, answer),
        photo: (answer, blob) => campaignApi.photo(answer.campaignId, answer.clientId, blob),
      });
      if (outcome.refused.length > 0) setRefused((r) => [...r, ...outcome.refused]);
      if (outcome.sent > 0) setSynced((n) => n + outcome.sent);
      if (outcome.sent > 0 || outcome.refused.length > 0) await load();
      await showPending();
      return true;
    } finally {
      flushing.current = false;
    }
  }, [queue, load, showPending]);

  useEffect(() => {
    void load();
    void showPending();
  }, [load, showPending]);
  // Kept for offline: the shell's session read and this door list go through the service worker.
  useEffect(() => {
    void keepForOffline(() => Promise.all([api.me(), load()]));
  }, [load]);
  // Back online, and every few seconds: send what waits, else follow the other grid workers' answers.
  useEffect(() => {
    if (online) void flush();
    const timer = window.setInterval(() => {
      void flush().then((waiting) => {
        if (!waiting && navigator.onLine) void load();
      });
    }, RETRY_MS);
    return () => window.clearInterval(timer);
  }, [online, flush, load]);

  /** Stored on the phone first (the form stays open with the reason if it cannot be), then sent. */
  const record = async (answer: QueuedAnswer) => {
    await queue.add(answer);
    await showPending();
    setOpen(null);
    await flush();
  };

  if (!data) return error ? <ErrorLine error={error} onRetry={() => void load()} /> : <Loading />;
  const { campaign, doors, copyOf, loadedAt } = data;
  const waiting = new Map(pending.map((p) => [p.householdId, p]));
  const stateOf = (door: Door): State => (waiting.has(door.id) ? "pending" : (door.current?.answer ?? "none"));
  const reached = doors.filter((d) => d.current !== null || waiting.has(d.id)).length;
  const groups = groupDoors(doors.filter((d) => !onlyOpen || stateOf(d) === "none"));

  return (
    <section className="admin-page campaign-doors" data-testid="campaign-doors">
      <h1>{campaign.title}</h1>
      <p className="campaign-question">{campaign.question}</p>
      <p className="campaign-counts">
        <span data-testid="doors-reached">{t("campaign.doors.reached", { reached, total: doors.length })}</span>
        {pending.length > 0 && (
          <span className="campaign-pending" data-testid="doors-pending">
            {t("campaign.doors.pendingCount", { count: pending.length })}
          </span>
        )}
      </p>
      {(!online || copyOf) && (
        <p className="campaign-offline" role="status" data-testid="doors-offline">
          <strong data-testid="doors-data-time">{t("campaign.doors.offlineAsOf", { time: clockTime(loadedAt) })}</strong> {t("campaign.doors.offline")}
        </p>
      )}
      <div role="status" aria-live="polite" className="campaign-synced">
        {synced > 0 && online && pending.length === 0 && t("campaign.doors.synced", { count: synced })}
      </div>
      {refused.map((r) => (
        <p key={r.answer.clientId} className="admin-error" role="alert" data-testid="doors-refused">
          {t(r.stage === "answer" ? "campaign.doors.refused" : "campaign.doors.photoRefused", {
            household: householdName(doors.find((d) => d.id === r.answer.householdId)),
            reason: errorText(r.error),
          })}
        </p>
      ))}
      {campaign.phase !== "open" && <p className="admin-error">{t(campaign.phase === "closed" ? "campaign.doors.closed" : "campaign.doors.upcoming")}</p>}
      <label className="campaign-filter">
        <input type="checkbox" checked={onlyOpen} onChange={(e) => setOnlyOpen(e.target.checked)} /> {t("campaign.doors.onlyOpen")}
      </label>
      {groups.map(({ building, units }) => (
        <section key={building} className="admin-card campaign-building" aria-label={building}>
          <h2>{building}</h2>
          {units.map(({ unit, doors: list }) => (
            <div key={unit} className="campaign-unit">
              <h3>{unit || t("campaign.doors.unitNone")}</h3>
              <ul className="campaign-door-grid">
                {list.map((door) => {
                  const state = stateOf(door);
                  return (
                    <li key={door.id}>
                      <button
                        type="button"
                        className={`campaign-door state-${state}`}
                        data-testid="door"
                        data-household={householdName(door)}
                        data-state={state}
                        disabled={campaign.phase !== "open"}
                        onClick={() => setOpen(door)}
                      >
                        <span className="campaign-door-room">{door.room}</span>
                        <span className="campaign-door-name">{door.representative}</span>
                        <span className="campaign-door-state">{t(`campaign.answer.${state}`)}</span>
                      </button>
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
        </section>
      ))}
      {open && <RecordForm campaign={campaign} door={open} onCancel={() => setOpen(null)} onRecord={record} />}
    </section>
  );
}

/** 10:32 on the phone's clock. */
const clockTime = (time: Date): string =>
  time.toLocaleTimeString(currentLanguage() === "zh" ? "zh-CN" : "en-GB", { hour: "2-digit", minute: "2-digit", hour12: false });

function groupDoors(doors: Door[]): { building: string; units: { unit: string; doors: Door[] }[] }[] {
  const buildings: { building: string; units: { unit: string; doors: Door[] }[] }[] = [];
  for (const door of doors) {
    let b = buildings.at(-1);
    if (b?.building !== door.building) buildings.push((b = { building: door.building, units: [] }));
    let u = b.units.at(-1);
    if (u?.unit !== door.unit) b.units.push((u = { unit: door.unit, doors: [] }));
    u.doors.push(door);
  }
  return buildings;
}

function RecordForm({
  campaign,
  door,
  onCancel,
  onRecord,
}: {
  campaign: Campaign;
  door: Door;
  onCancel: () => void;
  onRecord: (a: QueuedAnswer) => Promise<void>;
}) {
  const { t } = useAdminT();
  const [answer, setAnswer] = useState<CampaignAnswerKind | null>(null);
  const [method, setMethod] = useState<Exclude<CampaignMethod, "own_link">>("in_person");
  const [representative, setRepresentative] = useState(door.representative);
  const [photo, setPhoto] = useState<Blob | null>(null);
  const [shrinking, setShrinking] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!answer) return;
    setError(null);
    onRecord({
      campaignId: campaign.id,
      clientId: crypto.randomUUID(),
      householdId: door.id,
      answer,
      method,
      representative,
      recordedAt: new Date().toISOString(),
      ...(method === "paper" && photo ? { photo } : {}),
    }).catch(setError);
  };
  const choosePhoto = async (file: File | undefined) => {
    if (!file) return;
    setShrinking(true);
    try {
      setPhoto(await shrinkPhoto(file));
    } catch (e) {
      setError(e);
    } finally {
      setShrinking(false);
    }
  };

  return (
    <div className="campaign-sheet-backdrop">
      <form className="campaign-sheet" role="dialog" aria-modal="true" aria-labelledby="record-title" onSubmit={submit} data-testid="record-form">
        <h2 id="record-title">{t("campaign.record.title")}</h2>
        <p>
          <strong>{householdName(door)}</strong>
        </p>
        {door.current && (
          <p className="muted">
            {t("campaign.record.current", {
              answer: t(`campaign.answer.${door.current.answer}`),
              method: t(`campaign.method.${door.current.method}`),
              by: door.current.recordedByName,
            })}
          </p>
        )}
        <AnswerChoices answer={answer} onChange={setAnswer} />
        <label className="campaign-field">
          {t("campaign.record.method")}
          <select value={method} onChange={(e) => setMethod(e.target.value as typeof method)}>
            {METHODS.map((m) => (
              <option key={m} value={m}>
                {t(`campaign.method.${m}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="campaign-field">
          {t("campaign.record.representative")}
          <input value={representative} maxLength={64} onChange={(e) => setRepresentative(e.target.value)} />
        </label>
        {method === "paper" && (
          <label className="campaign-field">
            {t("campaign.record.photo")}
            <input type="file" accept="image/*" capture="environment" onChange={(e) => void choosePhoto(e.target.files?.[0])} />
            <span className="muted" data-testid="record-photo">
              {photo ? t("campaign.record.photoReady", { size: Math.max(1, Math.round(photo.size / 1024)) }) : t("campaign.record.photoHint")}
            </span>
          </label>
        )}
        <ErrorLine error={error} />
        <div className="campaign-sheet-actions">
          <button type="button" onClick={onCancel}>
            {t("campaign.record.cancel")}
          </button>
          <button type="submit" className="primary" disabled={!answer || shrinking}>
            {t("campaign.record.save")}
          </button>
        </div>
      </form>
    </div>
  );
}
