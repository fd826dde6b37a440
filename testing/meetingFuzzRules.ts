// The rules of the meeting, restated independently of the deciders, for the seeded fuzz test
// (meeting.fuzz.test.ts): the expected refusal of every command, the invariants of every state,
// and what every accepted command must have changed (and left alone). Test-only.
import type { ErrorCode } from "../core/errors.ts";
import type { Command, MeetingEvent } from "../core/meeting.ts";
import type { Actor } from "../core/roles.ts";
import { suggestNext } from "../core/ordering/suggest.ts";
import { computeResult } from "../core/poll/rules.ts";
import { displayName } from "../core/naming/displayNames.ts";
import type { Eligibility, EligibleVoter, Poll, PollDefinition, Tally } from "../core/poll/schema.ts";
import type { GroupDefinition } from "../core/groups/schema.ts";
import { spokenMs, type MeetingState } from "../core/state.ts";
import { deepEqual } from "./core.ts";

export type Check = (ok: boolean, what: string) => void;

/** The codes of the bargaining table (工资集体协商), the opening of a session with unlawful delegations included. */
export const BARGAINING_CODES: readonly ErrorCode[] = [
  "NOT_BARGAINING",
  "NOT_PRESIDING",
  "NOT_CHIEF",
  "NO_SIDE",
  "CLAUSE_AGREED",
  "OFFER_NOT_CURRENT",
  "SESSION_SUSPENDED",
  "NOT_SUSPENDED",
  "CAUCUS_RUNNING",
  "NO_CAUCUS",
  "DELEGATION_INVALID",
];

/** The codes of the mediation session (人民调解): separate talks and positions, and the polls a mediation never takes. */
export const MEDIATION_CODES: readonly ErrorCode[] = [
  "NOT_MEDIATION",
  "NOT_MEDIATOR",
  "NOT_PARTY",
  "SEPARATE_TALK_RUNNING",
  "NO_SEPARATE_TALK",
  "POLLS_NOT_IN_MEDIATION",
];

/** The codes of 分组讨论 (NOT_IN_GROUP is the server's, for groups.enter). */
export const GROUPS_CODES: readonly ErrorCode[] = [
  "GROUPS_OPEN",
  "GROUPS_NOT_DEFINED",
  "GROUPS_NOT_OPEN",
  "GROUP_MEMBER_TWICE",
  "GROUP_MEMBER_INVALID",
  "GROUP_CONVENER_MISSING",
  "GROUP_NAME_TWICE",
  "GROUP_NOT_SELF_SELECTED",
  "NOT_A_GROUP",
];

/** The codes decide itself can return (VALIDATION comes from parseCommand, and from decide for poll definitions and hands). */
export const DECIDE_CODES: readonly ErrorCode[] = [
  "FORBIDDEN",
  "ALREADY_IN_QUEUE",
  "NOT_IN_QUEUE",
  "HAS_FLOOR",
  "QUEUE_EMPTY",
  "NO_CURRENT_SPEECH",
  "SPEECH_PAUSED",
  "SPEECH_NOT_PAUSED",
  "BAD_POSITION",
  "MEETING_NOT_OPEN",
  "MEETING_CLOSED",
  "MEETING_ALREADY_OPEN",
  "ALREADY_PRESENT",
  "NO_NEXT_ITEM",
  "NOT_FOUND",
  "INTERJECTIONS_OFF",
  "ALREADY_REQUESTED",
  "INTERJECTION_RUNNING",
  "VALIDATION",
  "POLL_NOT_FOUND",
  "POLL_NOT_OPEN",
  "POLL_CLOSED",
  "POLL_ALREADY_OPEN",
  "POLL_NEEDS_CONFIRMATION",
  "NO_ELIGIBLE_VOTERS",
  "SECRET_BALLOT_RULE",
  "POLLS_OFF",
  "INVALID_BALLOT",
  "EDIT_CONFLICT",
  "WRITTEN_SPEECH_LIMIT",
  "NOT_ELIGIBLE",
  "PROXY_EXISTS",
  "PROXY_HOLDER_INVALID",
  "INTERPRETER_IS_CHAIR",
  "ALREADY_STENOGRAPHER",
  "STENOGRAPHER_LIMIT",
  "NOT_CURRENT_ENTRY",
  "INTERNAL",
  ...BARGAINING_CODES,
  ...MEDIATION_CODES,
  ...GROUPS_CODES,
];

/** The expected error, or null if allowed. Authorization always comes first, then the meeting's status. */
/** `now`: when the command is decided (a suspension's resumeAt must come after it). */
export function expectedError(
  s: MeetingState,
  command: Command,
  sender: Actor,
  { hasTally = true, now }: { hasTally?: boolean; now?: number } = {},
): ErrorCode | null {
  const actor = actingAs(s, sender);
  const inQueue = (id: string) => s.queue.some((e) => e.participantId === id);
  const onRoster = (id: string) => s.roster.some((p) => p.id === id);
  const isChair = actor.role === "chair";
  const isSystem = actor.role === "system";
  const isStaff = actor.role === "chair" || actor.role === "clerk";
  // Speaking and the agenda need a meeting in session.
  const session: ErrorCode | null = s.status === "scheduled" ? "MEETING_NOT_OPEN" : s.status === "closed" ? "MEETING_CLOSED" : null;
  switch (command.type) {
    case "queue.request":
      if (actor.role !== "member" && actor.role !== "official") return "FORBIDDEN";
      if (session) return session;
      if (s.floor?.participantId === actor.participantId) return "HAS_FLOOR";
      return inQueue(actor.participantId) ? "ALREADY_IN_QUEUE" : null;
    case "queue.add":
      if (!isStaff) return "FORBIDDEN";
      if (session) return session;
      if (command.participantId === undefined) return null;
      if (!onRoster(command.participantId)) return "NOT_FOUND";
      if (s.floor?.participantId === command.participantId) return "HAS_FLOOR";
      return inQueue(command.participantId) ? "ALREADY_IN_QUEUE" : null;
    case "queue.withdraw":
      return inQueue(actor.participantId) ? null : "NOT_IN_QUEUE";
    case "queue.remove":
      if (!isChair) return "FORBIDDEN";
      return session ?? (inQueue(command.participantId) ? null : "NOT_IN_QUEUE");
    case "queue.move":
      if (!isChair) return "FORBIDDEN";
      if (session) return session;
      if (!inQueue(command.participantId)) return "NOT_IN_QUEUE";
      return command.toIndex < s.queue.length ? null : "BAD_POSITION";
    case "floor.give": {
      if (!isChair) return "FORBIDDEN";
      if (session) return session;
      if (command.participantId === undefined && s.queue.length === 0) return "QUEUE_EMPTY";
      const target = command.participantId ?? suggestNext(s)?.participantId;
      const entry = s.queue.find((e) => e.participantId === target);
      if (!entry) return "NOT_IN_QUEUE";
      // Only a point of order interrupts an interjection.
      return s.interjection && entry.kind !== "pointOfOrder" ? "INTERJECTION_RUNNING" : null;
    }
    case "floor.end":
      // Only the chair or the speaker may end a speech.
      if (!isChair && s.floor?.participantId !== actor.participantId) return "FORBIDDEN";
      return s.floor ? null : "NO_CURRENT_SPEECH";
    case "floor.setCap":
      return isChair ? null : "FORBIDDEN";
    case "floor.extend":
    case "floor.pause":
    case "floor.resume":
      if (!isChair) return "FORBIDDEN";
      if (!s.floor) return "NO_CURRENT_SPEECH";
      if (command.type === "floor.pause" && s.floor.pausedAt !== null) return "SPEECH_PAUSED";
      if (command.type === "floor.resume" && s.floor.pausedAt === null) return "SPEECH_NOT_PAUSED";
      // The interjection that paused the speech holds its clock.
      if (command.type === "floor.resume" && s.interjection?.resumesSpeech && s.interjection.speechId === s.floor.speechId) return "INTERJECTION_RUNNING";
      return null;
    case "speech.submitWritten": {
      const onBehalf = command.participantId !== undefined && command.participantId !== actor.participantId;
      if (onBehalf ? !isStaff : actor.role !== "member" && actor.role !== "official") return "FORBIDDEN";
      if (session) return session;
      const author = command.participantId ?? actor.participantId;
      if (!onRoster(author)) return "NOT_FOUND";
      return s.written.filter((w) => w.participantId === author && w.agendaItemId === s.currentItemId).length >= 3 ? "WRITTEN_SPEECH_LIMIT" : null;
    }
    case "meeting.open":
      if (!isChair && !(isSystem && s.groupOf)) return "FORBIDDEN";
      if (s.status !== "scheduled") return s.status === "open" ? "MEETING_ALREADY_OPEN" : "MEETING_CLOSED";
      return s.kind === "bargaining" && !lawfulDelegations(s.roster) ? "DELEGATION_INVALID" : null;
    case "meeting.close":
      if (!isChair && !(isSystem && s.groupOf)) return "FORBIDDEN";
      if (session) return session;
      if (s.polls.some((p) => p.status === "open")) return "POLL_ALREADY_OPEN";
      // Groups in session are called back before the plenary closes.
      return s.groups.phase === "open" || s.groups.phase === "recalling" ? "GROUPS_OPEN" : null;
    case "agenda.goto":
      if (!isChair) return "FORBIDDEN";
      return session ?? (s.agenda.some((item) => item.id === command.itemId) ? null : "NOT_FOUND");
    case "agenda.next": {
      if (!isChair) return "FORBIDDEN";
      const current = s.agenda.findIndex((item) => item.id === s.currentItemId);
      return session ?? (current + 1 < s.agenda.length ? null : "NO_NEXT_ITEM");
    }
    case "attendance.arrive":
      // Staff mark people in the room; only the server may say "online" or "qr".
      if (!isSystem && !(isStaff && command.via === "clerk")) return "FORBIDDEN";
      return command.participantIds.every(onRoster) ? null : "NOT_FOUND";
    case "attendance.leave":
      if (!isSystem && !isStaff) return "FORBIDDEN";
      return command.participantIds.every(onRoster) ? null : "NOT_FOUND";
    case "attendance.excuse":
      if (!isStaff) return "FORBIDDEN";
      if (!onRoster(command.participantId)) return "NOT_FOUND";
      return command.excused && s.attendance[command.participantId]?.status === "present" ? "ALREADY_PRESENT" : null;
    case "config.sync":
      return isSystem ? null : "FORBIDDEN";
    case "venue.setMuted":
      if (!isChair) return "FORBIDDEN";
      return s.status === "closed" ? "MEETING_CLOSED" : null;
    case "interpretation.start": {
      if (!isStaff) return "FORBIDDEN";
      if (s.status === "closed") return "MEETING_CLOSED";
      const entry = s.roster.find((p) => p.id === command.participantId);
      if (!entry) return "NOT_FOUND";
      return actingAs(s, { participantId: entry.id, role: entry.role }).role === "chair" ? "INTERPRETER_IS_CHAIR" : null;
    }
    case "interpretation.stop":
      if (!isStaff) return "FORBIDDEN";
      return s.status === "closed" ? "MEETING_CLOSED" : null;
    case "interjection.request": {
      // Officials; members only where the meeting allows it.
      if (actor.role !== "official" && !(actor.role === "member" && s.interjectionRules.membersMay)) return "FORBIDDEN";
      if (session) return session;
      if (!s.interjectionRules.allowed || s.interjectionsOff.includes(s.currentItemId ?? "")) return "INTERJECTIONS_OFF";
      if (!s.floor && s.speeches.length === 0) return "NO_CURRENT_SPEECH";
      if (s.floor?.participantId === actor.participantId || s.interjection?.participantId === actor.participantId) return "HAS_FLOOR";
      return s.interjectionRequests.some((r) => r.participantId === actor.participantId) ? "ALREADY_REQUESTED" : null;
    }
    case "interjection.withdraw":
      return s.interjectionRequests.some((r) => r.participantId === actor.participantId) ? null : "NOT_FOUND";
    case "interjection.decline":
      if (!isChair) return "FORBIDDEN";
      return s.interjectionRequests.some((r) => r.requestId === command.requestId) ? null : "NOT_FOUND";
    case "interjection.grant":
      if (!isChair) return "FORBIDDEN";
      if (session) return session;
      if (!s.interjectionRequests.some((r) => r.requestId === command.requestId)) return "NOT_FOUND";
      return s.interjection ? "INTERJECTION_RUNNING" : null;
    case "interjection.end":
      if (!isChair && s.interjection?.participantId !== actor.participantId) return "FORBIDDEN";
      return s.interjection ? null : "NO_CURRENT_SPEECH";
    case "interjection.setOutcome": {
      // The target is looked up first; then only the chair or the clerk may mark it (not the interjector).
      const target =
        s.interjection?.interjectionId === command.interjectionId ? s.interjection : s.interjections.find((i) => i.interjectionId === command.interjectionId);
      if (!target) return "NOT_FOUND";
      return isStaff ? null : "FORBIDDEN";
    }
    case "interjection.setEnabled":
      if (!isChair) return "FORBIDDEN";
      return session;
    case "record.summarize":
    case "record.captureSuggestion":
    case "record.editSuggestion":
    case "record.withdrawSuggestion":
    case "record.addDecision":
    case "record.editDecision":
    case "record.withdrawDecision":
      return expectedRecordError(s, command, isStaff);
    case "stenography.assign":
    case "stenography.release":
    case "transcript.append":
    case "transcript.correct":
    case "transcript.draft":
      return expectedTranscriptError(s, command, actor, isStaff, session);
    case "poll.create":
    case "poll.discard":
    case "poll.open":
    case "poll.close":
    case "poll.publish":
    case "poll.enterHands":
    case "poll.recordProxy":
      return expectedPollError(s, command, actor, session, hasTally);
    case "bargaining.addClause":
    case "bargaining.offer":
    case "bargaining.accept":
    case "bargaining.handOver":
    case "bargaining.startCaucus":
    case "bargaining.endCaucus":
    case "bargaining.suspend":
    case "bargaining.resume":
      return expectedBargainingError(s, command, actor, session, now);
    case "mediation.startSeparateTalk":
    case "mediation.endSeparateTalk":
    case "mediation.statePosition":
      return expectedMediationError(s, command, actor, session);
    case "groups.define":
    case "groups.choose":
    case "groups.open":
    case "groups.notice":
    case "groups.recall":
    case "groups.close":
    case "groups.callReports":
    case "groups.progress":
    case "groups.reportReceive":
    case "groups.report":
      return expectedGroupsError(s, command, actor);
  }
}

/**
 * 分组讨论: who may (the chair runs the groups, the clerk helps define them and send notices, the
 * server relays and closes, members and officials choose a topic), then the meeting's status where
 * it matters, then the phase (none → defined → open → recalling → closed), then the command's own
 * checks. A group meeting's report needs a group meeting first of all.
 */
function expectedGroupsError(s: MeetingState, command: Extract<Command, { type: `groups.${string}` }>, actor: Actor): ErrorCode | null {
  const role = actor.role;
  const phase = s.groups.phase;
  const running = phase === "open" || phase === "recalling";
  // Asked of a round that is not (or no longer) defined: open if it runs, else not defined.
  const notDefined: ErrorCode = running ? "GROUPS_OPEN" : "GROUPS_NOT_DEFINED";
  const meeting: ErrorCode | null = s.status === "scheduled" ? "MEETING_NOT_OPEN" : s.status === "closed" ? "MEETING_CLOSED" : null;
  switch (command.type) {
    case "groups.define":
      if (role !== "chair" && role !== "clerk" && role !== "system") return "FORBIDDEN";
      if (s.status === "closed") return "MEETING_CLOSED";
      // A group meeting does not split again.
      if (s.groupOf !== null) return "FORBIDDEN";
      if (running) return "GROUPS_OPEN";
      return groupsDefinitionError(s, command.groups);
    case "groups.choose": {
      if (role !== "member" && role !== "official") return "FORBIDDEN";
      if (s.status === "closed") return "MEETING_CLOSED";
      if (phase !== "defined") return notDefined;
      if (s.groups.method !== "topic") return "GROUP_NOT_SELF_SELECTED";
      if (!s.groups.groups.some((g) => g.groupId === command.groupId)) return "NOT_FOUND";
      const mine = s.groups.groups.find((g) => g.memberIds.includes(actor.participantId));
      if (!mine || mine.groupId === command.groupId) return null;
      // Conveners and clerks were named for their group.
      return mine.convenerId === actor.participantId || mine.clerkId === actor.participantId ? "GROUP_MEMBER_INVALID" : null;
    }
    case "groups.open":
      if (role !== "chair" && role !== "system") return "FORBIDDEN";
      if (meeting) return meeting;
      if (phase !== "defined") return notDefined;
      // The roster may have changed since the definition: every convener and clerk must still sit.
      return expectedMembersAtOpening(s).every((g) => [g.convenerId, g.clerkId].every((id) => id === null || g.memberIds.includes(id)))
        ? null
        : "GROUP_CONVENER_MISSING";
    case "groups.notice":
      if (role !== "chair" && role !== "clerk") return "FORBIDDEN";
      return running ? null : "GROUPS_NOT_OPEN";
    case "groups.recall":
      if (role !== "chair") return "FORBIDDEN";
      return running ? null : "GROUPS_NOT_OPEN";
    case "groups.close":
      if (role !== "chair" && role !== "system") return "FORBIDDEN";
      return running ? null : "GROUPS_NOT_OPEN";
    case "groups.callReports":
      if (role !== "chair") return "FORBIDDEN";
      if (meeting) return meeting;
      return phase === "closed" ? null : notDefined;
    case "groups.progress":
    case "groups.reportReceive":
      if (role !== "system") return "FORBIDDEN";
      // Only a group that has a meeting (opened in this round) reports, and only from that meeting.
      return s.groups.groups.some((g) => g.groupId === command.groupId && g.meetingId !== null && g.meetingId === command.meetingId) ? null : "NOT_FOUND";
    case "groups.report":
      if (s.groupOf === null) return "NOT_A_GROUP";
      return role === "chair" || role === "clerk" ? null : "FORBIDDEN";
  }
}

/**
 * What is wrong with a definition, group by group: a name used before, a group id used before, then
 * each member (on the roster, not a chair of the meeting, in no group yet), then the convener and
 * the clerk among the group's members.
 */
function groupsDefinitionError(s: MeetingState, groups: readonly GroupDefinition[]): ErrorCode | null {
  const names: string[] = [];
  const groupIds: string[] = [];
  const placed: string[] = [];
  for (const g of groups) {
    if (names.includes(g.name)) return "GROUP_NAME_TWICE";
    if (groupIds.includes(g.groupId)) return "VALIDATION";
    names.push(g.name);
    groupIds.push(g.groupId);
    for (const id of g.memberIds) {
      const entry = s.roster.find((p) => p.id === id);
      if (entry === undefined) return "NOT_FOUND";
      if (entry.role === "chair") return "GROUP_MEMBER_INVALID";
      if (placed.includes(id)) return "GROUP_MEMBER_TWICE";
      placed.push(id);
    }
    if (!g.memberIds.includes(g.convenerId) || (g.clerkId !== null && !g.memberIds.includes(g.clerkId))) return "GROUP_CONVENER_MISSING";
  }
  return null;
}

/**
 * The groups as they open, restated: their members still on the roster and not chairs; in a topic
 * round each member or official who chose nothing goes, in roster order, to the group with the
 * fewest members then (the first of those).
 */
export function expectedMembersAtOpening(s: MeetingState): GroupDefinition[] {
  const sits = (id: string) => s.roster.some((p) => p.id === id && p.role !== "chair");
  const groups = s.groups.groups.map(({ groupId, name, topic, place, convenerId, clerkId, memberIds }) => ({
    groupId,
    name,
    topic,
    place,
    convenerId,
    clerkId,
    memberIds: memberIds.filter(sits),
  }));
  if (s.groups.method !== "topic" || groups.length === 0) return groups;
  for (const p of s.roster) {
    if ((p.role !== "member" && p.role !== "official") || groups.some((g) => g.memberIds.includes(p.id))) continue;
    let smallest = groups[0]!;
    for (const g of groups) if (g.memberIds.length < smallest.memberIds.length) smallest = g;
    smallest.memberIds = [...smallest.memberIds, p.id];
  }
  return groups;
}

/** A group's seats at opening, restated: its members in roster order (convener → chair, clerk → clerk), then every chair of the meeting as observer. */
function expectedSeats(s: MeetingState, g: GroupDefinition): { participantId: string; role: string }[] {
  const members = s.roster
    .filter((p) => g.memberIds.includes(p.id))
    .map((p) => ({ participantId: p.id, role: p.id === g.convenerId ? "chair" : p.id === g.clerkId ? "clerk" : p.role }));
  return [...members, ...s.roster.filter((p) => p.role === "chair").map((p) => ({ participantId: p.id, role: "observer" }))];
}

/**
 * 人民调解: only in a mediation meeting; then who may (the chair and officials are the mediators,
 * a roster member is a party), then the meeting in session, then the talk and the party.
 */
function expectedMediationError(
  s: MeetingState,
  command: Extract<Command, { type: `mediation.${string}` }>,
  actor: Actor,
  session: ErrorCode | null,
): ErrorCode | null {
  if (s.kind !== "mediation") return "NOT_MEDIATION";
  const mediator = actor.role === "chair" || actor.role === "official";
  const talk = s.mediation.talk;
  switch (command.type) {
    case "mediation.startSeparateTalk": {
      if (!mediator) return "NOT_MEDIATOR";
      if (session) return session;
      if (talk !== null) return "SEPARATE_TALK_RUNNING";
      const party = s.roster.find((p) => p.id === command.partyId);
      if (!party) return "NOT_FOUND";
      return party.role === "member" ? null : "NOT_PARTY";
    }
    case "mediation.endSeparateTalk":
      if (!mediator) return "NOT_MEDIATOR";
      return session ?? (talk === null ? "NO_SEPARATE_TALK" : null);
    case "mediation.statePosition": {
      const me = s.roster.find((p) => p.id === actor.participantId);
      if (actor.role !== "member" || me?.role !== "member") return "NOT_PARTY";
      return session ?? (talk !== null ? "SEPARATE_TALK_RUNNING" : null);
    }
  }
}

/** 工资集体协商: the chief of the presiding side holds the chair; a "chair" who is not that chief is a member; others keep their role. */
export function actingAs(s: MeetingState, actor: Actor): Actor {
  if (s.kind !== "bargaining") return actor;
  const chief = s.roster.find((p) => p.chief && p.side === s.bargaining.chairSide);
  if (!chief) return actor;
  if (actor.participantId === chief.id) return { ...actor, role: "chair" };
  return actor.role === "chair" ? { ...actor, role: "member" } : actor;
}

/**
 * The bargaining table: only in a bargaining meeting; then who may (the presiding chief, a
 * side's chief, anyone of a side, the recorder for clauses), then the meeting in session, then
 * the suspension for the table's business, then the clause and offer.
 */
function expectedBargainingError(
  s: MeetingState,
  command: Extract<Command, { type: `bargaining.${string}` }>,
  actor: Actor,
  session: ErrorCode | null,
  now: number | undefined,
): ErrorCode | null {
  if (s.kind !== "bargaining") return "NOT_BARGAINING";
  const b = s.bargaining;
  const me = s.roster.find((p) => p.id === actor.participantId);
  const presiding = me !== undefined && me.chief && me.side === b.chairSide;
  const chiefSide = me?.chief ? me.side : null;
  const clause = "clauseId" in command ? b.clauses.find((c) => c.clauseId === command.clauseId) : undefined;
  const suspended = b.suspension !== null ? "SESSION_SUSPENDED" : null;
  switch (command.type) {
    case "bargaining.addClause":
      if (!presiding && actor.role !== "clerk") return "NOT_PRESIDING";
      return session ?? suspended;
    case "bargaining.offer":
      if (!me?.side) return "NO_SIDE";
      if (session ?? suspended) return session ?? suspended;
      if (!clause) return "NOT_FOUND";
      return clause.agreed ? "CLAUSE_AGREED" : null;
    case "bargaining.accept": {
      if (!chiefSide) return "NOT_CHIEF";
      if (session ?? suspended) return session ?? suspended;
      if (!clause) return "NOT_FOUND";
      if (clause.agreed) return "CLAUSE_AGREED";
      const offer = clause.offers.find((o) => o.offerId === command.offerId);
      if (!offer) return "NOT_FOUND";
      const latest = clause.offers.filter((o) => o.side === offer.side).at(-1);
      return latest?.offerId === offer.offerId ? null : "OFFER_NOT_CURRENT";
    }
    case "bargaining.handOver":
      if (!presiding) return "NOT_PRESIDING";
      if (session) return session;
      return s.roster.some((p) => p.chief && p.side !== null && p.side !== b.chairSide) ? null : "NOT_FOUND";
    case "bargaining.startCaucus":
    case "bargaining.endCaucus": {
      if (!chiefSide) return "NOT_CHIEF";
      if (session) return session;
      const running = b.caucuses.some((c) => c.side === chiefSide && c.endedAt === null);
      if (command.type === "bargaining.startCaucus") return running ? "CAUCUS_RUNNING" : null;
      return running ? null : "NO_CAUCUS";
    }
    case "bargaining.suspend":
      if (!presiding) return "NOT_PRESIDING";
      // A resumption already past is no date to resume at.
      return session ?? suspended ?? (now !== undefined && command.resumeAt <= now ? "VALIDATION" : null);
    case "bargaining.resume":
      if (!presiding) return "NOT_PRESIDING";
      return session ?? (b.suspension === null ? "NOT_SUSPENDED" : null);
  }
}

/**
 * 即时表决: authorization, then the meeting's status (create, open), then the poll and its
 * status, then the command's own checks. `hasTally`: whether the server handed poll.close the
 * ballot box totals.
 */
/** Who spoke an entry and under which item, found in the state's own lists (null: no such entry). */
export function speakerOf(s: MeetingState, entry: { kind: string; id: string }): { participantId: string; itemId: string | null } | null {
  const speeches = [...s.speeches, ...(s.floor ? [s.floor] : [])];
  const interjections = [...s.interjections, ...(s.interjection ? [s.interjection] : [])];
  if (entry.kind === "speech") {
    const sp = speeches.find((x) => x.speechId === entry.id);
    return sp ? { participantId: sp.participantId, itemId: sp.agendaItemId } : null;
  }
  if (entry.kind === "interjection") {
    const ij = interjections.find((x) => x.interjectionId === entry.id);
    // An interjection belongs to the item of the speech it answered.
    return ij ? { participantId: ij.participantId, itemId: speeches.find((x) => x.speechId === ij.speechId)?.agendaItemId ?? null } : null;
  }
  const w = s.written.find((x) => x.writtenId === entry.id);
  return w ? { participantId: w.participantId, itemId: w.agendaItemId } : null;
}

/** Whether a summary's subject exists: an entry with its speaker, an agenda item's briefing or closing remarks, or the meeting's. */
const summaryTargetExists = (s: MeetingState, entry: { kind: string; id: string }): boolean =>
  entry.kind === "closing" && entry.id === "meeting"
    ? true
    : entry.kind === "briefing" || entry.kind === "closing"
      ? s.agenda.some((a) => a.id === entry.id)
      : speakerOf(s, entry) !== null;

/**
 * 速记: the staff name stenographers (not in a closed meeting, roster people, not twice, at most
 * 10); a stenographer or the staff types into the entry holding the floor while the meeting is
 * open; the staff correct any line at its current version; only the server drafts, for an entry
 * the meeting has had.
 */
function expectedTranscriptError(
  s: MeetingState,
  command: Extract<Command, { type: `stenography.${string}` | `transcript.${string}` }>,
  actor: Actor,
  isStaff: boolean,
  session: ErrorCode | null,
): ErrorCode | null {
  switch (command.type) {
    case "stenography.assign":
      if (!isStaff) return "FORBIDDEN";
      if (s.status === "closed") return "MEETING_CLOSED";
      if (!s.roster.some((p) => p.id === command.participantId)) return "NOT_FOUND";
      if (s.stenographers.includes(command.participantId)) return "ALREADY_STENOGRAPHER";
      return s.stenographers.length >= 10 ? "STENOGRAPHER_LIMIT" : null;
    case "stenography.release":
      if (!isStaff) return "FORBIDDEN";
      if (s.status === "closed") return "MEETING_CLOSED";
      return s.stenographers.includes(command.participantId) ? null : "NOT_FOUND";
    case "transcript.append": {
      const named = s.stenographers.includes(actor.participantId) && s.roster.some((p) => p.id === actor.participantId);
      if (!isStaff && !named) return "FORBIDDEN";
      if (session) return session;
      const holding = s.interjection ? `interjection:${s.interjection.interjectionId}` : s.floor ? `speech:${s.floor.speechId}` : null;
      return holding === `${command.entry.kind}:${command.entry.id}` ? null : "NOT_CURRENT_ENTRY";
    }
    case "transcript.correct": {
      if (!isStaff) return "FORBIDDEN";
      const line = s.transcript.find((l) => l.id === command.lineId);
      if (!line) return "NOT_FOUND";
      return line.version === command.baseVersion ? null : "EDIT_CONFLICT";
    }
    case "transcript.draft":
      if (actor.role !== "system") return "FORBIDDEN";
      return speakerOf(s, command.entry) ? null : "NOT_FOUND";
  }
}

/** The clerk's notes: staff only, then the thing noted must exist, then the version must be the current one. */
function expectedRecordError(s: MeetingState, command: Extract<Command, { type: `record.${string}` }>, isStaff: boolean): ErrorCode | null {
  if (!isStaff) return "FORBIDDEN";
  const speechIds = [...s.speeches.map((x) => x.speechId), ...(s.floor ? [s.floor.speechId] : [])];
  const interjectionIds = [...s.interjections.map((x) => x.interjectionId), ...(s.interjection ? [s.interjection.interjectionId] : [])];
  const exists = (entry: { kind: string; id: string }) =>
    (entry.kind === "speech" ? speechIds : entry.kind === "interjection" ? interjectionIds : s.written.map((w) => w.writtenId)).includes(entry.id);
  switch (command.type) {
    case "record.summarize":
      if (!summaryTargetExists(s, command.entry)) return "NOT_FOUND";
      return command.baseVersion === (s.notes.summaries[`${command.entry.kind}:${command.entry.id}`]?.version ?? 0) ? null : "EDIT_CONFLICT";
    case "record.captureSuggestion":
      return exists(command.entry) ? null : "NOT_FOUND";
    case "record.editSuggestion":
    case "record.withdrawSuggestion": {
      const suggestion = s.notes.suggestions.find((x) => x.suggestionId === command.suggestionId);
      if (!suggestion) return "NOT_FOUND";
      return command.type === "record.editSuggestion" && command.baseVersion !== suggestion.version ? "EDIT_CONFLICT" : null;
    }
    case "record.addDecision": {
      const itemId = command.itemId === undefined ? s.currentItemId : command.itemId;
      return itemId === null || s.agenda.some((i) => i.id === itemId) ? null : "NOT_FOUND";
    }
    case "record.editDecision":
    case "record.withdrawDecision": {
      const decision = s.notes.decisions.find((x) => x.decisionId === command.decisionId);
      if (!decision) return "NOT_FOUND";
      return command.type === "record.editDecision" && command.baseVersion !== decision.version ? "EDIT_CONFLICT" : null;
    }
  }
}

function expectedPollError(
  s: MeetingState,
  command: Extract<Command, { type: `poll.${string}` }>,
  actor: Actor,
  session: ErrorCode | null,
  hasTally: boolean,
): ErrorCode | null {
  // The chair runs polls (the clerk too where the organisers allow it); the server's timer closes them; staff enter hands.
  const runs = actor.role === "chair" || (actor.role === "clerk" && s.pollRules.clerkMay);
  if (
    command.type === "poll.enterHands" || command.type === "poll.recordProxy"
      ? actor.role !== "chair" && actor.role !== "clerk"
      : !runs && !(command.type === "poll.close" && actor.role === "system")
  )
    return "FORBIDDEN";
  // 人民调解 decides by agreement: no poll drafted, opened, voted on or published; one left from before the kind changed may be closed or discarded.
  if (s.kind === "mediation" && command.type !== "poll.close" && command.type !== "poll.discard") return "POLLS_NOT_IN_MEDIATION";
  if (command.type === "poll.create") {
    if (session) return session;
    if (!s.pollRules.allowed) return "POLLS_OFF";
    if (definitionInvalid(command.poll)) return "VALIDATION";
    const d = command.poll;
    // A secret ballot: no live tally, no changing votes, no weights, no latecomers kept apart for a 实到 clause.
    if (d.secret && (d.tallyVisibility !== "none" || d.allowChange || d.weighted)) return "SECRET_BALLOT_RULE";
    return d.secret && d.eligibility.absentMayVote && d.rule.some((c) => c.base === "present") ? "SECRET_BALLOT_RULE" : null;
  }
  const poll = s.polls.find((p) => p.pollId === command.pollId);
  if (!poll) return "POLL_NOT_FOUND";
  const notOpenCode = poll.status === "draft" ? "POLL_NOT_OPEN" : "POLL_CLOSED";
  switch (command.type) {
    case "poll.discard":
      return poll.status === "draft" ? null : "POLL_ALREADY_OPEN";
    case "poll.open":
      if (session) return session;
      if (poll.status !== "draft") return poll.status === "open" ? "POLL_ALREADY_OPEN" : "POLL_CLOSED";
      if (!s.pollRules.allowed) return "POLLS_OFF";
      if (s.polls.some((p) => p.status === "open")) return "POLL_ALREADY_OPEN";
      {
        const entitled = expectedEligible(s, poll.definition.eligibility, poll.definition.weighted);
        const voters = entitled.filter((u) => u.present || poll.definition.eligibility.absentMayVote);
        if (voters.length === 0) return "NO_ELIGIBLE_VOTERS";
        return command.confirmed !== true && needsConfirmation(s, poll.definition, entitled, voters) ? "POLL_NEEDS_CONFIRMATION" : null;
      }
    case "poll.close":
      if (poll.status !== "open") return notOpenCode;
      return hasTally ? null : "INTERNAL";
    case "poll.enterHands": {
      if (poll.status !== "open") return notOpenCode;
      // A show of hands is for single-answer polls, on the poll's options, at most one hand per eligible unit.
      if (poll.definition.form === "multiple") return "VALIDATION";
      if (Object.keys(command.counts).some((id) => !poll.options.some((o) => o.id === id))) return "INVALID_BALLOT";
      const mayRaise = poll.eligible.filter((u) => u.present || poll.definition.eligibility.absentMayVote).length;
      return Object.values(command.counts).reduce((a, b) => a + b, 0) > mayRaise ? "VALIDATION" : null;
    }
    case "poll.publish":
      if (poll.status === "published") return null;
      return poll.status === "closed" && poll.result !== null ? null : "POLL_NOT_OPEN";
    case "poll.recordProxy": {
      // Open polls only, a unit of the frozen list, one proxy per unit, held by a name or by someone present outside the unit.
      if (poll.status !== "open") return notOpenCode;
      const unit = poll.eligible.find((u) => u.unitId === command.unitId);
      if (!unit) return "NOT_ELIGIBLE";
      if (poll.proxies.some((p) => p.unitId === command.unitId)) return "PROXY_EXISTS";
      if ("name" in command.holder) return null;
      const id = command.holder.participantId;
      return s.roster.some((p) => p.id === id) && s.attendance[id]?.status === "present" && !unit.participantIds.includes(id) ? null : "PROXY_HOLDER_INVALID";
    }
  }
}

/**
 * Whether opening needs the chair's confirmation, restated: some clause fails even if every
 * unit that may vote (for a 实到 clause: every unit present) chose the option, the quorum fails
 * even if all of them voted, or the meeting's members present are below its quorum rule.
 */
function needsConfirmation(s: MeetingState, d: PollDefinition, entitled: readonly EligibleVoter[], voters: readonly EligibleVoter[]): boolean {
  const size = (units: readonly EligibleVoter[], byWeight: boolean) => Math.round(units.reduce((sum, u) => sum + (byWeight ? u.weight : 1), 0) * 10_000);
  const unreachable = d.rule.some((c) => {
    const scope = (units: readonly EligibleVoter[]) =>
      units.filter((u) => c.householdPrefix === undefined || (u.household ?? "").startsWith(c.householdPrefix));
    const byWeight = c.measure === "weight";
    const best = size(scope(c.base === "present" ? entitled.filter((u) => u.present) : voters), byWeight);
    const base = c.base === "cast" ? best : size(scope(c.base === "present" ? entitled.filter((u) => u.present) : entitled), byWeight);
    if (base === 0) return true;
    if (c.compare === "atMost" || c.compare === "less") return false;
    return c.compare === "atLeast" ? best * c.share.den < c.share.num * base : best * c.share.den <= c.share.num * base;
  });
  const q = d.quorum;
  const reaches = (best: number, base: number) =>
    base > 0 && (q!.compare === "more" ? best * q!.share.den > q!.share.num * base : best * q!.share.den >= q!.share.num * base);
  const quorumOut =
    q !== null &&
    ((q.measure !== "weight" && !reaches(voters.length, entitled.length)) || (q.measure !== "count" && !reaches(size(voters, true), size(entitled, true))));
  const members = s.roster.filter((p) => p.role === "member");
  const present = members.filter((p) => s.attendance[p.id]?.status === "present").length;
  const below = s.quorumRule === "majority" ? present * 2 <= members.length : s.quorumRule === "twoThirds" ? present * 3 < members.length * 2 : false;
  return unreachable || quorumOut || below;
}

/** A definition that parses but cannot be used. */
function definitionInvalid(d: PollDefinition): boolean {
  const choice = d.form === "single" || d.form === "multiple";
  const options = d.options ?? [];
  if (choice !== (d.options !== undefined)) return true;
  if (d.form !== "multiple" && (d.minChoices !== undefined || d.maxChoices !== undefined)) return true;
  if (d.form === "multiple") {
    const min = d.minChoices ?? 1;
    const max = d.maxChoices ?? options.length;
    if (!(min <= max && max <= options.length)) return true;
  }
  if (options.some((label, i) => options.indexOf(label) !== i)) return true;
  if (d.rule.some((c) => (c.share.num === c.share.den && c.compare === "more") || (c.share.num === 0 && c.compare !== "atMost"))) return true;
  // A quorum by weight needs a weighted poll.
  if (d.quorum !== null && d.quorum.measure !== "count" && !d.weighted) return true;
  return !d.weighted && d.rule.some((c) => c.measure === "weight");
}

/** The option ids of a form, restated: the fixed forms' own, or o1, o2… */
export function expectedOptions(d: PollDefinition): { id: string; label: string }[] {
  if (d.form === "yesNoAbstain")
    return [
      { id: "yes", label: "赞成" },
      { id: "no", label: "反对" },
      { id: "abstain", label: "弃权" },
    ];
  if (d.form === "consent")
    return [
      { id: "agree", label: "同意" },
      { id: "disagree", label: "不同意" },
    ];
  return (d.options ?? []).map((label, i) => ({ id: `o${i + 1}`, label }));
}

/**
 * Who is entitled (应到), restated: the roster in order, by role and side, present or not; a
 * household is one unit cast by any of its eligible members, weighing its largest share.
 */
export function expectedEligible(s: MeetingState, e: Eligibility, weighted: boolean): EligibleVoter[] {
  const units: EligibleVoter[] = [];
  for (const p of s.roster) {
    const present = s.attendance[p.id]?.status === "present";
    if (!e.roles.includes(p.role) || (e.side !== null && p.side !== e.side)) continue;
    const weight = weighted ? (p.weight ?? 1) : 1;
    const unitId = e.perHousehold && p.household ? `household:${p.household}` : p.id;
    const i = units.findIndex((u) => u.unitId === unitId);
    const was = units[i];
    if (was) units[i] = { ...was, participantIds: [...was.participantIds, p.id], weight: Math.max(was.weight, weight), present: was.present || present };
    else units.push({ unitId, participantIds: [p.id], weight, household: p.household, present });
  }
  return units;
}

const same = deepEqual;
const RANK = { scheduled: 0, open: 1, closed: 2 } as const;
const POLL_RANK = { draft: 0, open: 1, closed: 2, published: 3 } as const;

/** Checks one stored event against the state it is applied to, and the state it gives. */
export function checkEvent(before: MeetingState, event: MeetingEvent, after: MeetingState, check: Check) {
  const step = RANK[after.status] - RANK[before.status];
  const moves = event.type === "meeting.opened" ? 1 : event.type === "meeting.closed" ? 1 : 0;
  check(step === moves, `status moves only scheduled → open → closed, one step per event (${before.status} → ${after.status} on ${event.type})`);
  if (event.type === "meeting.opened") check(before.status === "scheduled", "only a scheduled meeting opens");
  if (event.type === "meeting.closed") check(before.status === "open", "only an open meeting closes");
  if (event.type === "speech.started") {
    check(before.floor === null, "a speech starts only when nobody holds the floor");
    check(before.status === "open", "a speech starts only in an open meeting");
    check(event.agendaItemId === before.currentItemId, `the speech belongs to the current item ${before.currentItemId}`);
  }
  if (event.type === "speech.started") {
    const entry = before.queue.find((e) => e.participantId === event.participantId);
    check(entry !== undefined, `${event.participantId} takes the floor from the queue`);
    if (entry) {
      check(
        event.kind === entry.kind && event.guestName === entry.guestName && event.bookingId === entry.bookingId,
        "the speech keeps the kind, guest name and booking of the queue entry",
      );
      check(event.capMs === before.speechCaps[entry.kind], `the speech gets the cap of its kind (${entry.kind}: ${before.speechCaps[entry.kind]})`);
    }
  }
  if (event.type === "queue.requested") {
    check(before.status === "open", "the queue grows only in an open meeting");
    if (event.by === "plan") {
      const booking = before.plan.find((p) => p.bookingId === event.bookingId);
      check(
        event.kind === "booked" && booking?.kind === "booked" && booking.participantId === event.participantId,
        `the plan queues only its booked speeches (${event.bookingId})`,
      );
    } else if (event.kind === "booked")
      check(
        event.bookingId === null && before.groups.phase === "closed" && before.groups.groups.some((g) => g.convenerId === event.participantId),
        "besides the plan, only the call for the groups' reports queues booked speeches: a convener's, with no booking",
      );
    else check(event.bookingId === null, "only the plan queues booked speeches");
    if (event.guestName)
      check(event.participantId.startsWith("guest-") && !before.roster.some((p) => p.id === event.participantId), "a guest gets a guest id, not a roster id");
  }
  if (event.type === "speech.written") {
    check(
      before.roster.some((p) => p.id === event.participantId),
      `a written speech is by someone on the roster (${event.participantId})`,
    );
    check(event.agendaItemId === before.currentItemId, "a written speech belongs to the current item");
  }
  if (event.type === "interjection.requested") {
    check(before.status === "open", "interjection requests come only in an open meeting");
    check(
      event.speechId === (before.floor?.speechId ?? before.speeches.at(-1)?.speechId),
      `a request answers the running speech, else the last one (${event.speechId})`,
    );
  }
  if (event.type === "interjection.started") {
    check(before.status === "open" && before.interjection === null, "an interjection starts only in an open meeting, when none runs");
    const request = before.interjectionRequests.find((r) => r.requestId === event.requestId);
    check(
      request !== undefined && request.participantId === event.participantId && request.speechId === event.speechId && request.point === event.point,
      "an interjection starts from a waiting request, as asked",
    );
    check(event.capMs === before.interjectionRules.capMs, `the interjection gets the meeting's cap (${before.interjectionRules.capMs})`);
  }
  if (event.type === "speech.started") check(before.interjection === null, "a speech never starts while an interjection runs (a point of order ends it first)");
  // A poll goes draft → open → closed → published, one step per event; only a draft is discarded; the frozen list never changes.
  for (const p of before.polls) {
    const now = after.polls.find((q) => q.pollId === p.pollId);
    if (!now) {
      check(event.type === "poll.discarded" && event.pollId === p.pollId && p.status === "draft", `poll ${p.pollId} goes away only when discarded as a draft`);
      continue;
    }
    const step = POLL_RANK[now.status] - POLL_RANK[p.status];
    const moves = event.type === "poll.opened" || event.type === "poll.closed" || event.type === "poll.published" ? event.pollId === p.pollId : false;
    check(step === (moves ? 1 : 0), `poll ${p.pollId} moves one step on its own events (${p.status} → ${now.status} on ${event.type})`);
    if (p.status !== "draft")
      check(now.eligible === p.eligible || same(now.eligible, p.eligible), `poll ${p.pollId}'s eligible list is unchanged after its opening (${event.type})`);
    if (p.status === "closed" || p.status === "published")
      check(same(now.result, p.result) && now.closedAt === p.closedAt, `poll ${p.pollId}'s result stays as decided`);
  }
  if (event.type === "poll.opened")
    check(before.status === "open" && !before.polls.some((p) => p.status === "open"), "a poll opens only in an open meeting, when none is open");
  if (event.type === "poll.created") check(before.status === "open", "a poll is created only in an open meeting");
  if (event.type.startsWith("record.")) checkRecordEvent(before, event, check);
  if (event.type.startsWith("bargaining."))
    check(before.kind === "bargaining" && before.status === "open", "the bargaining table sits only in an open bargaining meeting");
  if (event.type === "groups.opened")
    check(before.status === "open" && before.groups.phase === "defined", "groups open only from a definition, in an open meeting");
  if (event.type === "groups.defined")
    check(before.status !== "closed" && before.groups.phase !== "open" && before.groups.phase !== "recalling", "groups are defined only while none run");
  if (event.type.startsWith("mediation."))
    check(before.kind === "mediation" && before.status === "open", "a mediation session's talks and positions happen only in an open mediation meeting");
  if (event.type === "attendance.arrived" || event.type === "attendance.left" || event.type === "attendance.excused") {
    const ids = event.type === "attendance.excused" ? [event.participantId] : event.participantIds;
    check(
      ids.every((id) => before.roster.some((p) => p.id === id)),
      `attendance is recorded only for the roster: ${ids.join(",")}`,
    );
  }
}

/** 会议记录: notes are about things that exist, each save is the next version, ids are new. */
function checkRecordEvent(before: MeetingState, event: MeetingEvent, check: Check) {
  const n = before.notes;
  switch (event.type) {
    case "record.summarized":
      check(summaryTargetExists(before, event.entry), `a summary is about an entry of this meeting (${event.key})`);
      check(event.key === `${event.entry.kind}:${event.entry.id}`, `a summary's key ${event.key} names its entry`);
      check(event.version === (n.summaries[event.key]?.version ?? 0) + 1, `summary ${event.key} goes to the next version (${event.version})`);
      break;
    case "record.suggestionCaptured":
      check(speakerOf(before, event.entry) !== null, `a suggestion is about an entry of this meeting (${event.entry.kind}:${event.entry.id})`);
      check(!n.suggestions.some((x) => x.suggestionId === event.suggestionId), `suggestion id ${event.suggestionId} is new`);
      break;
    case "record.suggestionEdited":
      check(
        event.version === (n.suggestions.find((x) => x.suggestionId === event.suggestionId)?.version ?? NaN) + 1,
        `suggestion ${event.suggestionId} goes to the next version`,
      );
      break;
    case "record.decisionAdded":
      check(event.itemId === null || before.agenda.some((i) => i.id === event.itemId), `a decision is added to an item on the agenda (${event.itemId})`);
      check(!n.decisions.some((x) => x.decisionId === event.decisionId), `decision id ${event.decisionId} is new`);
      break;
    case "record.decisionEdited":
      check(
        event.version === (n.decisions.find((x) => x.decisionId === event.decisionId)?.version ?? NaN) + 1,
        `decision ${event.decisionId} goes to the next version`,
      );
      break;
    case "record.suggestionWithdrawn":
      check(
        n.suggestions.some((x) => x.suggestionId === event.suggestionId),
        `only a suggestion in the record is withdrawn (${event.suggestionId})`,
      );
      break;
    case "record.decisionWithdrawn":
      check(
        n.decisions.some((x) => x.decisionId === event.decisionId),
        `only a decision in the record is withdrawn (${event.decisionId})`,
      );
      break;
  }
}

/** `rearranged`: the chair moved someone since the queue was last empty (points of order may then be anywhere). */
export function checkInvariants(s: MeetingState, check: Check, { rearranged = false }: { rearranged?: boolean } = {}) {
  // The history ends where the current state is: each person's last change is their attendance now.
  const lastChange = new Map(s.attendanceLog.map((c) => [c.participantId, c]));
  check(lastChange.size === Object.keys(s.attendance).length, "everyone with an attendance has a history");
  for (const [id, a] of Object.entries(s.attendance)) {
    const c = lastChange.get(id);
    check(c !== undefined && c.status === a.status && c.via === a.via && c.at === a.since, `${id}'s last attendance change is their attendance now`);
  }
  const current = s.agenda.find((i) => i.id === s.currentItemId);
  if (current?.startedAt != null) check(same(s.itemVisits.at(-1), { itemId: current.id, at: current.startedAt }), "the last visit is the current item's");
  const ids = s.queue.map((e) => e.participantId);
  if (!rearranged) {
    const firstOther = s.queue.findIndex((e) => e.kind !== "pointOfOrder");
    check(
      firstOther < 0 || s.queue.slice(firstOther).every((e) => e.kind !== "pointOfOrder"),
      `points of order are together at the top: ${s.queue.map((e) => e.kind).join(",")}`,
    );
  }
  const delivered = new Set([...s.speeches.map((sp) => sp.bookingId), s.floor?.bookingId].filter((b) => b !== null && b !== undefined));
  for (const e of s.queue) {
    // A convener called to report (groups.callReports) waits as a booked speech with no booking.
    if (e.kind === "booked" && e.bookingId === null) check(e.guestName === null, "a convener called to report is on the roster");
    else if (e.kind === "booked") {
      check(
        e.bookingId !== null && s.plan.some((p) => p.kind === "booked" && p.bookingId === e.bookingId && p.participantId === e.participantId),
        `the booked entry of ${e.participantId} (${e.bookingId}) is in the plan`,
      );
      check(!delivered.has(e.bookingId!), `the booked entry ${e.bookingId} is not delivered yet`);
    } else check(e.bookingId === null, "only booked entries carry a booking");
    check(e.guestName === null || e.participantId.startsWith("guest-"), "guests have guest ids");
    check(s.asked.includes(e.participantId), `${e.participantId} waiting is among those who asked`);
  }
  const bookings = s.queue.map((e) => e.bookingId).filter((b) => b !== null);
  check(new Set(bookings).size === bookings.length, "a booking waits at most once");
  check(new Set(s.asked).size === s.asked.length, "asked lists everyone once");
  check(new Set(s.stenographers).size === s.stenographers.length && s.stenographers.length <= 10, "stenographers are named once each, at most 10");
  check(new Set(s.transcript.map((l) => l.id)).size === s.transcript.length, "transcript lines have unique ids");
  for (const l of s.transcript)
    check(
      l.version === l.history.length + 1 && (l.source === "machine") === (l.by === null),
      `line ${l.id}: one version per correction, typed lines name who typed them`,
    );
  if (s.floor) {
    const f = s.floor;
    check(f.pausedAt === null || f.pausedAt >= f.startedAt, `a paused speech's pausedAt ${f.pausedAt} ≥ startedAt ${f.startedAt}`);
    check(f.pausedMs >= 0 && f.extendedMs >= 0 && f.capMs > 0, "pauses, extensions and caps are not negative");
    for (const at of [f.startedAt - 1_000, f.startedAt, f.pausedAt ?? f.startedAt + 1, f.startedAt + 10_000_000])
      check(spokenMs(f, at) >= 0, `spokenMs at ${at} is not negative`);
  }
  check(new Set(ids).size === ids.length, `nobody is twice in the queue: ${ids.join(",")}`);
  check(!s.floor || !ids.includes(s.floor.participantId), `the floor holder ${s.floor?.participantId} is not also in the queue`);
  check((s.openedAt === null) === (s.status === "scheduled"), `openedAt ${s.openedAt} is set once the meeting opened (${s.status})`);
  check((s.closedAt === null) === (s.status !== "closed"), `closedAt ${s.closedAt} is set once the meeting closed (${s.status})`);
  if (s.status !== "open") {
    check(s.floor === null && s.queue.length === 0, `no floor and an empty queue while ${s.status}`);
    check(s.currentItemId === null, `no current item while ${s.status}`);
  }
  const running = s.agenda.filter((item) => item.startedAt !== null);
  check(running.length <= 1, `at most one agenda item runs: ${running.map((i) => i.id).join(",")}`);
  if (running[0]) check(running[0].id === s.currentItemId, `the running item ${running[0].id} is the current one (${s.currentItemId})`);
  if (s.currentItemId !== null) check(running.length === 1, `the current item ${s.currentItemId} is on the agenda and running`);
  check(
    s.agenda.every((item) => Number.isInteger(item.actualMs) && item.actualMs >= 0),
    "actual times are whole, non-negative milliseconds",
  );
  checkInterjections(s, check);
  checkPolls(s, check);
  checkNotes(s, check);
  checkBargaining(s, check);
  checkMediation(s, check);
  checkGroups(s, check);
  const last = s.speeches[s.speeches.length - 1];
  if (last) {
    check(last.pausedAt === null, "a finished speech is not paused");
    check(
      last.durationMs === Math.max(0, last.endedAt - last.startedAt - last.pausedMs),
      `durationMs ${last.durationMs} = max(0, endedAt - startedAt - pausedMs ${last.pausedMs})`,
    );
    check(
      last.overrunMs === Math.max(0, last.durationMs - last.capMs - last.extendedMs),
      `overrunMs ${last.overrunMs} = max(0, ${last.durationMs} - ${last.capMs} - ${last.extendedMs})`,
    );
    check(Number.isInteger(last.durationMs) && Number.isInteger(last.overrunMs), "durations are whole milliseconds");
  }
}

/** 插话: one at a time, never by the floor holder, holding the clock it paused; requests for the speech at hand, one each. */
function checkInterjections(s: MeetingState, check: Check) {
  const target = s.floor?.speechId ?? s.speeches.at(-1)?.speechId;
  const ij = s.interjection;
  if (s.status !== "open") check(ij === null && s.interjectionRequests.length === 0, `no interjection and no requests while ${s.status}`);
  if (ij) {
    check(ij.participantId !== s.floor?.participantId, `the interjector ${ij.participantId} does not hold the floor`);
    check(ij.speechId === target, `the interjection answers the running speech, else the last one (${ij.speechId}, ${target})`);
    if (ij.resumesSpeech)
      check(s.floor?.speechId === ij.speechId && s.floor.pausedAt !== null, "the speech the interjection will resume is on the floor and paused");
    check(!s.interjectionRequests.some((r) => r.participantId === ij.participantId), "the interjector has no request waiting");
  }
  const requesters = s.interjectionRequests.map((r) => r.participantId);
  check(new Set(requesters).size === requesters.length, `nobody has two interjection requests: ${requesters.join(",")}`);
  for (const r of s.interjectionRequests) {
    check(r.speechId === target, `the request ${r.requestId} answers the running speech, else the last one (${r.speechId}, ${target})`);
    check(r.participantId !== s.floor?.participantId, `the floor holder ${r.participantId} has no interjection request`);
    check(
      r.point === null || (r.point.length > 0 && r.point.length <= 200 && r.point === r.point.trim()),
      "a request's point is trimmed, not empty, at most 200 characters",
    );
  }
  const ids = [...s.interjections.map((i) => i.interjectionId), ...(ij ? [ij.interjectionId] : [])];
  check(new Set(ids).size === ids.length, "interjection ids are unique");
  const speechIds = new Set([...s.speeches.map((sp) => sp.speechId), s.floor?.speechId]);
  for (const i of s.interjections) {
    check(speechIds.has(i.speechId), `the interjection ${i.interjectionId} answers a speech of this meeting`);
    check(
      i.durationMs === Math.max(0, i.endedAt - i.startedAt),
      `interjection durationMs ${i.durationMs} = max(0, endedAt ${i.endedAt} - startedAt ${i.startedAt})`,
    );
    check(i.overrunMs === Math.max(0, i.durationMs - i.capMs), `interjection overrunMs ${i.overrunMs} = max(0, ${i.durationMs} - cap ${i.capMs})`);
    check(Number.isInteger(i.durationMs) && Number.isInteger(i.overrunMs), "interjection durations are whole milliseconds");
  }
}

/** 会议记录: versions from 1, summaries and suggestions about entries that exist, with their speaker and item; ids once. */
function checkNotes(s: MeetingState, check: Check) {
  for (const [key, summary] of Object.entries(s.notes.summaries)) {
    check(Number.isInteger(summary.version) && summary.version >= 1, `summary ${key} has a version ≥ 1 (${summary.version})`);
    // An agenda item can be removed by the organisers after its briefing or closing remarks were written: that note stays.
    const aboutItem = summary.entry.kind === "briefing" || summary.entry.kind === "closing";
    check(
      key === `${summary.entry.kind}:${summary.entry.id}` && (aboutItem || speakerOf(s, summary.entry) !== null),
      `summary ${key} is about an entry of this meeting`,
    );
  }
  const suggestionIds = s.notes.suggestions.map((x) => x.suggestionId);
  check(new Set(suggestionIds).size === suggestionIds.length, "suggestion ids are unique");
  for (const x of s.notes.suggestions) {
    const owner = speakerOf(s, x.entry);
    check(owner !== null, `suggestion ${x.suggestionId} is about an existing entry (${x.entry.kind}:${x.entry.id})`);
    check(owner?.participantId === x.participantId && owner.itemId === x.itemId, `suggestion ${x.suggestionId} carries the speaker and item of its entry`);
    check(Number.isInteger(x.version) && x.version >= 1, `suggestion ${x.suggestionId} has a version ≥ 1`);
    check(x.title.length > 0 && x.title === x.title.trim(), `suggestion ${x.suggestionId} has a trimmed title`);
  }
  const decisionIds = s.notes.decisions.map((x) => x.decisionId);
  check(new Set(decisionIds).size === decisionIds.length, "decision ids are unique");
  for (const x of s.notes.decisions) {
    check(Number.isInteger(x.version) && x.version >= 1, `decision ${x.decisionId} has a version ≥ 1`);
    check(x.text.length > 0 && (x.deadline === "" || /^\d{4}-\d{2}-\d{2}$/.test(x.deadline)), `decision ${x.decisionId} has a text and a date or no deadline`);
  }
}

/** 即时表决: one poll open at a time; each status with what it must have; the frozen list and the hands within bounds. */
function checkPolls(s: MeetingState, check: Check) {
  const open = s.polls.filter((p) => p.status === "open");
  check(open.length <= 1, `at most one poll is open: ${open.map((p) => p.pollId).join(",")}`);
  const ids = s.polls.map((p) => p.pollId);
  check(new Set(ids).size === ids.length, "poll ids are unique");
  for (const p of s.polls) {
    const what = `poll ${p.pollId} (${p.status})`;
    check(same(p.options, expectedOptions(p.definition)), `${what} has the options of its form`);
    if (p.status === "draft") {
      check(
        p.openedAt === null && p.closesAt === null && p.closedAt === null && p.eligible.length === 0 && p.hands === null && p.result === null,
        `${what}: nothing is frozen, counted or decided in a draft`,
      );
      continue;
    }
    check(p.openedAt !== null, `${what} has its opening time`);
    check(p.eligible.length > 0, `${what} has someone to vote`);
    const d = p.definition.durationSeconds;
    check(p.closesAt === (d === null || p.openedAt === null ? null : p.openedAt + d * 1000), `${what} closes itself ${d ?? "never"} s after its opening`);
    const unitIds = p.eligible.map((u) => u.unitId);
    const voters = p.eligible.flatMap((u) => u.participantIds);
    check(new Set(unitIds).size === unitIds.length && new Set(voters).size === voters.length, `${what}: every unit and every voter once on the list`);
    if (!p.definition.weighted)
      check(
        p.eligible.every((u) => u.weight === 1),
        `${what}: every unit weighs 1 when not weighted`,
      );
    check(p.eligible.some((u) => u.present) || p.definition.eligibility.absentMayVote, `${what}: someone present at the opening unless latecomers may vote`);
    if (p.hands) {
      check(
        Object.keys(p.hands).every((id) => p.options.some((o) => o.id === id)),
        `${what}: hands only for its options`,
      );
      const mayRaise = p.eligible.filter((u) => u.present || p.definition.eligibility.absentMayVote).length;
      check(Object.values(p.hands).reduce((a, b) => a + b, 0) <= mayRaise, `${what}: no more hands than units that may vote`);
    }
    if (p.status === "open") check(p.closedAt === null && p.result === null, `${what} has no result yet`);
    else {
      check(p.closedAt !== null && p.result !== null, `${what} has its closing time and its result`);
      if (p.result) checkResult(p, p.result, check);
    }
  }
}

/** What any result must say about its own poll. */
function checkResult(p: Poll, r: NonNullable<Poll["result"]>, check: Check) {
  const what = `poll ${p.pollId}'s result`;
  check(r.eligibleCount === p.eligible.length && r.presentCount === p.eligible.filter((u) => u.present).length, `${what} counts the frozen list`);
  check(r.hands === Object.values(p.hands ?? {}).reduce((a, b) => a + b, 0), `${what} counts the hands entered`);
  check(
    same(
      r.counts.map((c) => c.optionId),
      p.options.map((o) => o.id),
    ),
    `${what} has a count per option`,
  );
  check(r.passed === r.passedOptions.length > 0, `${what}: passed when some option passed`);
  const measured = p.definition.form === "yesNoAbstain" || p.definition.form === "consent" ? [p.options[0]!.id] : p.options.map((o) => o.id);
  check(
    r.passedOptions.every((id) => measured.includes(id)),
    `${what}: only measured options pass`,
  );
  check(r.clauses.length === measured.length * p.definition.rule.length, `${what}: one verdict per measured option and clause`);
  check(
    r.passedOptions.every((id) => r.clauses.every((c) => c.optionId !== id || c.passed)),
    `${what}: a passed option satisfied every clause`,
  );
  if (p.definition.form === "single") check(r.passedOptions.length <= 1, `${what}: a single choice elects at most one`);
  check((r.quorum === null) === (p.definition.quorum === null), `${what} judges the quorum when there is one`);
  if (r.quorum && !r.quorum.met) check(!r.passed, `${what}: nothing passes when the quorum is missed`);
}

type Key = Exclude<keyof MeetingState, "seq">;
const KEYS = Object.keys({
  kind: 0,
  status: 0,
  openedAt: 0,
  closedAt: 0,
  roster: 0,
  agenda: 0,
  currentItemId: 0,
  attendance: 0,
  quorumRule: 0,
  queue: 0,
  floor: 0,
  speeches: 0,
  venueMuted: 0,
  interpretation: 0,
  speechCaps: 0,
  ordering: 0,
  plan: 0,
  written: 0,
  asked: 0,
  interjectionRules: 0,
  interjectionsOff: 0,
  interjectionRequests: 0,
  interjection: 0,
  interjections: 0,
  polls: 0,
  pollRules: 0,
  notes: 0,
  recordShared: 0,
  stenographers: 0,
  transcript: 0,
  timeZone: 0,
  micOpensOnFloor: 0,
  attendanceLog: 0,
  itemVisits: 0,
  bargaining: 0,
  mediation: 0,
  groups: 0,
  groupOf: 0,
  groupReport: 0,
} satisfies Record<Key, 0>) as Key[];

const agendaInput = (s: MeetingState) => s.agenda.map(({ id, title, presenter, plannedMs }) => ({ id, title, presenter, plannedMs }));

/** What an accepted command must have done, and that it changed nothing else. */
/** `tally`: the ballot box totals poll.close was given. */
export function checkPostconditions(
  before: MeetingState,
  after: MeetingState,
  command: Command,
  actor: Actor,
  now: number,
  events: readonly MeetingEvent[],
  check: Check,
  tally?: Tally,
) {
  const same = deepEqual;
  const only = (...changed: Key[]) => {
    for (const key of KEYS) if (!changed.includes(key)) check(same(after[key], before[key]), `${command.type} leaves ${key} alone`);
  };
  const ids = (s: MeetingState) => s.queue.map((e) => e.participantId);
  const item = (s: MeetingState, id: string | null) => s.agenda.find((i) => i.id === id);
  /** The current item's actual time after its running visit is added at `now`. */
  const closedVisit = (id: string | null) => {
    const was = item(before, id);
    return was && was.startedAt !== null ? was.actualMs + Math.max(0, now - was.startedAt) : was?.actualMs;
  };
  const attendanceOf = (id: string) => after.attendance[id];
  switch (command.type) {
    case "queue.request":
      {
        const entry = { participantId: actor.participantId, requestedAt: now, kind: command.kind ?? "impromptu", guestName: null, bookingId: null };
        const order = before.queue.findIndex((e) => e.kind !== "pointOfOrder");
        const expected =
          entry.kind === "pointOfOrder" && order >= 0 ? [...before.queue.slice(0, order), entry, ...before.queue.slice(order)] : [...before.queue, entry];
        check(same(after.queue, expected), "request appends the sender (a point of order after the earlier ones, at the top)");
      }
      only("queue", "asked");
      break;
    case "queue.withdraw":
    case "queue.remove": {
      const target = command.type === "queue.remove" ? command.participantId : actor.participantId;
      check(
        same(
          ids(after),
          ids(before).filter((id) => id !== target),
        ),
        "withdraw/remove takes out exactly that person",
      );
      check(same(events, [{ type: "queue.withdrawn", participantId: target, by: actor.participantId }]), "withdrawn names who did it");
      only("queue");
      break;
    }
    case "queue.move":
      check(ids(after)[command.toIndex] === command.participantId, `moved to index ${command.toIndex}`);
      check(
        same(
          ids(after).filter((id) => id !== command.participantId),
          ids(before).filter((id) => id !== command.participantId),
        ),
        "the others keep their order",
      );
      check((events.length === 0) === (ids(before)[command.toIndex] === command.participantId), "a move to the same place decides nothing");
      check(same([...after.queue].sort(byId), [...before.queue].sort(byId)), "a move keeps the entries");
      only("queue");
      break;
    case "floor.give": {
      const suggested = suggestNext(before)?.participantId;
      const target = command.participantId ?? suggested;
      const entry = before.queue.find((e) => e.participantId === target)!;
      const override = suggested !== target ? { suggested, reason: command.reason || null } : null;
      const expected = {
        speechId: after.floor?.speechId,
        participantId: target,
        kind: entry.kind,
        guestName: entry.guestName,
        bookingId: entry.bookingId,
        startedAt: now,
        capMs: before.speechCaps[entry.kind],
        extendedMs: 0,
        pausedAt: null,
        pausedMs: 0,
        agendaItemId: before.currentItemId,
        override,
      };
      check(same(after.floor, expected), "give starts the target's speech with its kind's cap, on the current item, noting an override");
      check(
        same(
          ids(after),
          ids(before).filter((id) => id !== target),
        ),
        "give takes the speaker out of the queue",
      );
      checkEnded(before, after, now, actor, check, "give");
      checkInterjectionEnded(before, after, now, actor, check, "give");
      check(after.interjectionRequests.length === 0, "give lets the waiting interjection requests lapse");
      only("queue", "floor", "speeches", "interjection", "interjections", "interjectionRequests");
      break;
    }
    case "floor.extend":
      check(after.floor?.extendedMs === before.floor!.extendedMs + command.seconds * 1000, "extend adds the time to the running speech");
      only("floor");
      break;
    case "floor.pause":
    case "floor.resume": {
      const speech = after.floor!;
      const was = before.floor!;
      if (command.type === "floor.pause")
        check(speech.pausedAt === Math.max(now, was.startedAt) && speech.pausedMs === was.pausedMs, "pause stops the clock now (not before the start)");
      else check(speech.pausedAt === null && speech.pausedMs === was.pausedMs + Math.max(0, now - was.pausedAt!), "resume adds the pause to pausedMs");
      check(same({ ...speech, pausedAt: null, pausedMs: 0 }, { ...was, pausedAt: null, pausedMs: 0 }), "pause and resume change only the clock state");
      check(spokenMs(speech, now) === spokenMs(before.floor!, now), "pausing or resuming does not change the time spoken so far");
      check(!(command.type === "floor.resume" && before.interjection?.resumesSpeech), "the chair never resumes a speech an interjection holds");
      only("floor");
      break;
    }
    case "queue.add": {
      const added = after.queue.filter((e) => !before.queue.some((b) => b.participantId === e.participantId));
      check(
        added.length === 1 && added[0]!.kind === (command.kind ?? "impromptu") && added[0]!.guestName === (command.guestName ?? null),
        "add puts exactly that person (or guest) in line, with the kind",
      );
      if (command.participantId !== undefined) check(added[0]?.participantId === command.participantId, "add puts in the roster person named");
      else check(added[0]?.participantId.startsWith("guest-") === true && !before.asked.includes(added[0].participantId), "a guest gets a new guest id");
      const entry = added[0]!;
      check(entry.requestedAt === now && entry.bookingId === null, "added now, without a booking");
      const order = before.queue.findIndex((e) => e.kind !== "pointOfOrder");
      const expected =
        entry.kind === "pointOfOrder" && order >= 0 ? [...before.queue.slice(0, order), entry, ...before.queue.slice(order)] : [...before.queue, entry];
      check(same(after.queue, expected), "add appends (a point of order after the earlier ones, at the top)");
      check(
        same(after.asked, before.asked.includes(entry.participantId) ? before.asked : [...before.asked, entry.participantId]),
        "the person added is among those who asked",
      );
      only("queue", "asked");
      break;
    }
    case "speech.submitWritten": {
      check(after.written.length === before.written.length + 1, "a written speech is recorded");
      const w = after.written.at(-1);
      check(w?.text === command.text && w.participantId === (command.participantId ?? actor.participantId), "with its text and author");
      check(
        w?.at === now && w.submittedBy === actor.participantId && w.agendaItemId === before.currentItemId,
        "submitted now, by the sender, on the current item",
      );
      only("written");
      break;
    }
    case "floor.end":
      check(after.floor === null, "end frees the floor");
      checkEnded(before, after, now, actor, check, "end");
      checkInterjectionEnded(before, after, now, actor, check, "end");
      check(same(after.interjectionRequests, before.interjectionRequests), "requests to answer the speech just ended stay");
      only("floor", "speeches", "interjection", "interjections");
      break;
    case "floor.setCap":
      check(after.speechCaps[command.kind ?? "impromptu"] === command.seconds * 1000, "setCap sets the kind's cap in ms");
      only("speechCaps");
      break;
    case "meeting.open": {
      const first = before.agenda[0];
      check(after.status === "open" && after.openedAt === now, "open sets the status and the time");
      check(after.currentItemId === (first?.id ?? null), "the first item becomes current");
      check(
        same(
          after.agenda,
          before.agenda.map((i) => (i === first ? { ...i, startedAt: now } : i)),
        ),
        "only the first item's clock starts",
      );
      check(
        same(after.queue, [...before.queue, ...arrivals(before, [null, first?.id ?? null], now)]),
        "the booked speeches without an item, then the first item's, join the queue in planned order",
      );
      check(
        same(after.asked, [...before.asked, ...after.queue.map((e) => e.participantId).filter((id) => !before.asked.includes(id))]),
        "they are among those who asked",
      );
      only("status", "openedAt", "agenda", "currentItemId", "itemVisits", "queue", "asked");
      break;
    }
    case "meeting.close":
      check(after.status === "closed" && after.closedAt === now, "close sets the status and the time");
      check(item(after, before.currentItemId)?.actualMs === closedVisit(before.currentItemId), "close adds the running visit to the current item");
      check(
        after.agenda.every((i) => (i.id === before.currentItemId ? i.startedAt === null : same(i, item(before, i.id)))),
        "close stops the clock and leaves the other items alone",
      );
      checkEnded(before, after, now, actor, check, "close");
      checkInterjectionEnded(before, after, now, actor, check, "close");
      check(after.interjectionRequests.length === 0, "close lets the waiting interjection requests lapse");
      only("status", "closedAt", "agenda", "currentItemId", "queue", "floor", "speeches", "interjection", "interjections", "interjectionRequests");
      break;
    case "agenda.goto":
    case "agenda.next": {
      const target = after.currentItemId;
      if (command.type === "agenda.goto") check(target === command.itemId, "goto makes that item current");
      else check(target === before.agenda[before.agenda.findIndex((i) => i.id === before.currentItemId) + 1]?.id, "next makes the following item current");
      check((events.length === 0) === (target === before.currentItemId), "moving to the current item decides nothing");
      if (events.length > 0) {
        check(item(after, target)?.startedAt === now, "the new item's clock starts now");
        check(item(after, before.currentItemId)?.actualMs === closedVisit(before.currentItemId), "the previous item's visit is added to its time");
      }
      for (const i of after.agenda) if (i.id !== before.currentItemId) check(i.actualMs === item(before, i.id)?.actualMs, `${i.id} keeps its actual time`);
      const queued = events.length > 0 ? [...before.queue, ...arrivals(before, [target], now)] : before.queue;
      check(same(after.queue, queued), "the new item's booked speeches join the queue in planned order (not delivered, not waiting, not speaking)");
      check(
        same(after.asked, [...before.asked, ...after.queue.map((e) => e.participantId).filter((id) => !before.asked.includes(id))]),
        "they are among those who asked",
      );
      only("agenda", "currentItemId", "itemVisits", "queue", "asked");
      break;
    }
    case "attendance.arrive":
      for (const id of command.participantIds) {
        const was = before.attendance[id];
        check(
          same(attendanceOf(id), was?.status === "present" ? was : { status: "present", via: command.via, since: now }),
          `${id} is present (and keeps an earlier arrival)`,
        );
      }
      {
        const arriving = [...new Set(command.participantIds)].filter((id) => before.attendance[id]?.status !== "present");
        check(
          same(events, arriving.length ? [{ type: "attendance.arrived", participantIds: arriving, via: command.via, at: now }] : []),
          "each arrival is recorded once, none for people present",
        );
      }
      checkOthersAttendance(before, after, command.participantIds, check);
      only("attendance", "attendanceLog");
      break;
    case "attendance.leave":
      for (const id of command.participantIds) {
        const was = before.attendance[id];
        check(same(attendanceOf(id), was?.status === "present" ? { status: "absent", via: null, since: now } : was), `${id} left if present`);
      }
      {
        const leaving = [...new Set(command.participantIds)].filter((id) => before.attendance[id]?.status === "present");
        check(
          same(events, leaving.length ? [{ type: "attendance.left", participantIds: leaving, at: now }] : []),
          "each departure is recorded once, none for people absent",
        );
      }
      checkOthersAttendance(before, after, command.participantIds, check);
      only("attendance", "attendanceLog");
      break;
    case "attendance.excuse": {
      const was = before.attendance[command.participantId];
      const changes = (was?.status === "excused") !== command.excused;
      const expected = changes ? { status: command.excused ? "excused" : "absent", via: null, since: now } : was;
      check(same(attendanceOf(command.participantId), expected), `${command.participantId} is ${command.excused ? "excused" : "no longer excused"}`);
      check(
        same(events, changes ? [{ type: "attendance.excused", participantId: command.participantId, excused: command.excused, at: now }] : []),
        "an excuse that changes nothing decides nothing",
      );
      checkOthersAttendance(before, after, [command.participantId], check);
      only("attendance", "attendanceLog");
      break;
    }
    case "config.sync": {
      const syncedOrdering = { ...command.ordering, sectorFirst: command.ordering.sectorFirst ?? false };
      const differs = [
        !same(command.roster, before.roster) && "roster.set",
        !same(command.agenda, agendaInput(before)) && "agenda.set",
        command.quorumRule !== before.quorumRule && "attendance.ruleSet",
        ...(["booked", "impromptu", "pointOfOrder"] as const).map(
          (k) => before.status === "scheduled" && command.speechCaps[k] !== before.speechCaps[k] && "floor.capSet",
        ),
        !same(syncedOrdering, before.ordering) && "ordering.set",
        !same(command.plan, before.plan) && "plan.set",
        command.interjectionRules !== undefined && !same(command.interjectionRules, before.interjectionRules) && "interjection.rulesSet",
        command.pollRules !== undefined && !same(command.pollRules, before.pollRules) && "poll.rulesSet",
        command.kind !== undefined && command.kind !== before.kind && "meeting.kindSet",
        command.timeZone !== undefined && command.timeZone !== before.timeZone && "meeting.timeZoneSet",
        command.groupOf !== undefined && !same(command.groupOf, before.groupOf) && "meeting.groupOfSet",
        command.micOpensOnFloor !== undefined && command.micOpensOnFloor !== before.micOpensOnFloor && "meeting.micOpensOnFloorSet",
        command.recordShared !== undefined && command.recordShared !== before.recordShared && "record.sharedSet",
      ].filter(Boolean);
      check(
        same(
          events.map((e) => e.type),
          differs,
        ),
        `sync emits only what differs: ${differs.join(",")}`,
      );
      check(
        same(after.roster, command.roster) && same(agendaInput(after), command.agenda) && after.quorumRule === command.quorumRule,
        "sync sets roster, agenda, rule",
      );
      check(same(after.speechCaps, before.status === "scheduled" ? command.speechCaps : before.speechCaps), "sync sets the caps only before the meeting");
      for (const i of after.agenda) {
        const was = item(before, i.id);
        check(i.actualMs === (was?.actualMs ?? 0) && i.startedAt === (was?.startedAt ?? null), `${i.id} keeps its clock across a sync`);
      }
      check(after.currentItemId === (item(after, before.currentItemId) ? before.currentItemId : null), "the current item stays unless removed");
      check(same(after.ordering, syncedOrdering) && same(after.plan, command.plan), "sync sets the ordering rules (sectorFirst off when absent) and the plan");
      const stillBooked = (e: MeetingState["queue"][number]) =>
        e.kind !== "booked" ||
        e.bookingId === null ||
        command.plan.some((p) => p.kind === "booked" && p.bookingId === e.bookingId && p.participantId === e.participantId);
      check(same(after.queue, before.queue.filter(stillBooked)), "a waiting booked speech whose booking went away leaves the queue; nothing else does");
      check(same(after.interjectionRules, command.interjectionRules ?? before.interjectionRules), "sync sets the interjection rules when it carries them");
      check(same(after.pollRules, command.pollRules ?? before.pollRules), "sync sets the poll rules when it carries them");
      check(after.recordShared === (command.recordShared ?? before.recordShared), "sync shares the record (or not) when it carries the setting");
      check(after.kind === (command.kind ?? before.kind), "sync sets the kind of meeting when it carries it");
      check(after.timeZone === (command.timeZone ?? before.timeZone), "sync sets the time zone when it carries it");
      check(
        same(after.groupOf, command.groupOf === undefined ? before.groupOf : command.groupOf),
        "sync links the meeting to its plenary when it carries the link",
      );
      check(after.micOpensOnFloor === (command.micOpensOnFloor ?? before.micOpensOnFloor), "sync sets whether the mic opens on the floor when it carries it");
      only(
        "roster",
        "agenda",
        "currentItemId",
        "quorumRule",
        "speechCaps",
        "ordering",
        "plan",
        "queue",
        "interjectionRules",
        "pollRules",
        "recordShared",
        "kind",
        "timeZone",
        "micOpensOnFloor",
        "groupOf",
      );
      break;
    }
    case "venue.setMuted":
      check(after.venueMuted === command.muted, "setMuted sets the room feed's mute");
      check((events.length === 0) === (before.venueMuted === command.muted), "setting the mute it already has decides nothing");
      only("venueMuted");
      break;
    case "interpretation.start": {
      const same = (i: MeetingState["interpretation"]) => i?.interpreterId === command.participantId && i.language === command.language;
      check(same(after.interpretation), "start names the interpreter and the language");
      check((events.length === 0) === same(before.interpretation), "naming the interpretation already running decides nothing");
      only("interpretation");
      break;
    }
    case "interpretation.stop":
      check(after.interpretation === null, "stop ends the interpretation");
      check((events.length === 0) === (before.interpretation === null), "stopping when none runs decides nothing");
      only("interpretation");
      break;
    case "interjection.request": {
      const request = after.interjectionRequests.at(-1);
      const expected = {
        requestId: request?.requestId,
        participantId: actor.participantId,
        speechId: before.floor?.speechId ?? before.speeches.at(-1)?.speechId,
        point: command.point || null,
        at: now,
      };
      check(
        same(after.interjectionRequests, [...before.interjectionRequests, expected]),
        "request adds the sender's request for the speech at hand, with the point",
      );
      check(request !== undefined && !before.interjectionRequests.some((r) => r.requestId === request.requestId), "with a new request id");
      only("interjectionRequests");
      break;
    }
    case "interjection.withdraw":
    case "interjection.decline": {
      const gone = before.interjectionRequests.filter((r) => !after.interjectionRequests.includes(r));
      const expected =
        command.type === "interjection.decline"
          ? command.requestId
          : before.interjectionRequests.find((r) => r.participantId === actor.participantId)?.requestId;
      check(
        gone.length === 1 && gone[0]!.requestId === expected && after.interjectionRequests.length === before.interjectionRequests.length - 1,
        "withdraw or decline removes exactly that request",
      );
      only("interjectionRequests");
      break;
    }
    case "interjection.grant": {
      const request = before.interjectionRequests.find((r) => r.requestId === command.requestId)!;
      const speech = before.floor;
      const pauses = speech !== null && speech.speechId === request.speechId && speech.pausedAt === null;
      check(
        same(
          after.interjectionRequests,
          before.interjectionRequests.filter((r) => r !== request),
        ),
        "grant takes the request out of the list",
      );
      const { participantId, speechId, point } = request;
      check(
        same(after.interjection, {
          interjectionId: after.interjection?.interjectionId,
          participantId,
          speechId,
          point,
          startedAt: now,
          capMs: before.interjectionRules.capMs,
          resumesSpeech: pauses,
          outcome: null,
        }),
        "grant starts the interjection now, with the meeting's cap, for the speech and point asked",
      );
      check(
        same(after.floor, pauses ? { ...speech, pausedAt: Math.max(now, speech.startedAt) } : speech),
        "grant pauses the running speech's clock (and leaves a paused or finished one alone)",
      );
      only("interjectionRequests", "interjection", "floor");
      break;
    }
    case "interjection.end": {
      checkInterjectionEnded(before, after, now, actor, check, "interjection.end");
      const ij = before.interjection!;
      const f = before.floor;
      const resumes = ij.resumesSpeech && f !== null && f.speechId === ij.speechId && f.pausedAt !== null;
      check(
        same(after.floor, resumes ? { ...f, pausedAt: null, pausedMs: f.pausedMs + Math.max(0, now - f.pausedAt!) } : f),
        "the interrupted speech resumes if the interjection paused it, else stays as it was",
      );
      only("interjection", "interjections", "floor");
      break;
    }
    case "interjection.setOutcome": {
      const set = <T extends { interjectionId: string }>(i: T): T => (i.interjectionId === command.interjectionId ? { ...i, outcome: command.outcome } : i);
      check(
        same(after.interjection, before.interjection && set(before.interjection)) && same(after.interjections, before.interjections.map(set)),
        "setOutcome marks that interjection only",
      );
      only("interjection", "interjections");
      break;
    }
    case "interjection.setEnabled": {
      const key = before.currentItemId ?? "";
      check(after.interjectionsOff.includes(key) === !command.enabled, `interjections are ${command.enabled ? "on" : "off"} for "${key}"`);
      check(
        same(
          after.interjectionsOff.filter((k) => k !== key),
          before.interjectionsOff.filter((k) => k !== key),
        ),
        "the other items keep their setting",
      );
      check((events.length === 0) === (before.interjectionsOff.includes(key) === !command.enabled), "setting what is already set decides nothing");
      only("interjectionsOff");
      break;
    }
    case "poll.create": {
      const created = after.polls.at(-1);
      check(
        same(after.polls.slice(0, -1), before.polls) && created !== undefined && !before.polls.some((p) => p.pollId === created.pollId),
        "create adds one poll, with a new id, after the others",
      );
      const expected: Poll = {
        pollId: created?.pollId ?? "",
        itemId: before.currentItemId,
        createdBy: actor.participantId,
        definition: command.poll,
        options: expectedOptions(command.poll),
        status: "draft",
        openedAt: null,
        closesAt: null,
        closedAt: null,
        eligible: [],
        hands: null,
        result: null,
        proxies: [],
      };
      check(same(created, expected), "create drafts the poll as defined, for the current item, by the sender");
      only("polls");
      break;
    }
    case "poll.discard":
      check(
        same(
          after.polls,
          before.polls.filter((p) => p.pollId !== command.pollId),
        ),
        "discard drops that draft only",
      );
      only("polls");
      break;
    case "poll.open":
    case "poll.close":
    case "poll.publish":
    case "poll.enterHands":
    case "poll.recordProxy": {
      const was = before.polls.find((p) => p.pollId === command.pollId)!;
      const poll = after.polls.find((p) => p.pollId === command.pollId);
      check(
        same(
          after.polls.map((p) => (p.pollId === command.pollId ? was : p)),
          before.polls,
        ),
        `${command.type} changes that poll only`,
      );
      const expected = ((): Poll => {
        switch (command.type) {
          case "poll.open": {
            const seconds = was.definition.durationSeconds;
            return {
              ...was,
              status: "open",
              openedAt: now,
              closesAt: seconds === null ? null : now + seconds * 1000,
              eligible: expectedEligible(before, was.definition.eligibility, was.definition.weighted),
            };
          }
          case "poll.close": {
            // The result is the rules' verdict (rules.test.ts) on the frozen list, the tally handed in and the hands entered.
            const result = tally ? computeResult(was.definition, was.options, was.eligible, tally, was.hands) : null;
            check(result !== null && result.ballots === tally!.ballots, "close counts the ballots of the tally handed in");
            check(events.length === 1 && events[0]!.type === "poll.closed" && events[0]!.by === actor.participantId, "close records who closed it");
            return { ...was, status: "closed", closedAt: now, result };
          }
          case "poll.publish":
            check((events.length === 0) === (was.status === "published"), "publishing a published poll decides nothing");
            return { ...was, status: "published" };
          case "poll.enterHands":
            return { ...was, hands: command.counts };
          case "poll.recordProxy": {
            const { holder } = command;
            const holderId = "name" in holder ? null : holder.participantId;
            const holderName = "name" in holder ? holder.name : (displayName(before.roster, holder.participantId) ?? "");
            const proxy = { unitId: command.unitId, holderId, holderName, note: command.note, evidence: command.evidence ?? null, by: actor.participantId };
            return { ...was, proxies: [...was.proxies, proxy] };
          }
        }
      })();
      check(same(poll, expected), `${command.type} leaves ${command.pollId} as expected`);
      only("polls");
      break;
    }
    case "record.summarize":
    case "record.captureSuggestion":
    case "record.editSuggestion":
    case "record.withdrawSuggestion":
    case "record.addDecision":
    case "record.editDecision":
    case "record.withdrawDecision":
      checkRecordPostconditions(before, after, command, actor, now, events, check);
      only("notes");
      break;
    case "stenography.assign":
      check(same(after.stenographers, [...before.stenographers, command.participantId]), "assign names one more stenographer, last");
      only("stenographers");
      break;
    case "stenography.release":
      check(
        same(
          after.stenographers,
          before.stenographers.filter((id) => id !== command.participantId),
        ),
        "release drops the stenographer",
      );
      only("stenographers");
      break;
    case "transcript.append": {
      const line = after.transcript.at(-1);
      const startedAt = before.interjection?.startedAt ?? before.floor?.startedAt ?? now;
      check(after.transcript.length === before.transcript.length + 1, "append adds one line");
      check(
        same(line, {
          ...line,
          entry: command.entry,
          text: command.text,
          source: "steno",
          by: actor.participantId,
          at: now,
          endMs: null,
          version: 1,
          history: [],
        }),
        "the line is the sender's, typed now, at version 1",
      );
      check(line?.offsetMs === Math.max(0, now - startedAt), "the line's offset is the time since its entry started");
      only("transcript");
      break;
    }
    case "transcript.correct": {
      const was = before.transcript.find((l) => l.id === command.lineId)!;
      const is = after.transcript.find((l) => l.id === command.lineId)!;
      if (was.text === command.text) check(events.length === 0, "the same text again decides nothing");
      else
        check(
          same(is, {
            ...was,
            text: command.text,
            version: was.version + 1,
            history: [...was.history, { text: was.text, by: actor.participantId, version: was.version }],
          }),
          "a correction replaces the text, keeps the old one and counts a version",
        );
      check(after.transcript.length === before.transcript.length, "a correction adds no line");
      only("transcript");
      break;
    }
    case "transcript.draft": {
      const added = after.transcript.slice(before.transcript.length);
      check(same(after.transcript.slice(0, before.transcript.length), before.transcript), "a draft leaves the earlier lines alone");
      check(
        same(
          added.map(({ entry, text, source, by, at, offsetMs, endMs }) => ({ entry, text, source, by, at, offsetMs, endMs })),
          command.lines.map((l) => ({ entry: command.entry, text: l.text, source: "machine", by: null, at: now, offsetMs: l.startMs, endMs: l.endMs })),
        ),
        "a draft adds its lines, machine-made, in order",
      );
      check(new Set(after.transcript.map((l) => l.id)).size === after.transcript.length, "line ids are unique");
      only("transcript");
      break;
    }
    case "bargaining.addClause":
    case "bargaining.offer":
    case "bargaining.accept":
    case "bargaining.handOver":
    case "bargaining.startCaucus":
    case "bargaining.endCaucus":
    case "bargaining.suspend":
    case "bargaining.resume":
      checkBargainingPostconditions(before, after, command, actor, now, events, check);
      only("bargaining");
      break;
    case "mediation.startSeparateTalk":
    case "mediation.endSeparateTalk":
    case "mediation.statePosition":
      checkMediationPostconditions(before, after, command, actor, now, check);
      only("mediation");
      break;
    case "groups.define":
    case "groups.choose":
    case "groups.open":
    case "groups.notice":
    case "groups.recall":
    case "groups.close":
    case "groups.progress":
    case "groups.reportReceive":
      checkGroupsPostconditions(before, after, command, actor, now, events, check);
      only("groups");
      break;
    case "groups.callReports": {
      const waiting = (id: string) => before.queue.some((e) => e.participantId === id) || before.floor?.participantId === id;
      const called = before.groups.groups
        .map((g) => g.convenerId)
        .filter((id, i, all) => all.indexOf(id) === i && !waiting(id) && before.roster.some((p) => p.id === id));
      const entries = called.map((participantId) => ({ participantId, requestedAt: now, kind: "booked", guestName: null, bookingId: null }));
      check(
        same(after.queue, [...before.queue, ...entries]),
        "the conveners not waiting or speaking join the queue, in the groups' order, booked, with no booking",
      );
      check(
        events.every((e) => e.type === "queue.requested" && e.by === actor.participantId),
        "the chair put them in line",
      );
      check(same(after.asked, [...before.asked, ...called.filter((id) => !before.asked.includes(id))]), "they are among those who asked");
      only("queue", "asked");
      break;
    }
    case "groups.report": {
      const report = {
        ...command.report,
        version: (before.groupReport?.version ?? 0) + 1,
        at: now,
        byName: displayName(before.roster, actor.participantId) ?? "",
      };
      check(same(after.groupReport, report), "the report is saved as the next version, by the sender's name, now");
      only("groupReport");
      break;
    }
  }
}

/** 分组讨论: each command changes the groups as asked, at `now`, by the sender. */
function checkGroupsPostconditions(
  before: MeetingState,
  after: MeetingState,
  command: Extract<Command, { type: `groups.${string}` }>,
  actor: Actor,
  now: number,
  events: readonly MeetingEvent[],
  check: Check,
) {
  const was = before.groups;
  const is = after.groups;
  const by = actor.participantId;
  const groupsOf = (gs: typeof is) => gs.groups;
  switch (command.type) {
    case "groups.define":
      check(
        same(is, {
          phase: "defined",
          method: command.method,
          groups: command.groups.map((g) => ({ ...g, meetingId: null, seats: [], progress: null, report: null })),
          openedAt: null,
          recallEndsAt: null,
          closedAt: null,
          notices: [],
        }),
        "define sets a new round: the groups as given, nothing opened, no notices",
      );
      break;
    case "groups.choose": {
      const target = was.groups.find((g) => g.groupId === command.groupId)!;
      if (target.memberIds.includes(by)) {
        check(events.length === 0 && same(is, was), "choosing one's own group decides nothing");
        break;
      }
      check(
        same(
          groupsOf(is),
          was.groups.map((g) => {
            const others = g.memberIds.filter((id) => id !== by);
            return { ...g, memberIds: g.groupId === command.groupId ? [...others, by] : others };
          }),
        ),
        "choose moves the sender into that group, last, and out of any other",
      );
      check(is.phase === "defined" && same({ ...is, groups: [] }, { ...was, groups: [] }), "choose changes nothing but the members");
      break;
    }
    case "groups.open": {
      const opening = expectedMembersAtOpening(before);
      const opened = events[0];
      check(events.length === 1 && opened?.type === "groups.opened", "open decides one opening");
      if (opened?.type !== "groups.opened") break;
      check(
        opened.at === now &&
          same(
            opened.groups.map((g) => g.groupId),
            opening.map((g) => g.groupId),
          ),
        "every group opens, now, in order",
      );
      opening.forEach((g, i) => {
        const o = opened.groups[i]!;
        check(
          same(
            o.seats.map(({ participantId, role }) => ({ participantId, role })),
            expectedSeats(before, g),
          ),
          `group ${g.groupId}'s seats: members in roster order (convener chair, clerk clerk), then the chairs as observers`,
        );
      });
      const ids = opened.groups.flatMap((o) => [o.meetingId, ...o.seats.map((x) => x.seatId)]);
      check(new Set(ids).size === ids.length, "every group meeting and seat has a new id");
      const chairs = before.roster.filter((p) => p.role === "chair").map((p) => p.id);
      check(
        same(
          groupsOf(is),
          was.groups.map((g, i) => ({
            ...g,
            meetingId: opened.groups[i]!.meetingId,
            seats: opened.groups[i]!.seats,
            memberIds: opened.groups[i]!.seats.map((x) => x.participantId).filter((id) => !chairs.includes(id)),
          })),
        ),
        "each group has its meeting, its seats, and its members as seated",
      );
      check(
        opened.groups.every((o, i) => same([...o.memberIds].sort(), [...opening[i]!.memberIds].sort())),
        "the opening names each group's members (the topic round's unchosen placed)",
      );
      check(is.phase === "open" && is.openedAt === now && is.recallEndsAt === null && is.closedAt === null, "the groups are open from now");
      break;
    }
    case "groups.notice":
      check(same(is, { ...was, notices: [...was.notices, { text: command.text, at: now, by }] }), "notice adds the notice, now, by the sender");
      break;
    case "groups.recall":
      check(
        same(
          is,
          command.seconds === 0
            ? { ...was, phase: "closed", recallEndsAt: null, closedAt: now }
            : { ...was, phase: "recalling", recallEndsAt: now + command.seconds * 1000 },
        ),
        "recall counts down from now (0: the groups close now)",
      );
      break;
    case "groups.close":
      check(same(is, { ...was, phase: "closed", recallEndsAt: null, closedAt: now }), "close closes the groups now");
      break;
    case "groups.progress":
    case "groups.reportReceive": {
      const set = command.type === "groups.progress" ? { progress: command.progress } : { report: command.report };
      check(
        same(is, { ...was, groups: was.groups.map((g) => (g.groupId === command.groupId ? { ...g, ...set } : g)) }),
        `${command.type} keeps the latest of that group only`,
      );
      break;
    }
  }
}

/** 分组讨论: everyone in one group at most; conveners and clerks in theirs; the phase and its times agree; seats once opened. */
function checkGroups(s: MeetingState, check: Check) {
  if (s.groupReport) check(Number.isInteger(s.groupReport.version) && s.groupReport.version >= 1, "a group's report has a version ≥ 1");
  const gs = s.groups;
  const people = gs.groups.flatMap((g) => g.memberIds);
  check(new Set(people).size === people.length, `each person is in one group at most, once: ${people.join(",")}`);
  const ids = gs.groups.map((g) => g.groupId);
  const names = gs.groups.map((g) => g.name);
  check(new Set(ids).size === ids.length && new Set(names).size === names.length, "group ids and names are unique");
  for (const g of gs.groups)
    check(
      g.memberIds.includes(g.convenerId) && (g.clerkId === null || g.memberIds.includes(g.clerkId)),
      `group ${g.groupId}'s convener and clerk are among its members`,
    );
  const times = [gs.openedAt !== null, gs.recallEndsAt !== null, gs.closedAt !== null];
  const expected = {
    none: [false, false, false],
    defined: [false, false, false],
    open: [true, false, false],
    recalling: [true, true, false],
    closed: [true, false, true],
  };
  check(same(times, expected[gs.phase]), `phase ${gs.phase} agrees with openedAt ${gs.openedAt}, recallEndsAt ${gs.recallEndsAt}, closedAt ${gs.closedAt}`);
  check((gs.phase === "none") === (gs.groups.length === 0) && (gs.phase === "none") === (gs.method === null), "groups and a method exactly once defined");
  if (gs.phase === "none" || gs.phase === "defined") {
    check(gs.notices.length === 0, `no notices while ${gs.phase}`);
    check(
      gs.groups.every((g) => g.meetingId === null && g.seats.length === 0 && g.progress === null && g.report === null),
      `no group meetings, seats, progress or reports while ${gs.phase}`,
    );
    return;
  }
  check(
    gs.groups.every((g) => g.meetingId !== null),
    "every group has its meeting once opened",
  );
  const seatIds = gs.groups.flatMap((g) => [g.meetingId, ...g.seats.map((x) => x.seatId)]);
  check(new Set(seatIds).size === seatIds.length, "group meeting and seat ids are unique");
  for (const g of gs.groups) {
    const seated = g.seats.map((x) => x.participantId);
    check(new Set(seated).size === seated.length, `group ${g.groupId}: one seat each`);
    check(
      same(
        g.seats.filter((x) => x.role === "chair").map((x) => x.participantId),
        [g.convenerId],
      ),
      `group ${g.groupId}: its convener, and only them, chairs it`,
    );
    check(
      g.memberIds.every((id) => seated.includes(id)),
      `group ${g.groupId}: every member has a seat`,
    );
  }
}

/** 工资集体协商: each command changes the table as asked, by the sender at `now`. */
function checkBargainingPostconditions(
  before: MeetingState,
  after: MeetingState,
  command: Extract<Command, { type: `bargaining.${string}` }>,
  actor: Actor,
  now: number,
  events: readonly MeetingEvent[],
  check: Check,
) {
  const was = before.bargaining;
  const is = after.bargaining;
  const me = before.roster.find((p) => p.id === actor.participantId);
  const clauseOf = (s: MeetingState["bargaining"], id: string) => s.clauses.find((c) => c.clauseId === id);
  const untouched = (id: string) =>
    same(
      is.clauses.filter((c) => c.clauseId !== id),
      was.clauses.filter((c) => c.clauseId !== id),
    );
  switch (command.type) {
    case "bargaining.addClause": {
      const added = is.clauses.at(-1);
      check(is.clauses.length === was.clauses.length + 1 && same(is.clauses.slice(0, -1), was.clauses), "a clause is added at the end");
      check(
        added?.title === command.title && added.offers.length === 0 && added.agreed === null && added.addedAt === now,
        "a new clause has its title and nothing else",
      );
      check(!was.clauses.some((c) => c.clauseId === added?.clauseId), "a new clause has a new id");
      break;
    }
    case "bargaining.offer": {
      const clause = clauseOf(is, command.clauseId);
      const offer = clause?.offers.at(-1);
      check(clause?.offers.length === (clauseOf(was, command.clauseId)?.offers.length ?? NaN) + 1, "an offer is added to its clause's history");
      check(
        offer?.side === me?.side && offer?.text === command.text && offer?.by === actor.participantId && offer?.at === now,
        "the offer is the sender's side's, as worded",
      );
      check(offer?.reason === (command.reason || null), "the offer keeps its reason (none when empty)");
      check(same(clause?.accepted, { worker: null, enterprise: null }), "a new offer clears both acceptances");
      check(untouched(command.clauseId), "the other clauses stay as they were");
      break;
    }
    case "bargaining.accept": {
      const clause = clauseOf(is, command.clauseId)!;
      const side = me!.side!;
      const other = side === "worker" ? "enterprise" : "worker";
      const text = (id: string | null) => clause.offers.find((o) => o.offerId === id)?.text;
      check(clause.accepted[side] === command.offerId, "the chief's side accepted the offer");
      check(clause.accepted[other] === clauseOf(was, command.clauseId)?.accepted[other], "the other side's acceptance stands");
      const agrees = text(clause.accepted[other]) === text(command.offerId);
      check(
        same(clause.agreed, agrees ? { offerId: command.offerId, text: text(command.offerId), at: now } : null),
        "agreed exactly when both chiefs accepted the same wording",
      );
      check(untouched(command.clauseId), "the other clauses stay as they were");
      break;
    }
    case "bargaining.handOver":
      check(is.chairSide !== was.chairSide, "the chair goes to the other side");
      check(same(is.handovers, [...was.handovers, { from: was.chairSide, to: is.chairSide, by: actor.participantId, at: now }]), "the handover is recorded");
      break;
    case "bargaining.startCaucus":
    case "bargaining.endCaucus": {
      const side = me!.side!;
      const running = (s: MeetingState["bargaining"]) => s.caucuses.filter((c) => c.side === side && c.endedAt === null).length;
      check(running(is) === (command.type === "bargaining.startCaucus" ? 1 : 0), `the ${side} side's caucus runs (or not) as asked`);
      check(same(events.length, 1), "one event: the fact, nothing said");
      break;
    }
    case "bargaining.suspend":
      check(
        same(is.suspension, { reason: command.reason, openMatters: command.openMatters, resumeAt: command.resumeAt, at: now, by: actor.participantId }),
        "the suspension is in force as asked",
      );
      check(is.suspensions.length === was.suspensions.length + 1, "and is kept");
      break;
    case "bargaining.resume":
      check(is.suspension === null && is.suspensions.at(-1)?.resumedAt === now, "the session resumes, the suspension keeps its end");
      break;
  }
}

/** 工资集体协商: the table holds together (acceptances of current offers, agreements of one wording, the chair and its handovers). */
function checkBargaining(s: MeetingState, check: Check) {
  const b = s.bargaining;
  const clauseIds = b.clauses.map((c) => c.clauseId);
  const offerIds = b.clauses.flatMap((c) => c.offers.map((o) => o.offerId));
  check(new Set(clauseIds).size === clauseIds.length && new Set(offerIds).size === offerIds.length, "clause and offer ids are unique");
  for (const c of b.clauses) {
    const current = (side: "worker" | "enterprise") => c.offers.filter((o) => o.side === side).at(-1);
    check(
      c.offers.every((o) => o.clauseId === c.clauseId),
      `clause ${c.clauseId}: its offers are its own`,
    );
    for (const side of ["worker", "enterprise"] as const) {
      const id = c.accepted[side];
      if (id !== null)
        check(
          c.offers.some((o) => o.offerId === id && current(o.side) === o),
          `clause ${c.clauseId}: the ${side} chief accepted a current offer`,
        );
    }
    const text = (id: string | null) => c.offers.find((o) => o.offerId === id)?.text;
    // (The other way round holds once a decision is applied whole: checkBargainingPostconditions.)
    if (c.agreed)
      check(
        text(c.agreed.offerId) === c.agreed.text && text(c.accepted.worker) === c.agreed.text && text(c.accepted.enterprise) === c.agreed.text,
        `clause ${c.clauseId}: the agreed wording is the one both chiefs accepted`,
      );
  }
  check(b.chairSide === (b.handovers.at(-1)?.to ?? "worker"), "the chair is with the side it was last handed to");
  check(
    b.handovers.every((h, i) => h.from !== h.to && h.from === (b.handovers[i - 1]?.to ?? "worker")),
    "each handover passes the chair on from where it was",
  );
  for (const side of ["worker", "enterprise"] as const)
    check(b.caucuses.filter((c) => c.side === side && c.endedAt === null).length <= 1, `at most one ${side} caucus runs`);
  check(
    b.suspensions.slice(0, -1).every((x) => x.resumedAt !== null),
    "only the last suspension may be in force",
  );
  const last = b.suspensions.at(-1);
  check(
    deepEqual(
      b.suspension,
      last && last.resumedAt === null ? { reason: last.reason, openMatters: last.openMatters, resumeAt: last.resumeAt, at: last.at, by: last.by } : null,
    ),
    "the suspension in force is the last one, not resumed",
  );
}

/** Whether a delegation is lawful (§19–§24), restated: three or more a side, as many on each, one chief each, a neutral recorder. */
function lawfulDelegations(roster: MeetingState["roster"]): boolean {
  const delegation = (side: "worker" | "enterprise") => roster.filter((p) => p.side === side && p.role !== "clerk" && p.role !== "observer");
  const [worker, enterprise] = [delegation("worker"), delegation("enterprise")];
  return (
    worker.length >= 3 &&
    worker.length === enterprise.length &&
    [worker, enterprise].every((d) => d.filter((p) => p.chief).length === 1) &&
    !roster.some((p) => p.chief && p.side === null) &&
    roster.some((p) => p.role === "clerk") &&
    !roster.some((p) => (p.role === "clerk" || p.role === "observer") && p.side !== null) &&
    !roster.some((p) => p.role === "member" && p.side === null)
  );
}

/** 会议记录: each command changes its own note as asked, by the sender at `now`, and no other. */
function checkRecordPostconditions(
  before: MeetingState,
  after: MeetingState,
  command: Extract<Command, { type: `record.${string}` }>,
  actor: Actor,
  now: number,
  events: readonly MeetingEvent[],
  check: Check,
) {
  const by = actor.participantId;
  const b = before.notes;
  const a = after.notes;
  const newId = events[0] as { suggestionId?: string; decisionId?: string } | undefined;
  switch (command.type) {
    case "record.summarize": {
      const key = `${command.entry.kind}:${command.entry.id}`;
      const was = b.summaries[key];
      if (command.text === (was?.text ?? "")) {
        check(events.length === 0 && a === b, "the same text again decides nothing");
        break;
      }
      const summary = { entry: command.entry, text: command.text, version: (was?.version ?? 0) + 1, by, at: now };
      check(same(events, [{ type: "record.summarized", key, ...summary }]), "summarize records the text at the next version");
      check(same(a.summaries, { ...b.summaries, [key]: summary }), `summarize changes summary ${key} only`);
      check(a.suggestions === b.suggestions && a.decisions === b.decisions, "summarize leaves suggestions and decisions alone");
      break;
    }
    case "record.captureSuggestion": {
      const owner = speakerOf(before, command.entry)!;
      const suggestionId = newId?.suggestionId ?? "";
      check(events.length === 1 && events[0]!.type === "record.suggestionCaptured", "capture records one suggestion");
      const expected = {
        ...command.suggestion,
        suggestionId,
        entry: command.entry,
        participantId: owner.participantId,
        itemId: owner.itemId,
        capturedBy: by,
        capturedAt: now,
        version: 1,
        editedBy: by,
        editedAt: now,
      };
      check(same(a.suggestions, [...b.suggestions, expected]), "capture appends the suggestion with its speaker and item, version 1");
      check(a.summaries === b.summaries && a.decisions === b.decisions, "capture leaves summaries and decisions alone");
      break;
    }
    case "record.editSuggestion":
      check(
        same(
          a.suggestions,
          b.suggestions.map((x) =>
            x.suggestionId === command.suggestionId ? { ...x, ...command.suggestion, version: x.version + 1, editedBy: by, editedAt: now } : x,
          ),
        ),
        "edit replaces that suggestion's fields at the next version",
      );
      check(a.summaries === b.summaries && a.decisions === b.decisions, "edit leaves summaries and decisions alone");
      break;
    case "record.withdrawSuggestion":
      check(
        same(
          a.suggestions,
          b.suggestions.filter((x) => x.suggestionId !== command.suggestionId),
        ),
        "withdraw removes that suggestion only",
      );
      check(same(events, [{ type: "record.suggestionWithdrawn", suggestionId: command.suggestionId, by, at: now }]), "withdrawn names who did it");
      break;
    case "record.addDecision": {
      const itemId = command.itemId === undefined ? before.currentItemId : command.itemId;
      const decisionId = newId?.decisionId ?? "";
      check(events.length === 1 && events[0]!.type === "record.decisionAdded", "add records one decision");
      check(
        same(a.decisions, [...b.decisions, { ...command.decision, decisionId, itemId, version: 1, by, at: now }]),
        `add appends the decision to item ${itemId}, version 1`,
      );
      check(a.summaries === b.summaries && a.suggestions === b.suggestions, "add leaves summaries and suggestions alone");
      break;
    }
    case "record.editDecision":
      check(
        same(
          a.decisions,
          b.decisions.map((x) => (x.decisionId === command.decisionId ? { ...x, ...command.decision, version: x.version + 1, by, at: now } : x)),
        ),
        "edit replaces that decision's fields at the next version",
      );
      check(a.summaries === b.summaries && a.suggestions === b.suggestions, "edit leaves summaries and suggestions alone");
      break;
    case "record.withdrawDecision":
      check(
        same(
          a.decisions,
          b.decisions.filter((x) => x.decisionId !== command.decisionId),
        ),
        "withdraw removes that decision only",
      );
      check(same(events, [{ type: "record.decisionWithdrawn", decisionId: command.decisionId, by, at: now }]), "withdrawn names who did it");
      break;
  }
}

/** An interjection running when the command came is recorded as it was, ended by the actor at `now`. */
function checkInterjectionEnded(before: MeetingState, after: MeetingState, now: number, actor: Actor, check: Check, what: string) {
  check(after.interjection === null, `${what} leaves no interjection running`);
  const ij = before.interjection;
  if (!ij) {
    check(after.interjections === before.interjections, `${what} with no interjection running records none`);
    return;
  }
  const durationMs = Math.max(0, now - ij.startedAt);
  const record = { ...ij, endedAt: now, durationMs, overrunMs: Math.max(0, durationMs - ij.capMs), endedBy: actor.participantId };
  check(
    after.interjections.length === before.interjections.length + 1 && deepEqual(after.interjections.at(-1), record),
    `${what} records the running interjection as it was`,
  );
}

/** A speech that was running when the command came is recorded as it was, ended by the actor at `now`. */
function checkEnded(before: MeetingState, after: MeetingState, now: number, actor: Actor, check: Check, what: string) {
  if (!before.floor) {
    check(after.speeches === before.speeches, `${what} with nobody speaking records nothing`);
    return;
  }
  const f = before.floor;
  // Paused time (a pause still running counts until now) is not speaking time; extensions add to the cap.
  const pausedMs = f.pausedMs + (f.pausedAt === null ? 0 : Math.max(0, now - f.pausedAt));
  const durationMs = Math.max(0, now - f.startedAt - pausedMs);
  const record = {
    ...f,
    pausedAt: null,
    pausedMs,
    endedAt: now,
    durationMs,
    overrunMs: Math.max(0, durationMs - f.capMs - f.extendedMs),
    endedBy: actor.participantId,
  };
  check(
    after.speeches.length === before.speeches.length + 1 && deepEqual(after.speeches[after.speeches.length - 1], record),
    `${what} records the running speech as it was`,
  );
}

/**
 * The booked speeches that join the queue when these items start, restated: the items in the
 * order given, each item's booked entries in planned order, not delivered or being delivered,
 * the speaker neither waiting nor speaking, one entry per speaker.
 */
function arrivals(s: MeetingState, itemIds: readonly (string | null)[], now: number): MeetingState["queue"] {
  const delivered = (bookingId: string) => s.speeches.some((sp) => sp.bookingId === bookingId) || s.floor?.bookingId === bookingId;
  const out: MeetingState["queue"] = [];
  for (const itemId of itemIds.filter((id, i) => itemIds.indexOf(id) === i)) {
    for (const p of s.plan) {
      if (p.kind !== "booked" || p.agendaItemId !== itemId || delivered(p.bookingId)) continue;
      if (
        s.queue.some((e) => e.participantId === p.participantId) ||
        s.floor?.participantId === p.participantId ||
        out.some((e) => e.participantId === p.participantId)
      )
        continue;
      out.push({ participantId: p.participantId, requestedAt: now, kind: "booked", guestName: null, bookingId: p.bookingId });
    }
  }
  return out;
}

function checkOthersAttendance(before: MeetingState, after: MeetingState, named: readonly string[], check: Check) {
  const rest = (s: MeetingState) => Object.entries(s.attendance).filter(([id]) => !named.includes(id));
  check(deepEqual(Object.fromEntries(rest(after)), Object.fromEntries(rest(before))), "nobody else's attendance changes");
}

const byId = (a: { participantId: string }, b: { participantId: string }) =>
  a.participantId < b.participantId ? -1 : a.participantId > b.participantId ? 1 : 0;

/** 人民调解: at most one separate talk runs, it is the last of the talks, and the others are over. */
function checkMediation(s: MeetingState, check: Check) {
  const { talk, talks } = s.mediation;
  const running = talks.filter((t) => t.endedAt === null);
  check(running.length === (talk === null ? 0 : 1), `one running talk exactly while state.mediation.talk is set (${running.length})`);
  if (talk !== null)
    check(same(talks.at(-1) && { partyId: talks.at(-1)?.partyId, startedAt: talks.at(-1)?.startedAt }, talk), "the running talk is the last one");
  check(
    talks.slice(0, -1).every((t) => t.endedAt !== null),
    "every talk but the last is over",
  );
}

/** 人民调解: each command changes the session as asked, at `now`. */
function checkMediationPostconditions(
  before: MeetingState,
  after: MeetingState,
  command: Extract<Command, { type: `mediation.${string}` }>,
  actor: Actor,
  now: number,
  check: Check,
) {
  const was = before.mediation;
  const is = after.mediation;
  switch (command.type) {
    case "mediation.startSeparateTalk":
      check(same(is.talk, { partyId: command.partyId, startedAt: now }), "the talk with the chosen party runs from now");
      check(same(is.talks, [...was.talks, { partyId: command.partyId, startedAt: now, endedAt: null, by: actor.participantId }]), "the talk is recorded");
      check(same(is.positions, was.positions), "positions unchanged by a talk");
      break;
    case "mediation.endSeparateTalk":
      check(is.talk === null, "the session is joint again");
      check(
        same(
          is.talks,
          was.talks.map((t) => (t.endedAt === null ? { ...t, endedAt: now } : t)),
        ),
        "the running talk ended now",
      );
      check(same(is.positions, was.positions), "positions unchanged by a talk's end");
      break;
    case "mediation.statePosition":
      check(same(is.positions, [...was.positions, { partyId: actor.participantId, text: command.text, at: now }]), "the party's position is recorded");
      check(same(is.talks, was.talks) && is.talk === was.talk, "talks unchanged by a position");
      break;
  }
}
