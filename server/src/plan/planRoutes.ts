// The speaking plan (docs/api.md, "Speaking plan"): organisers list, add, edit, delete and
// reorder planned speeches; members and officials register, see and withdraw their own with
// their join token until the meeting opens. Every change is fed into the live meeting.
import { Router, type Request } from "express";
import { fail, ok, type ErrorCode, type Result } from "../../../core/errors.ts";
import { SPEAKING_ROLES, SYSTEM_ACTOR } from "../../../core/roles.ts";
import { abort, orAbort, route } from "../http/apiError.ts";
import type { ApiDeps } from "../http/apiDeps.ts";
import { requireParticipant } from "../http/participantAuth.ts";
import { IdParams } from "../../../core/api/common.ts";
import { requireMeetingManager, requireMeetingStaff } from "../http/staffAuth.ts";
import { parse } from "../http/validate.ts";
import { BookingParams, MAX_OWN_ENTRIES, MAX_PLAN_ENTRIES, OwnPlanInput, PlanInput, PlanOrder, PlanPatch } from "../../../core/api/plan.ts";
import type { InTurn, PlanFields, PlannedSpeechJson } from "./planStore.ts";

const IN_TURN: InTurn = { syncedByCaller: true };

/** A speaker's own change to the plan before the meeting opens (sent to the meeting's owner as JSON). */
type OwnSpeechChange = { kind: "register"; participantId: string; input: OwnPlanInput } | { kind: "withdraw"; bookingId: string };

export function planRoutes(deps: ApiDeps): Router {
  const { plan, participants, agenda, meetings } = deps;
  const router = Router();

  /** Problems with who speaks and on which item (empty when both belong to the meeting). */
  const checkFields = async (meetingId: string, fields: Partial<PlanFields>): Promise<string[]> => {
    const problems: string[] = [];
    if (fields.participantId !== undefined) {
      const person = await participants.person(meetingId, fields.participantId);
      if (!person) problems.push("participantId: not on this meeting's roster");
      else if (!(SPEAKING_ROLES as readonly string[]).includes(person.role)) problems.push("participantId: only members and officials have planned speeches");
    }
    if (fields.agendaItemId) {
      if (!(await agenda.find(meetingId, fields.agendaItemId))) problems.push("agendaItemId: not an item of this meeting");
    }
    return problems;
  };

  // ── Organisers ────────────────────────────────────────────────────────────

  router.get(
    "/meetings/:id/plan",
    route(async (req, res) => {
      const { id } = parse(IdParams, req.params);
      await requireMeetingStaff(deps.meetings, req, id);
      res.json({ plan: await plan.list(id) });
    }),
  );

  router.post(
    "/meetings/:id/plan",
    route(async (req, res) => {
      const { id } = parse(IdParams, req.params);
      const staff = await requireMeetingManager(deps.meetings, req, id);
      const input = parse(PlanInput, req.body);
      const problems = await checkFields(id, input);
      if ((await plan.count(id)) >= MAX_PLAN_ENTRIES) problems.push(`(root): at most ${MAX_PLAN_ENTRIES} planned speeches`);
      if (problems.length) abort("VALIDATION", problems);
      const speech = await plan.append(id, input, staff.account.id);
      res.status(201).json({ speech });
    }),
  );

  // Before /plan/:bookingId so that "order" is never taken for an id.
  router.put(
    "/meetings/:id/plan/order",
    route(async (req, res) => {
      const { id } = parse(IdParams, req.params);
      await requireMeetingManager(deps.meetings, req, id);
      const { bookingIds } = parse(PlanOrder, req.body);
      const current = new Set((await plan.list(id)).map((s) => s.id));
      const problems = permutationProblems(bookingIds, current);
      if (problems.length) abort("VALIDATION", problems);
      await plan.reorder(id, bookingIds);
      res.json({ plan: await plan.list(id) });
    }),
  );

  router.patch(
    "/meetings/:id/plan/:bookingId",
    route(async (req, res) => {
      const { id, bookingId } = parse(BookingParams, req.params);
      await requireMeetingManager(deps.meetings, req, id);
      const patch = parse(PlanPatch, req.body);
      const existing = (await plan.find(id, bookingId)) ?? abort("NOT_FOUND");
      const problems = await checkFields(id, patch);
      if ((patch.kind ?? existing.kind) === "written" && !(patch.text ?? existing.text)) problems.push("text: a written speech needs its text");
      if (problems.length) abort("VALIDATION", problems);
      const speech = await plan.update(id, bookingId, patch);
      res.json({ speech });
    }),
  );

  router.delete(
    "/meetings/:id/plan/:bookingId",
    route(async (req, res) => {
      const { id, bookingId } = parse(BookingParams, req.params);
      await requireMeetingManager(deps.meetings, req, id);
      if (!(await plan.find(id, bookingId))) abort("NOT_FOUND");
      await plan.delete(id, bookingId);
      res.json({ ok: true });
    }),
  );

  // ── The speaker themselves (join token) ─────────────────────────────────

  /** The participant of the bearer token, who must belong to this meeting and be able to speak. */
  const speaker = async (req: Request, meetingId: string): Promise<string> => {
    const me = await requireParticipant(deps, req);
    if (me.meetingId !== meetingId) abort("FORBIDDEN");
    const row = await participants.person(meetingId, me.participantId);
    if (!row || !(SPEAKING_ROLES as readonly string[]).includes(row.role)) abort("FORBIDDEN");
    return me.participantId;
  };

  /**
   * A speaker's own registration or withdrawal, made in the live meeting's turn only while it has
   * not opened yet, and fed into the meeting in the same turn: a registration can never slip in
   * after meeting.open. So the change is made `IN_TURN` (the store's own signal would wait for this
   * very turn). It runs where the meeting's actor runs: on its owner when that is another node.
   */
  const beforeOpening = deps.rooms.onOwner("plan.ownSpeech", async (room, change: OwnSpeechChange): Promise<Result<PlannedSpeechJson | null>> => {
    const { meetingId } = room;
    let refusal: ErrorCode | null = null;
    let value: PlannedSpeechJson | null = null;
    const synced = await room.submitWith(SYSTEM_ACTOR, async (state) => {
      if (state.status !== "scheduled") {
        refusal = state.status === "open" ? "MEETING_ALREADY_OPEN" : "MEETING_CLOSED";
        return null;
      }
      if (change.kind === "register")
        value = await plan.append(meetingId, { ...change.input, participantId: change.participantId }, change.participantId, IN_TURN);
      else await plan.delete(meetingId, change.bookingId, IN_TURN);
      const config = await meetings.liveConfig(meetingId);
      return config ? { type: "config.sync", ...config } : null;
    });
    if (refusal) return fail(refusal);
    // The change is saved; the live room picks it up with the next sync.
    if (!synced.ok) deps.log(`config sync failed for meeting ${meetingId}: ${synced.error.code}`);
    return ok(value);
  });

  router.get(
    "/meetings/:id/my-speeches",
    route(async (req, res) => {
      const { id } = parse(IdParams, req.params);
      const me = await speaker(req, id);
      res.json({ plan: await plan.list(id, me) });
    }),
  );

  router.post(
    "/meetings/:id/my-speeches",
    route(async (req, res) => {
      const { id } = parse(IdParams, req.params);
      const me = await speaker(req, id);
      const input = parse(OwnPlanInput, req.body);
      const problems = await checkFields(id, { agendaItemId: input.agendaItemId });
      if ((await plan.count(id, me, me)) >= MAX_OWN_ENTRIES) problems.push(`(root): at most ${MAX_OWN_ENTRIES} speeches of your own`);
      if ((await plan.count(id)) >= MAX_PLAN_ENTRIES) problems.push(`(root): at most ${MAX_PLAN_ENTRIES} planned speeches`);
      if (problems.length) abort("VALIDATION", problems);
      const speech = orAbort(await beforeOpening(id, { kind: "register", participantId: me, input }));
      res.status(201).json({ speech });
    }),
  );

  router.delete(
    "/meetings/:id/my-speeches/:bookingId",
    route(async (req, res) => {
      const { id, bookingId } = parse(BookingParams, req.params);
      const me = await speaker(req, id);
      const existing = await plan.find(id, bookingId);
      if (!existing || existing.participantId !== me) abort("NOT_FOUND");
      // Entries the secretariat arranged are theirs to change.
      if (!existing.selfRegistered) abort("FORBIDDEN");
      orAbort(await beforeOpening(id, { kind: "withdraw", bookingId }));
      res.json({ ok: true });
    }),
  );

  return router;
}

/** Why `ids` is not an ordering of exactly the entries in `current` (empty when it is). */
function permutationProblems(ids: readonly string[], current: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) problems.push(`bookingIds: ${id} appears twice`);
    else if (!current.has(id)) problems.push(`bookingIds: ${id} is not a planned speech of this meeting`);
    seen.add(id);
  }
  for (const id of current) if (!seen.has(id)) problems.push(`bookingIds: ${id} is missing`);
  return problems.slice(0, 10);
}
