import { useId, useState, type FormEvent } from "react";
import { meetingKindLabel } from "@core/meetingKind.ts";
import { priorityText } from "@core/ordering/words.ts";
import {
  MEETING_KINDS,
  ORGANISER_KINDS,
  NOT_YET_SPOKEN,
  QUORUM_RULES,
  type MeetingInput,
  type MeetingKind,
  type MeetingMode,
  type NotYetSpoken,
  type QuorumRule,
} from "../types.ts";
import { ErrorLine, SuccessLine } from "../ui/Feedback.tsx";
import { useAdminT } from "../ui/useAdminT.ts";
import { useLang } from "../../i18n/words.ts";
import { fromLocalInput, toLocalInput } from "./format.ts";
import { DEFAULT_TIME_ZONE } from "@core/time/meetingTime.ts";
import { timeZoneChoices, zoneLabel } from "./timeZones.ts";

export const DEFAULT_MEETING: MeetingInput = {
  title: "",
  number: null,
  kind: "consultation",
  startsAt: null,
  place: null,
  mode: "hybrid",
  speechCapSeconds: 300,
  bookedCapSeconds: 480,
  pointOfOrderCapSeconds: 120,
  orderBookedFirst: true,
  orderPartyFirst: true,
  orderSectorBalance: true,
  orderNotYetSpoken: "item",
  orderSectorFirst: false,
  interjectionsAllowed: true,
  interjectionCapSeconds: 120,
  membersMayInterject: false,
  pollsAllowed: true,
  clerkMayRunPolls: false,
  recordShared: false,
  quorumRule: "majority",
  timeZone: DEFAULT_TIME_ZONE,
  micOpensOnFloor: false,
};

interface FormState {
  title: string;
  number: string;
  kind: MeetingKind;
  startsAt: string;
  place: string;
  mode: MeetingMode;
  capMinutes: string;
  bookedCapMinutes: string;
  pointOfOrderCapMinutes: string;
  orderBookedFirst: boolean;
  orderPartyFirst: boolean;
  orderSectorBalance: boolean;
  orderNotYetSpoken: NotYetSpoken;
  orderSectorFirst: boolean;
  interjectionsAllowed: boolean;
  interjectionCapMinutes: string;
  membersMayInterject: boolean;
  pollsAllowed: boolean;
  clerkMayRunPolls: boolean;
  recordShared: boolean;
  quorumRule: QuorumRule;
  timeZone: string;
  micOpensOnFloor: boolean;
}

const toForm = (m: MeetingInput): FormState => ({
  title: m.title,
  number: m.number ?? "",
  kind: m.kind,
  startsAt: toLocalInput(m.startsAt, m.timeZone),
  place: m.place ?? "",
  mode: m.mode,
  capMinutes: String(m.speechCapSeconds / 60),
  bookedCapMinutes: String(m.bookedCapSeconds / 60),
  pointOfOrderCapMinutes: String(m.pointOfOrderCapSeconds / 60),
  orderBookedFirst: m.orderBookedFirst,
  orderPartyFirst: m.orderPartyFirst,
  orderSectorBalance: m.orderSectorBalance,
  orderNotYetSpoken: m.orderNotYetSpoken,
  orderSectorFirst: m.orderSectorFirst,
  interjectionsAllowed: m.interjectionsAllowed,
  interjectionCapMinutes: String(m.interjectionCapSeconds / 60),
  membersMayInterject: m.membersMayInterject,
  pollsAllowed: m.pollsAllowed,
  clerkMayRunPolls: m.clerkMayRunPolls,
  recordShared: m.recordShared,
  quorumRule: m.quorumRule,
  timeZone: m.timeZone,
  micOpensOnFloor: m.micOpensOnFloor,
});

/** Minutes as typed, when within 0.5–60 (the server's 30–3600 seconds). */
const minutesOf = (text: string): number | null => {
  const minutes = Number(text);
  return text.trim() !== "" && Number.isFinite(minutes) && minutes >= 0.5 && minutes <= 60 ? minutes : null;
};

/** 基本信息: title, 文号, kind, time, place, mode and the rules of procedure. */
export function BasicInfoForm({
  initial,
  readOnly,
  submitLabel,
  onSubmit,
}: {
  initial: MeetingInput;
  readOnly: boolean;
  submitLabel: string;
  /** Resolves when saved; a rejection is shown under the form. */
  onSubmit: (input: MeetingInput) => Promise<void>;
}) {
  const { t } = useAdminT();
  const lang = useLang();
  const [form, setForm] = useState<FormState>(() => toForm(initial));
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const id = useId();
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => {
    setSaved(false);
    setForm((f) => ({ ...f, [key]: value }));
  };
  const capMinutes = minutesOf(form.capMinutes);
  const bookedMinutes = minutesOf(form.bookedCapMinutes);
  const pointOfOrderMinutes = minutesOf(form.pointOfOrderCapMinutes);
  const interjectionMinutes = minutesOf(form.interjectionCapMinutes);
  const capValid = capMinutes !== null && bookedMinutes !== null && pointOfOrderMinutes !== null && interjectionMinutes !== null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!form.title.trim() || capMinutes === null || bookedMinutes === null || pointOfOrderMinutes === null || interjectionMinutes === null) return;
    setPending(true);
    setError(null);
    try {
      await onSubmit({
        title: form.title.trim(),
        number: form.number.trim() || null,
        kind: form.kind,
        // The wall clock typed is read in the zone chosen beside it.
        startsAt: fromLocalInput(form.startsAt, form.timeZone),
        place: form.place.trim() || null,
        mode: form.mode,
        speechCapSeconds: Math.round(capMinutes * 60),
        bookedCapSeconds: Math.round(bookedMinutes * 60),
        pointOfOrderCapSeconds: Math.round(pointOfOrderMinutes * 60),
        orderBookedFirst: form.orderBookedFirst,
        orderPartyFirst: form.orderPartyFirst,
        orderSectorBalance: form.orderSectorBalance,
        orderNotYetSpoken: form.orderNotYetSpoken,
        orderSectorFirst: form.orderSectorFirst,
        interjectionsAllowed: form.interjectionsAllowed,
        interjectionCapSeconds: Math.round(interjectionMinutes * 60),
        membersMayInterject: form.membersMayInterject,
        pollsAllowed: form.pollsAllowed,
        clerkMayRunPolls: form.clerkMayRunPolls,
        recordShared: form.recordShared,
        quorumRule: form.quorumRule,
        timeZone: form.timeZone,
        micOpensOnFloor: form.micOpensOnFloor,
      });
      setSaved(true);
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  };

  return (
    <form className="admin-form info-form" onSubmit={(e) => void submit(e)} data-testid="meeting-form">
      <fieldset disabled={readOnly || pending} className="plain">
        <div className="form-grid">
          <div className="field span-2">
            <label htmlFor={`${id}-title`}>{t("info.title")}</label>
            <input id={`${id}-title`} name="title" required maxLength={200} value={form.title} onChange={(e) => set("title", e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-number`}>
              {t("info.number")}
              <span className="muted">{t("common.optional")}</span>
            </label>
            <input
              id={`${id}-number`}
              name="number"
              maxLength={100}
              placeholder={t("info.numberHint")}
              value={form.number}
              onChange={(e) => set("number", e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-kind`}>{t("info.kind")}</label>
            <select id={`${id}-kind`} name="kind" value={form.kind} onChange={(e) => set("kind", e.target.value as MeetingKind)}>
              {(form.kind === "group" ? MEETING_KINDS : ORGANISER_KINDS).map((k) => (
                <option key={k} value={k}>
                  {meetingKindLabel(k, lang)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-starts`}>{t("info.startsAt")}</label>
            <input id={`${id}-starts`} name="startsAt" type="datetime-local" value={form.startsAt} onChange={(e) => set("startsAt", e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-zone`}>{t("info.timeZone")}</label>
            <select id={`${id}-zone`} name="timeZone" value={form.timeZone} onChange={(e) => set("timeZone", e.target.value)}>
              {timeZoneChoices(form.timeZone).map((zone) => (
                <option key={zone} value={zone}>
                  {zoneLabel(zone, lang)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-place`}>{t("info.place")}</label>
            <input id={`${id}-place`} name="place" maxLength={200} value={form.place} onChange={(e) => set("place", e.target.value)} />
          </div>
          <fieldset className="field span-2 choice-group">
            <legend>{t("info.mode")}</legend>
            {(["hybrid", "online"] as const).map((mode) => (
              <label key={mode} className="choice">
                <input type="radio" name="mode" value={mode} checked={form.mode === mode} onChange={() => set("mode", mode)} />
                {t(`mode.${mode}`)}
              </label>
            ))}
          </fieldset>
        </div>
        <h3 className="form-section">{t("info.rules")}</h3>
        <div className="form-grid">
          <fieldset className="field span-2 choice-group">
            <legend>{t("info.quorum")}</legend>
            {QUORUM_RULES.map((rule) => (
              <label key={rule} className="choice">
                <input type="radio" name="quorumRule" value={rule} checked={form.quorumRule === rule} onChange={() => set("quorumRule", rule)} />
                {t(`quorum.${rule}`)}
              </label>
            ))}
          </fieldset>
          <label className="choice">
            <input
              type="checkbox"
              name="interjectionsAllowed"
              checked={form.interjectionsAllowed}
              onChange={(e) => set("interjectionsAllowed", e.target.checked)}
            />
            {t("info.interjections")}
          </label>
          <label className="choice">
            <input type="checkbox" name="pollsAllowed" checked={form.pollsAllowed} onChange={(e) => set("pollsAllowed", e.target.checked)} />
            {t("info.polls")}
          </label>
          <label className="choice">
            <input type="checkbox" name="clerkMayRunPolls" checked={form.clerkMayRunPolls} onChange={(e) => set("clerkMayRunPolls", e.target.checked)} />
            {t("info.clerkMayRunPolls")}
          </label>
          <label className="choice">
            <input type="checkbox" name="recordShared" checked={form.recordShared} onChange={(e) => set("recordShared", e.target.checked)} />
            {t("info.recordShared")}
          </label>
          <label className="choice">
            <input type="checkbox" name="micOpensOnFloor" checked={form.micOpensOnFloor} onChange={(e) => set("micOpensOnFloor", e.target.checked)} />
            {t("info.micOpensOnFloor")}
          </label>
        </div>
        <h3 className="form-section">{t("info.caps")}</h3>
        <div className="form-grid caps-grid">
          <CapField
            id={`${id}-booked-cap`}
            name="bookedCapMinutes"
            label={t("info.bookedCap")}
            value={form.bookedCapMinutes}
            onChange={(v) => set("bookedCapMinutes", v)}
          />
          <CapField id={`${id}-cap`} name="speechCapMinutes" label={t("info.speechCap")} value={form.capMinutes} onChange={(v) => set("capMinutes", v)} />
          <CapField
            id={`${id}-poo-cap`}
            name="pointOfOrderCapMinutes"
            label={t("info.pointOfOrderCap")}
            value={form.pointOfOrderCapMinutes}
            onChange={(v) => set("pointOfOrderCapMinutes", v)}
          />
          <span className="hint span-3">{t("info.speechCapHint")}</span>
        </div>
        <h3 className="form-section">{t("info.interjectionRules")}</h3>
        <div className="form-grid caps-grid">
          <CapField
            id={`${id}-interjection-cap`}
            name="interjectionCapMinutes"
            label={t("info.interjectionCap")}
            value={form.interjectionCapMinutes}
            onChange={(v) => set("interjectionCapMinutes", v)}
          />
          <label className="choice">
            <input
              type="checkbox"
              name="membersMayInterject"
              checked={form.membersMayInterject}
              onChange={(e) => set("membersMayInterject", e.target.checked)}
            />
            {t("info.membersMayInterject")}
          </label>
          <span className="hint span-3">{t("info.interjectionHint")}</span>
        </div>
        <h3 className="form-section">{t("info.ordering")}</h3>
        <div className="ordering-rules">
          <label className="choice">
            <input type="checkbox" name="orderBookedFirst" checked={form.orderBookedFirst} onChange={(e) => set("orderBookedFirst", e.target.checked)} />
            {t("info.orderBookedFirst")}
          </label>
          <label className="choice">
            <input type="checkbox" name="orderPartyFirst" checked={form.orderPartyFirst} onChange={(e) => set("orderPartyFirst", e.target.checked)} />
            {t("info.orderPartyFirst")}
          </label>
          <label className="choice">
            <input type="checkbox" name="orderSectorBalance" checked={form.orderSectorBalance} onChange={(e) => set("orderSectorBalance", e.target.checked)} />
            {t("info.orderSectorBalance")}
          </label>
          <label className="choice">
            <input
              type="checkbox"
              name="orderSectorFirst"
              checked={form.orderSectorFirst}
              disabled={!form.orderSectorBalance}
              onChange={(e) => set("orderSectorFirst", e.target.checked)}
            />
            {t("info.orderSectorFirst")}
          </label>
          <div className="field">
            <label htmlFor={`${id}-not-yet`}>{t("info.orderNotYetSpoken")}</label>
            <select
              id={`${id}-not-yet`}
              name="orderNotYetSpoken"
              value={form.orderNotYetSpoken}
              onChange={(e) => set("orderNotYetSpoken", e.target.value as NotYetSpoken)}
            >
              {NOT_YET_SPOKEN.map((value) => (
                <option key={value} value={value}>
                  {t(`info.notYetSpoken.${value}`)}
                </option>
              ))}
            </select>
          </div>
          <span className="hint" data-testid="ordering-priority">
            {t("info.orderingPriority", {
              order: priorityText(
                {
                  bookedFirst: form.orderBookedFirst,
                  partyFirst: form.orderPartyFirst,
                  sectorBalance: form.orderSectorBalance,
                  notYetSpoken: form.orderNotYetSpoken,
                  sectorFirst: form.orderSectorFirst,
                },
                lang,
              ),
            })}
          </span>
          <span className="hint">{t("info.orderingHint")}</span>
        </div>
      </fieldset>
      {!readOnly && (
        <div className="form-actions">
          <button type="submit" className="primary" disabled={pending || !form.title.trim() || !capValid} data-testid="save-meeting">
            {pending ? t("common.saving") : submitLabel}
          </button>
          <SuccessLine text={saved ? t("common.saved") : null} />
        </div>
      )}
      <ErrorLine error={error} />
    </form>
  );
}

/** One cap in minutes (0.5–60). */
function CapField({ id, name, label, value, onChange }: { id: string; name: string; label: string; value: string; onChange: (value: string) => void }) {
  const { t } = useAdminT();
  const valid = minutesOf(value) !== null;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="with-unit">
        <input
          id={id}
          name={name}
          type="number"
          min={0.5}
          max={60}
          step={0.5}
          required
          aria-invalid={!valid}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
        <span>{t("common.minutes")}</span>
      </div>
    </div>
  );
}
