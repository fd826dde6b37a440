import { useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { sectorParty } from "@core/affiliation.ts";
import type { GroupDefinition, GroupingColumn, GroupingMethod } from "@core/groups/schema.ts";
import { GROUPING_COLUMNS } from "@core/groups/schema.ts";
import { rosterNames } from "@core/naming/displayNames.ts";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import {
  addGroup,
  definitionOf,
  draftOf,
  draftProblems,
  editGroup,
  groupablePeople,
  movePerson,
  proposeDraft,
  removeGroup,
  setOfficer,
  unplaced,
  type DraftGroup,
  type PlannerDraft,
  type PlannerPerson,
} from "./groupPlannerDraft.ts";
import "./groupsChair.css";

const METHODS: GroupingMethod[] = ["sector", "column", "topic", "hand"];
const COLUMNS = GROUPING_COLUMNS.filter((c) => c !== "sector");
/** Where the mover puts someone who should stay in the plenary. */
const PLENARY = "";

export interface GroupPlannerProps {
  /** The plenary's roster (its chairs are left out: they stay in the plenary and look into the groups). */
  roster: readonly PlannerPerson[];
  /** The definition to start from (the meeting's, or the organisers' saved one); null: a proposal by 界别. */
  initial: { method: GroupingMethod; groups: readonly GroupDefinition[] } | null;
  /** Sends the definition (`groups.define`, or PUT …/groups); true when it was accepted. */
  onSubmit: (definition: { method: GroupingMethod; groups: GroupDefinition[] }) => Promise<boolean>;
  /** The refusal to show (the server's message in the current language). */
  error: string | null;
  onClearError: () => void;
  pending: boolean;
  readOnly?: boolean;
  submitLabel?: string;
  /** Leaves the planner without sending (修改分组 → 取消). */
  onCancel?: () => void;
}

/**
 * 分组方案: choose how to split (按界别, 按名册列, 按议题自选, 手动), then edit the proposal — each
 * group's name, topic, place, convener and clerk, who is in it — with the counts in view, and send it.
 * Props-driven: the chair's console sends `groups.define`, the organisers' page PUT …/groups.
 */
export function GroupPlanner({ roster, initial, onSubmit, error, onClearError, pending, readOnly = false, submitLabel, onCancel }: GroupPlannerProps) {
  const { t } = useTranslation();
  const uid = useId();
  const nameOfGroup = (n: number) => t("groupsChair.plan.groupName", { n });
  const [draft, setDraft] = useState<PlannerDraft>(() =>
    initial && initial.groups.length > 0 ? draftOf(initial.method, initial.groups, roster) : proposeDraft(roster, "sector", "sector", nameOfGroup),
  );
  const [method, setMethod] = useState<GroupingMethod>(draft.method);
  const [column, setColumn] = useState<GroupingColumn>(draft.method === "column" ? draft.column : "party");
  const [changed, setChanged] = useState(false);
  const [saved, setSaved] = useState(false);

  const names = rosterNames(roster);
  const people = useMemo(() => groupablePeople(roster), [roster]);
  const byId = useMemo(() => new Map(roster.map((p) => [p.id, p])), [roster]);
  const nameOf = (id: string | null) => (id === null ? "—" : (names.get(id) ?? byId.get(id)?.name ?? "—"));
  const labelOf = (id: string) => [nameOf(id), ...sectorParty(byId.get(id))].join(" · ");
  const groupOf = (id: string) => draft.groups.find((g) => g.memberIds.includes(id));

  const change = (next: PlannerDraft) => {
    setDraft(next);
    setChanged(true);
    setSaved(false);
    onClearError();
  };
  const propose = () => change(proposeDraft(roster, method, column, nameOfGroup));

  const outside = unplaced(draft, roster);
  const placedCount = people.length - outside.length;
  const problems = draftProblems(draft);
  const topic = draft.method === "topic";
  const send = async () => {
    if (await onSubmit(definitionOf(draft))) {
      setChanged(false);
      setSaved(true);
    }
  };

  return (
    <div className="group-planner" data-testid="group-planner" data-method={draft.method}>
      <fieldset className="planner-method" disabled={readOnly}>
        <legend>{t("groupsChair.plan.method")}</legend>
        <div className="method-choice" role="radiogroup" aria-label={t("groupsChair.plan.method")}>
          {METHODS.map((m) => (
            <label key={m} className={method === m ? "selected" : undefined}>
              <input type="radio" name={`${uid}-method`} value={m} checked={method === m} onChange={() => setMethod(m)} data-testid={`plan-method-${m}`} />
              {t(`groupsChair.method.${m}`)}
            </label>
          ))}
        </div>
        <p className="muted small">{t(`groupsChair.plan.methodHint.${method}`)}</p>
        <div className="planner-row">
          {method === "column" && (
            <label className="field">
              <span>{t("groupsChair.plan.column")}</span>
              <select value={column} onChange={(e) => setColumn(e.target.value as GroupingColumn)} data-testid="plan-column">
                {COLUMNS.map((c) => (
                  <option key={c} value={c}>
                    {t(`groupsChair.column.${c}`)}
                  </option>
                ))}
              </select>
            </label>
          )}
          <button type="button" className="secondary" onClick={propose} data-testid="plan-propose">
            {t("groupsChair.plan.propose")}
          </button>
        </div>
      </fieldset>

      <p className="planner-counts" data-testid="plan-counts">
        {t("groupsChair.plan.counts", { groups: draft.groups.length, placed: placedCount, total: people.length })}
        {outside.length > 0 && (
          <span className="planner-unplaced-count" data-testid="plan-unplaced-count">
            {" · "}
            {t(topic ? "groupsChair.plan.unchosen" : "groupsChair.plan.unplaced", { count: outside.length })}
          </span>
        )}
      </p>

      {!readOnly && draft.groups.length > 0 && (
        <Mover draft={draft} people={people} labelOf={labelOf} groupOf={groupOf} onMove={(id, to) => change(movePerson(draft, id, to, roster))} />
      )}

      <ol className="planner-groups">
        {draft.groups.map((group, index) => (
          <GroupEditor
            key={group.groupId}
            group={group}
            index={index}
            topic={topic}
            readOnly={readOnly}
            candidates={topic ? people.filter((p) => group.memberIds.includes(p.id) || !groupOf(p.id)) : people.filter((p) => group.memberIds.includes(p.id))}
            problems={problems.filter((p) => p.groupId === group.groupId).map((p) => p.kind)}
            nameOf={nameOf}
            labelOf={labelOf}
            onEdit={(edit) => change(editGroup(draft, group.groupId, edit))}
            onOfficer={(officer, id) => change(setOfficer(draft, group.groupId, officer, id, roster))}
            onRemoveMember={(id) => change(movePerson(draft, id, null, roster))}
            onRemove={() => change(removeGroup(draft, group.groupId))}
          />
        ))}
      </ol>

      {!readOnly && (
        <button type="button" className="secondary" onClick={() => change(addGroup(draft, nameOfGroup(draft.groups.length + 1)))} data-testid="plan-add-group">
          {t("groupsChair.plan.addGroup")}
        </button>
      )}

      {outside.length > 0 && (
        <details className="planner-outside" data-testid="plan-unplaced">
          <summary>{t(topic ? "groupsChair.plan.unchosen" : "groupsChair.plan.unplaced", { count: outside.length })}</summary>
          <p className="muted small">{t(topic ? "groupsChair.plan.unchosenHint" : "groupsChair.plan.unplacedHint")}</p>
          <ul className="member-list">
            {outside.map((p) => (
              <li key={p.id}>{labelOf(p.id)}</li>
            ))}
          </ul>
        </details>
      )}

      {problems.some((p) => p.kind === "noGroups") && <p className="planner-problem">{t("groupsChair.problem.noGroups")}</p>}
      <ErrorNotice message={error} onClose={onClearError} />
      {!readOnly && (
        <div className="planner-actions">
          <button type="button" className="primary" disabled={pending || problems.length > 0} onClick={() => void send()} data-testid="plan-submit">
            {submitLabel ?? t("groupsChair.plan.submit")}
          </button>
          {onCancel && (
            <button type="button" className="secondary" onClick={onCancel} data-testid="plan-cancel">
              {t("groupsChair.plan.cancel")}
            </button>
          )}
          {saved && !changed && (
            <span className="planner-saved" role="status" data-testid="plan-saved">
              {t("groupsChair.plan.saved")}
            </span>
          )}
        </div>
      )}
    </div>
  );
}

/** 调整分组: find someone, pick the group (or 留在全体会议), move them. */
function Mover({
  draft,
  people,
  labelOf,
  groupOf,
  onMove,
}: {
  draft: PlannerDraft;
  people: readonly PlannerPerson[];
  labelOf: (id: string) => string;
  groupOf: (id: string) => DraftGroup | undefined;
  onMove: (personId: string, toGroupId: string | null) => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [chosen, setChosen] = useState("");
  const [target, setTarget] = useState(draft.groups[0]?.groupId ?? PLENARY);
  const needle = search.trim().toLowerCase();
  const matches = people.filter(
    (p) => !needle || [labelOf(p.id), p.name, p.sector, p.party, p.unit, p.household].some((v) => v?.toLowerCase().includes(needle)),
  );
  const selected = matches.some((p) => p.id === chosen) ? chosen : "";
  const targetId = target === PLENARY || draft.groups.some((g) => g.groupId === target) ? target : PLENARY;
  const where = (id: string) => groupOf(id)?.name ?? t("groupsChair.plan.inPlenary");
  return (
    <fieldset className="planner-mover" data-testid="plan-mover">
      <legend>{t("groupsChair.plan.move")}</legend>
      <div className="planner-row">
        <input
          type="search"
          className="grow"
          placeholder={t("groupsChair.plan.search")}
          aria-label={t("groupsChair.plan.search")}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          data-testid="plan-move-search"
        />
        <select
          className="grow"
          aria-label={t("groupsChair.plan.person")}
          value={selected}
          onChange={(e) => setChosen(e.target.value)}
          data-testid="plan-move-person"
        >
          <option value="">{t("groupsChair.plan.choosePerson", { count: matches.length })}</option>
          {matches.map((p) => (
            <option key={p.id} value={p.id}>
              {`${labelOf(p.id)} → ${where(p.id)}`}
            </option>
          ))}
        </select>
        <select
          className="grow"
          aria-label={t("groupsChair.plan.target")}
          value={targetId}
          onChange={(e) => setTarget(e.target.value)}
          data-testid="plan-move-target"
        >
          {draft.groups.map((g) => (
            <option key={g.groupId} value={g.groupId}>
              {g.name.trim() || t("groupsChair.plan.unnamed")}
            </option>
          ))}
          <option value={PLENARY}>{t("groupsChair.plan.inPlenary")}</option>
        </select>
        <button
          type="button"
          className="secondary"
          disabled={!selected}
          onClick={() => {
            onMove(selected, targetId === PLENARY ? null : targetId);
            setChosen("");
          }}
          data-testid="plan-move"
        >
          {t("groupsChair.plan.moveButton")}
        </button>
      </div>
    </fieldset>
  );
}

function GroupEditor({
  group,
  index,
  topic,
  readOnly,
  candidates,
  problems,
  nameOf,
  labelOf,
  onEdit,
  onOfficer,
  onRemoveMember,
  onRemove,
}: {
  group: DraftGroup;
  index: number;
  topic: boolean;
  readOnly: boolean;
  /** Who may convene or keep the record: the group's people, and in a topic round anyone not yet in another group. */
  candidates: readonly PlannerPerson[];
  problems: string[];
  nameOf: (id: string | null) => string;
  labelOf: (id: string) => string;
  onEdit: (edit: Partial<Pick<DraftGroup, "name" | "topic" | "place">>) => void;
  onOfficer: (officer: "convenerId" | "clerkId", id: string | null) => void;
  onRemoveMember: (id: string) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const title = group.name.trim() || t("groupsChair.plan.unnamed");
  return (
    <li className="planner-group" data-testid="plan-group" data-group={group.groupId}>
      <fieldset disabled={readOnly}>
        <legend className="planner-group-head">
          <span className="planner-group-index">{index + 1}</span>
          <span className="planner-group-title" data-testid="plan-group-title">
            {title}
          </span>
          <span className="count-chip" data-testid="plan-group-count">
            {t("groupsChair.people", { count: group.memberIds.length })}
          </span>
        </legend>
        <div className="planner-fields">
          <label className="field">
            <span>{t("groupsChair.field.name")}</span>
            <input type="text" maxLength={40} value={group.name} onChange={(e) => onEdit({ name: e.target.value })} data-testid="plan-group-name" />
          </label>
          <label className="field wide">
            <span>{t("groupsChair.field.topic")}</span>
            <input
              type="text"
              maxLength={200}
              value={group.topic}
              placeholder={topic ? t("groupsChair.field.topicNeeded") : undefined}
              onChange={(e) => onEdit({ topic: e.target.value })}
              data-testid="plan-group-topic"
            />
          </label>
          <label className="field">
            <span>{t("groupsChair.field.place")}</span>
            <input
              type="text"
              maxLength={60}
              value={group.place}
              placeholder={t("groupsChair.field.placeHint")}
              onChange={(e) => onEdit({ place: e.target.value })}
              data-testid="plan-group-place"
            />
          </label>
          <label className="field">
            <span>{t("groupsChair.field.convener")}</span>
            <select
              value={group.convenerId ?? ""}
              onChange={(e) => onOfficer("convenerId", e.target.value || null)}
              data-testid="plan-group-convener"
              aria-invalid={problems.includes("convenerMissing")}
            >
              {group.convenerId === null && <option value="">{t("groupsChair.field.choose")}</option>}
              {candidates.map((p) => (
                <option key={p.id} value={p.id}>
                  {labelOf(p.id)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t("groupsChair.field.clerk")}</span>
            <select value={group.clerkId ?? ""} onChange={(e) => onOfficer("clerkId", e.target.value || null)} data-testid="plan-group-clerk">
              <option value="">{t("groupsChair.field.noClerk")}</option>
              {candidates
                .filter((p) => p.id !== group.convenerId)
                .map((p) => (
                  <option key={p.id} value={p.id}>
                    {labelOf(p.id)}
                  </option>
                ))}
            </select>
          </label>
        </div>
        {problems.map((kind) => (
          <p key={kind} className="planner-problem" data-testid="plan-group-problem">
            {t(`groupsChair.problem.${kind}`)}
          </p>
        ))}
        <div className="planner-group-foot">
          <details className="planner-members">
            <summary id={`${uid}-members`} data-testid="plan-group-members-toggle">
              {t(topic ? "groupsChair.plan.chosenMembers" : "groupsChair.plan.members", { count: group.memberIds.length })}
            </summary>
            <ul className="member-list" aria-labelledby={`${uid}-members`}>
              {group.memberIds.map((id) => (
                <li key={id} data-testid="plan-member">
                  <span>
                    {labelOf(id)}
                    {id === group.convenerId && <span className="role-chip">{t("groupsChair.field.convener")}</span>}
                    {id === group.clerkId && <span className="role-chip">{t("groupsChair.field.clerk")}</span>}
                  </span>
                  {!readOnly && (
                    <button
                      type="button"
                      className="link"
                      aria-label={t("groupsChair.plan.removeMemberNamed", { name: nameOf(id) })}
                      onClick={() => onRemoveMember(id)}
                      data-testid="plan-member-remove"
                    >
                      {t("groupsChair.plan.removeMember")}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </details>
          {!readOnly && (
            <button type="button" className="link danger-link" onClick={onRemove} data-testid="plan-group-remove">
              {t("groupsChair.plan.removeGroup")}
            </button>
          )}
        </div>
      </fieldset>
    </li>
  );
}
