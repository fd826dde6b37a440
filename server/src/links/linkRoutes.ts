// Join links and the room's two links (current, re-issue, revoke), the check-in link, join codes
// (入会码: typed on the landing page or opened as /j/<code>), and the printed invitations and table
// cards (桌牌) as PDF.
import { formatLongDateTime } from "../../../core/time/meetingTime.ts";
import { Router, type Request } from "express";
import { normalizeJoinCode } from "../../../core/links/joinCode.ts";
import { JoinCodeBody } from "../../../core/api/links.ts";
import { roleLabel, type LabelledPerson } from "../../../core/roleLabels.ts";
import type { Role } from "../../../core/roles.ts";
import { findPdfFonts, NoCjkFontError } from "../minutes/cjkFonts.ts";
import { cleanFileName, contentDisposition } from "../meetings/materialFiles.ts";
import { invitationsPdf, tableCardsPdf } from "./invitationsPdf.ts";
import { JoinCodeLimiter } from "./joinCodeLimiter.ts";
import { ROOM_LINK_KINDS } from "../../../core/venue/roomLinks.ts";
import { abort, orAbort, route } from "../http/apiError.ts";
import type { ApiDeps } from "../http/apiDeps.ts";
import { IdParams } from "../../../core/api/common.ts";
import { ParticipantParams } from "../../../core/api/roster.ts";
import { isManager, requireMeetingManager, requireMeetingStaff, requireStaff } from "../http/staffAuth.ts";
import { parse } from "../http/validate.ts";

export function linkRoutes(deps: ApiDeps): Router {
  const { links, participants } = deps;
  const router = Router();
  const codeLimiter = new JoinCodeLimiter(deps.now);
  const address = (req: Request) => req.ip ?? "unknown";

  // A join code, typed or scanned: the long link it stands for (no session; braked per address).
  router.post(
    "/join/code",
    route(async (req, res) => {
      const { code: typed } = parse(JoinCodeBody, req.body);
      if (!codeLimiter.allowed(address(req))) abort("RATE_LIMITED");
      const code = normalizeJoinCode(typed);
      const resolved = code === null ? null : await links.resolveCode(deps.baseUrl(req), code);
      if (!resolved?.ok) {
        codeLimiter.fail(address(req));
        abort("JOIN_CODE_INVALID");
      }
      res.json(resolved.value);
    }),
  );

  /** A PDF download with the meeting's title in its name; NoCjkFontError logged (then INTERNAL). */
  const sendPdf = async (res: import("express").Response, title: string, label: string, make: () => Promise<Buffer>) => {
    let body: Buffer;
    try {
      body = await make();
    } catch (error) {
      if (error instanceof NoCjkFontError) deps.log(error.message);
      throw error;
    }
    res.set({
      "Content-Type": "application/pdf",
      "Content-Disposition": contentDisposition("attachment", cleanFileName(`${title.replace(/[/\\]/g, "-")}-${label}.pdf`)),
      "Cache-Control": "private, no-store",
    });
    res.send(body);
  };

  // Every working personal link as a printed invitation (organisers: the codes let people in).
  router.get(
    "/meetings/:id/invitations",
    route(async (req, res) => {
      const { id } = parse(IdParams, req.params);
      await requireMeetingManager(deps.meetings, req, id);
      const meeting = (await deps.meetings.get(id)) ?? abort("NOT_FOUND");
      const people = await participants.list(id);
      const names = await participants.displayNames(id);
      const base = deps.baseUrl(req);
      const current = await links.currentMany(
        base,
        people.map((p) => p.id),
      );
      const invitations = people.flatMap((p) => {
        const link = current.get(p.id);
        if (!link?.code || !link.shortUrl) return [];
        const lines = [roleLabel(meeting.kind, labelled(p), "zh"), p.sector, p.household, p.unit].filter((l): l is string => !!l);
        return [{ name: names.get(p.id) ?? p.name, lines, code: link.code, shortUrl: link.shortUrl }];
      });
      const heading = { title: meeting.title, when: whenAndWhere(meeting.startsAt, meeting.place, meeting.timeZone), site: base.replace(/^https?:\/\//, "") };
      await sendPdf(res, meeting.title, "参会邀请", () => invitationsPdf(heading, invitations, findPdfFonts()));
    }),
  );

  // Table cards (桌牌) for everyone seated in the room (observers sit in the gallery).
  router.get(
    "/meetings/:id/table-cards",
    route(async (req, res) => {
      const { id } = parse(IdParams, req.params);
      await requireMeetingStaff(deps.meetings, req, id);
      const meeting = (await deps.meetings.get(id)) ?? abort("NOT_FOUND");
      const names = await participants.displayNames(id);
      const cards = (await participants.list(id))
        .filter((p) => p.role !== "observer")
        .map((p) => ({ name: names.get(p.id) ?? p.name, detail: p.unit ?? p.sector ?? p.household ?? roleLabel(meeting.kind, labelled(p), "zh") }));
      await sendPdf(res, meeting.title, "桌牌", () => tableCardsPdf(meeting.title, cards, findPdfFonts()));
    }),
  );

  router.get(
    "/meetings/:id/participants/:pid/link",
    route(async (req, res) => {
      const { id, pid } = parse(ParticipantParams, req.params);
      const { account } = requireStaff(req);
      if (isManager(account)) {
        await requireMeetingManager(deps.meetings, req, id);
        if (!(await participants.find(id, pid))) abort("NOT_FOUND");
      } else {
        // A chair or clerk gets only the link of the participant linked to their own account.
        const p = await participants.find(id, pid);
        if (!p || p.accountId !== account.id) abort("FORBIDDEN");
      }
      res.json(orAbort(await links.current(deps.baseUrl(req), pid)));
    }),
  );

  router.post(
    "/meetings/:id/participants/:pid/link/reissue",
    route(async (req, res) => {
      const { id, pid } = parse(ParticipantParams, req.params);
      await requireMeetingManager(deps.meetings, req, id);
      if (!(await participants.find(id, pid))) abort("NOT_FOUND");
      res.json(await links.reissue(deps.baseUrl(req), pid));
    }),
  );

  router.post(
    "/meetings/:id/participants/:pid/link/revoke",
    route(async (req, res) => {
      const { id, pid } = parse(ParticipantParams, req.params);
      await requireMeetingManager(deps.meetings, req, id);
      if (!(await participants.find(id, pid))) abort("NOT_FOUND");
      await links.revoke(pid);
      res.json({ ok: true });
    }),
  );

  // The room's two links: /display-link (大屏) and /venue-link (会场终端), each with its version.
  for (const kind of ROOM_LINK_KINDS) {
    const path = `/meetings/:id/${kind}-link`;
    router.get(
      path,
      route(async (req, res) => {
        const { id } = parse(IdParams, req.params);
        await requireMeetingStaff(deps.meetings, req, id);
        res.json(orAbort(await links.room(deps.baseUrl(req), id, kind)));
      }),
    );
    router.post(
      `${path}/reissue`,
      route(async (req, res) => {
        const { id } = parse(IdParams, req.params);
        await requireMeetingManager(deps.meetings, req, id);
        res.json(await links.reissueRoom(deps.baseUrl(req), id, kind));
      }),
    );
    router.post(
      `${path}/revoke`,
      route(async (req, res) => {
        const { id } = parse(IdParams, req.params);
        await requireMeetingManager(deps.meetings, req, id);
        await links.revokeRoom(id, kind);
        res.json({ ok: true });
      }),
    );
  }

  router.get(
    "/meetings/:id/checkin-link",
    route(async (req, res) => {
      const { id } = parse(IdParams, req.params);
      await requireMeetingStaff(deps.meetings, req, id);
      res.json(orAbort(await links.checkin(deps.baseUrl(req), id)));
    }),
  );

  return router;
}

/** The roster row as the role label reads it (the database keeps role and side as plain strings). */
const labelled = (p: { role: string; side: string | null; chief: boolean }): LabelledPerson => ({
  role: p.role as Role,
  ...(p.side === "worker" || p.side === "enterprise" ? { side: p.side } : {}),
  chief: p.chief,
});

/** 2026年12月6日 周日 14:30 · 区政协三楼会议室, in the meeting's time zone (paper never names it). */
function whenAndWhere(startsAt: string | null, place: string | null, timeZone: string): string {
  const when = startsAt ? formatLongDateTime(Date.parse(startsAt), { timeZone, language: "zh", viewer: null }) : "";
  return [when, place].filter(Boolean).join(" · ");
}
