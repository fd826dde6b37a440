// The agreement after a bargaining meeting over HTTP (docs/api.md "Bargaining agreements"): the
// meeting's staff (organisers, admins, its chair and clerk) generate the draft from the live
// state's agreed clauses, edit it (every save a new version), download versions as DOCX/PDF,
// record the vote (a closed poll, tested against §36) and download its result document, record
// the chiefs' signatures, the filing and the authority's review. Managers list every agreement
// with the reminder due (file within 10 days of signing; the end of the 15-day review). The chiefs
// confirm the voted text themselves with their join links (chiefConfirmationRoutes.ts).
import { Router, type Response } from "express";
import {
  agreementLines,
  agreementReminder,
  agreementStatus,
  article36Test,
  confirmationCode,
  draftAgreement,
  voteResultLines,
  type AgreementVote,
} from "../../../../core/bargaining/agreement.ts";
import {
  AgreementFilingBody,
  AgreementPollsQuery,
  AgreementReceiptBody,
  AgreementReviewBody,
  AgreementSaveBody,
  AgreementSignBody,
  AgreementVersionParams,
  AgreementVoteBody,
} from "../../../../core/api/bargainingAgreement.ts";
import { IdParams } from "../../../../core/api/common.ts";
import { chinaDate } from "../../../../core/ledger/deadline.ts";
import { quorumWords, ruleWords } from "../../../../core/poll/ruleText.ts";
import type { Poll } from "../../../../core/poll/schema.ts";
import { abort, route } from "../../http/apiError.ts";
import type { ApiDeps } from "../../http/apiDeps.ts";
import { requireMeetingStaffAccess } from "../../http/meetingStaffAccess.ts";
import { MANAGERS, requireStaff } from "../../http/staffAuth.ts";
import { parse } from "../../http/validate.ts";
import { cleanFileName, contentDisposition } from "../../meetings/materialFiles.ts";
import { NoCjkFontError } from "../../minutes/cjkFonts.ts";
import { AGREEMENT_FORMATS, AGREEMENT_MIME, renderAgreement, type AgreementFormat } from "./agreementFiles.ts";
import { stepsOf, type Outcome } from "./agreementStore.ts";
import { chiefConfirmationRoutes } from "./chiefConfirmationRoutes.ts";

export const AGREEMENT_PATH = "/meetings/:id/agreement";

export function agreementRoutes(deps: ApiDeps): Router {
  const router = Router();
  const store = deps.agreements;

  const settled = <T>(outcome: Outcome<T>): T => (outcome.ok ? outcome.value : abort(outcome.code, outcome.details));

  /** The bargaining meeting, after the caller's access to it is checked. */
  const bargainingMeeting = async (req: Parameters<typeof requireMeetingStaffAccess>[1], id: string) => {
    const actor = await requireMeetingStaffAccess(deps, req, id);
    const meeting = (await deps.meetings.get(id)) ?? abort("NOT_FOUND");
    if (meeting.kind !== "bargaining") abort("NOT_BARGAINING");
    return { actor, meeting };
  };

  // The answer's shape is core/api/bargainingAgreement.ts AgreementJson (the client parses it with it).
  const agreementJson = async (meetingId: string, meetingTitle: string) => {
    const found = await store.find(meetingId);
    const steps = found ? stepsOf(found.row) : { vote: null, signatures: { worker: null, enterprise: null }, filedOn: null, receivedOn: null, review: null };
    // The confirmation code of the text voted on (what the chiefs see beside it on their screens).
    const voted = steps.vote && (await store.version(meetingId, steps.vote.version));
    return {
      meetingId,
      meetingTitle,
      versions: found?.versions ?? [],
      vote: steps.vote && { ...steps.vote, article36: article36Test(steps.vote), code: voted ? confirmationCode(voted.content) : null },
      signatures: steps.signatures,
      filedOn: steps.filedOn,
      receivedOn: steps.receivedOn,
      review: steps.review,
      status: agreementStatus(steps, deps.now()),
    };
  };

  const sendFile = async (res: Response, name: string, lines: Parameters<typeof renderAgreement>[0], format: AgreementFormat) => {
    let body: Buffer;
    try {
      body = await renderAgreement(lines, format);
    } catch (error) {
      if (error instanceof NoCjkFontError) deps.log(error.message);
      throw error;
    }
    res.set({
      "Content-Type": AGREEMENT_MIME[format],
      "Content-Disposition": contentDisposition("attachment", cleanFileName(`${name.replace(/[/\\]/g, "-")}.${format}`)),
      "Cache-Control": "private, no-store",
    });
    res.send(body);
  };

  router.get(
    AGREEMENT_PATH,
    route(async (req, res) => {
      const { id } = parse(IdParams, req.params);
      const { meeting } = await bargainingMeeting(req, id);
      res.json(await agreementJson(id, meeting.title));
    }),
  );

  router.post(
    `${AGREEMENT_PATH}/versions`,
    route(async (req, res) => {
      const { id } = parse(IdParams, req.params);
      const { actor, meeting } = await bargainingMeeting(req, id);
      const body = parse(AgreementSaveBody, req.body);
      let content = body.content;
      if (body.generate) {
        // The live state, as the minutes draft reads it: the clauses both chiefs agreed.
        const state = (await deps.rooms.get(id)).current;
        content = draftAgreement(meeting.title, state.roster, state.bargaining) ?? abort("AGREEMENT_NO_AGREED_CLAUSES");
      }
      const saved = await store.save(
        id,
        { baseVersion: body.baseVersion, content: content!, note: body.note || null, generated: body.generate === true },
        actor,
      );
      res.status(201).json({ version: settled(saved) });
    }),
  );

  // The files before `/:n`, which would otherwise take "2.pdf" as the number.
  for (const format of AGREEMENT_FORMATS) {
    router.get(
      `${AGREEMENT_PATH}/versions/:n.${format}`,
      route(async (req, res) => {
        const { id, n } = parse(AgreementVersionParams, req.params);
        await bargainingMeeting(req, id);
        const version = (await store.version(id, n)) ?? abort("NOT_FOUND");
        const found = (await store.find(id)) ?? abort("NOT_FOUND");
        const status = agreementStatus(stepsOf(found.row), deps.now());
        const signed = status.signedOn !== null;
        await sendFile(res, `${version.content.title}（第${n}稿）`, agreementLines(version.content, status.signedOn, !signed), format);
      }),
    );

    router.get(
      `${AGREEMENT_PATH}/vote.${format}`,
      route(async (req, res) => {
        const { id } = parse(IdParams, req.params);
        await bargainingMeeting(req, id);
        const found = (await store.find(id)) ?? abort("AGREEMENT_NO_DRAFT");
        const vote = stepsOf(found.row).vote ?? abort("NOT_FOUND");
        const title = (await store.latest(id))?.content.title ?? "工资专项集体合同";
        await sendFile(res, `${title}（草案）表决结果`, voteResultLines(vote, title), format);
      }),
    );
  }

  router.get(
    `${AGREEMENT_PATH}/versions/:n`,
    route(async (req, res) => {
      const { id, n } = parse(AgreementVersionParams, req.params);
      await bargainingMeeting(req, id);
      res.json({ version: (await store.version(id, n)) ?? abort("NOT_FOUND") });
    }),
  );

  // The closed 赞成/反对/弃权 and 同意/不同意 polls a vote may be taken from: of this meeting, or of ?meetingId= (the 职工代表大会).
  router.get(
    `${AGREEMENT_PATH}/polls`,
    route(async (req, res) => {
      const { id } = parse(IdParams, req.params);
      await bargainingMeeting(req, id);
      const { meetingId = id } = parse(AgreementPollsQuery, req.query);
      if (meetingId !== id) await requireMeetingStaffAccess(deps, req, meetingId);
      const state = (await deps.rooms.get(meetingId)).current;
      const polls = state.polls
        .filter((p) => p.result !== null && (p.status === "closed" || p.status === "published"))
        .filter((p) => p.definition.form === "yesNoAbstain" || p.definition.form === "consent")
        .map((p) => ({ pollId: p.pollId, title: p.definition.title, closedAt: p.closedAt, passed: p.result!.passed }));
      res.json({ polls });
    }),
  );

  router.post(
    `${AGREEMENT_PATH}/vote`,
    route(async (req, res) => {
      const { id } = parse(IdParams, req.params);
      const { actor } = await bargainingMeeting(req, id);
      const body = parse(AgreementVoteBody, req.body);
      // The vote may be held in another meeting (the 职工代表大会): its staff must be the caller too.
      if (body.meetingId !== id) await requireMeetingStaffAccess(deps, req, body.meetingId);
      const voteMeeting = (await deps.meetings.get(body.meetingId)) ?? abort("NOT_FOUND");
      const state = (await deps.rooms.get(body.meetingId)).current;
      const poll = state.polls.find((p) => p.pollId === body.pollId);
      if (!poll || poll.result === null || (poll.status !== "closed" && poll.status !== "published")) abort("AGREEMENT_POLL_NOT_CLOSED");
      if (poll.definition.form !== "yesNoAbstain" && poll.definition.form !== "consent") abort("VALIDATION", ["pollId: a 赞成/反对/弃权 or 同意/不同意 poll"]);
      const version = (await store.latest(id)) ?? abort("AGREEMENT_NO_DRAFT");
      const vote = { ...voteOf(poll, voteMeeting.title, body.meetingId), version: version.number };
      const steps = settled(await store.record(id, { kind: "vote", vote }, actor));
      res.json({ vote: steps.vote && { ...steps.vote, article36: article36Test(steps.vote), code: confirmationCode(version.content) } });
    }),
  );

  router.post(
    `${AGREEMENT_PATH}/signatures`,
    route(async (req, res) => {
      const { id } = parse(IdParams, req.params);
      const { actor } = await bargainingMeeting(req, id);
      const body = parse(AgreementSignBody, req.body);
      const chief = (await store.latest(id))?.content.chiefs[body.side] ?? "";
      const name = body.name ?? (chief || abort("VALIDATION", ["name: the draft names no chief for this side"]));
      settled(await store.record(id, { kind: "sign", side: body.side, name, signing: { by: "staff", signedOn: body.signedOn } }, actor));
      res.json(await agreementJson(id, (await deps.meetings.get(id))!.title));
    }),
  );

  router.post(
    `${AGREEMENT_PATH}/filing`,
    route(async (req, res) => {
      const { id } = parse(IdParams, req.params);
      const { actor, meeting } = await bargainingMeeting(req, id);
      const body = parse(AgreementFilingBody, req.body);
      settled(await store.record(id, { kind: "file", filedOn: body.filedOn, receivedOn: body.receivedOn ?? null }, actor));
      res.json(await agreementJson(id, meeting.title));
    }),
  );

  router.post(
    `${AGREEMENT_PATH}/receipt`,
    route(async (req, res) => {
      const { id } = parse(IdParams, req.params);
      const { actor, meeting } = await bargainingMeeting(req, id);
      const body = parse(AgreementReceiptBody, req.body);
      settled(await store.record(id, { kind: "receive", receivedOn: body.receivedOn }, actor));
      res.json(await agreementJson(id, meeting.title));
    }),
  );

  router.post(
    `${AGREEMENT_PATH}/review`,
    route(async (req, res) => {
      const { id } = parse(IdParams, req.params);
      const { actor, meeting } = await bargainingMeeting(req, id);
      const body = parse(AgreementReviewBody, req.body);
      settled(await store.record(id, { kind: "review", outcome: body.outcome, on: body.on, note: body.note || null }, actor));
      res.json(await agreementJson(id, meeting.title));
    }),
  );

  // The chiefs' own confirmation with their join links (chiefConfirmationRoutes.ts).
  router.use(chiefConfirmationRoutes(deps));

  router.get(
    "/bargaining/agreements",
    route(async (req, res) => {
      requireStaff(req, MANAGERS);
      const rows = await store.list();
      // The answer's shape is core/api/bargainingAgreement.ts AgreementListJson.
      const agreements = [];
      for (const { row, title } of rows) {
        const meeting = await deps.meetings.get(row.meetingId);
        const status = agreementStatus(stepsOf(row), deps.now());
        agreements.push({ meetingId: row.meetingId, meetingTitle: meeting?.title ?? "", title, state: status.state, reminder: agreementReminder(status) });
      }
      res.json({ agreements });
    }),
  );

  return router;
}

/** What the agreement keeps of a closed poll: the numbers, the rule in words and the verdict as announced. */
function voteOf(poll: Poll, meetingTitle: string, meetingId: string): Omit<AgreementVote, "version"> {
  const result = poll.result!;
  const count = (optionId: string | undefined) => result.counts.find((c) => c.optionId === optionId)?.count ?? 0;
  const units = { perHousehold: poll.definition.eligibility.perHousehold };
  const label = (id: string) => poll.options.find((o) => o.id === id)?.label ?? id;
  const rule = ruleWords(poll.definition.rule, units, "zh", label);
  const quorum = poll.definition.quorum;
  return {
    meetingId,
    meetingTitle,
    pollId: poll.pollId,
    title: poll.definition.title,
    secret: poll.definition.secret,
    entitled: result.eligibleCount,
    present: result.presentCount,
    cast: result.ballots + result.hands,
    // 赞成 / 同意 is a fixed form's first option, 反对 / 不同意 its second.
    yes: count(poll.options[0]?.id),
    no: count(poll.options[1]?.id),
    abstain: count("abstain"),
    rule: quorum === null ? rule : `${rule}；${quorumWords(quorum, units, "zh")}`,
    pollPassed: result.passed,
    votedOn: chinaDate(poll.closedAt ?? 0),
  };
}
