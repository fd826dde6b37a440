// In-room check-in by QR code: whoever scans the meeting's code picks their name, and the
// server records the arrival (via "qr") in the meeting's log as the system actor.
import { timingSafeEqual } from "node:crypto";
import { Router } from "express";
import { rosterNames } from "../../../core/naming/displayNames.ts";
import { SYSTEM_ACTOR } from "../../../core/roles.ts";
import { abort, route } from "../http/apiError.ts";
import type { ApiDeps } from "../http/apiDeps.ts";
import { parse } from "../http/validate.ts";
import { CheckinBody, CheckinParams, CheckinQuery } from "../../../core/api/checkin.ts";

const Params = CheckinParams;

/** Who checks in by QR code: the people whose presence counts (members and officials). */
const CHECKIN_ROLES = ["member", "official"];

export function checkinRoutes(deps: ApiDeps): Router {
  const { meetings, participants, rooms } = deps;
  const router = Router();

  /** The meeting when `code` is its check-in code; CHECKIN_INVALID otherwise (also for unknown meetings). */
  const meetingFor = async (meetingId: string, code: string) => {
    const meeting = await meetings.checkinView(meetingId);
    if (!meeting || !sameSecret(meeting.checkinSecret, code)) abort("CHECKIN_INVALID");
    return meeting;
  };

  router.get(
    "/checkin/:meetingId",
    route(async (req, res) => {
      const { meetingId } = parse(Params, req.params);
      const { c } = parse(CheckinQuery, req.query);
      const meeting = await meetingFor(meetingId, c);
      const rows = await participants.withRoles(meetingId, CHECKIN_ROLES);
      const { attendance, roster } = (await rooms.get(meetingId)).current;
      // Same names told apart as on every screen (core/naming), so each 张丽 finds her own line.
      const names = rosterNames(roster);
      const people = rows.filter((p) => attendance[p.id]?.status !== "present").map((p) => ({ ...p, name: names.get(p.id) ?? p.name }));
      res.json({ meeting: { title: meeting.title }, people });
    }),
  );

  router.post(
    "/checkin/:meetingId",
    route(async (req, res) => {
      const { meetingId } = parse(Params, req.params);
      const { c, participantId } = parse(CheckinBody, req.body);
      await meetingFor(meetingId, c);
      const person = await participants.person(meetingId, participantId);
      if (!person || !CHECKIN_ROLES.includes(person.role)) abort("NOT_FOUND");
      const room = await rooms.get(meetingId);
      const result = await room.submit(SYSTEM_ACTOR, { type: "attendance.arrive", participantIds: [participantId], via: "qr" });
      if (!result.ok) abort(result.error.code, result.error.details);
      res.json({ ok: true });
    }),
  );

  return router;
}

function sameSecret(secret: string, code: string): boolean {
  const a = Buffer.from(secret);
  const b = Buffer.from(code);
  return secret.length > 0 && a.length === b.length && timingSafeEqual(a, b);
}
