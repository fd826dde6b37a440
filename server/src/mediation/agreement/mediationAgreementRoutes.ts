// The mediation agreement over HTTP (docs/api.md "Mediation agreements", docs/mediation.md
// "Agreement"). The mediation meeting's staff (organisers, admins, its chair and clerk) generate
// it from the meeting's roster (members: the parties, officials and the chair: the mediators) and
// the case's details, edit it as versions, download any version as DOCX/PDF, record a mediator's
// signature and, after a party refused, the referral. The parties and mediators confirm on their
// own phones with their join links (name typed, the code on their screen, a drawn signature when
// the phone allows); a party refuses there too. Each party downloads the signed copy of their own
// mediation only (another meeting's link: 403).
import { Router, type Request, type Response } from "express";
import {
  agreementLines,
  confirmationCode,
  partyLabel,
  REFERRAL_WORDS,
  type AgreementSignature,
  type MediationAgreementContent,
} from "../../../../core/mediation/agreement.ts";
import {
  MediationAgreementFileParams,
  MediationAgreementSaveBody,
  MediationConfirmationBody,
  MediationReferralBody,
  MediationRefusalBody,
  MediatorSignatureBody,
  SignedFileParams,
} from "../../../../core/api/mediationAgreement.ts";
import { IdParams } from "../../../../core/api/common.ts";
import { chinaDate } from "../../../../core/ledger/deadline.ts";
import { abort, route } from "../../http/apiError.ts";
import type { ApiDeps } from "../../http/apiDeps.ts";
import { requireMeetingStaffAccess } from "../../http/meetingStaffAccess.ts";
import { requireParticipant } from "../../http/participantAuth.ts";
import { parse } from "../../http/validate.ts";
import { cleanFileName, contentDisposition } from "../../meetings/materialFiles.ts";
import { MEDIATION_AGREEMENT_MIME, renderMediationAgreement, type MediationAgreementFormat } from "./mediationAgreementFiles.ts";
import type { AgreementSnapshot, Outcome } from "./mediationAgreementStore.ts";
import { drawnSignature } from "./signatureImage.ts";

export const MEDIATION_AGREEMENT_PATH = "/meetings/:id/mediation-agreement";
const FORMATS: readonly MediationAgreementFormat[] = ["docx", "pdf"];

export function mediationAgreementRoutes(deps: ApiDeps): Router {
  const router = Router();
  const store = deps.mediationAgreements;
  const settled = <T>(outcome: Outcome<T>): T => (outcome.ok ? outcome.value : abort(outcome.code, outcome.details));

  const mediationMeeting = async (id: string) => {
    const meeting = (await deps.meetings.get(id)) ?? abort("NOT_FOUND");
    if (meeting.kind !== "mediation") abort("NOT_MEDIATION");
    return meeting;
  };
  const staffOf = async (req: Request, id: string) => {
    const actor = await requireMeetingStaffAccess(deps, req, id);
    await mediationMeeting(id);
    return actor;
  };
  /** The caller's join token must be of this meeting (another mediation's party: 403). */
  const signerOf = async (req: Request, id: string) => {
    const caller = await requireParticipant(deps, req);
    if (caller.meetingId !== id) abort("FORBIDDEN");
    await mediationMeeting(id);
    return caller.participantId;
  };

  /** The case this meeting is a session of, if any (part M1's cases). */
  const caseOf = async (meetingId: string) => (await deps.mediationCases.list()).find((c) => c.meetingIds.includes(meetingId));
  /** The last signature makes the agreement 已签署: the case (调解中) reaches 达成协议 (书面) the same day. */
  const agreedOnCase = async (meetingId: string, snapshot: AgreementSnapshot, by: { id: string; name: string }) => {
    if (snapshot.state !== "signed") return;
    const linked = await caseOf(meetingId);
    if (linked?.state !== "mediating") return;
    const agreed = await deps.mediationCases.step(linked.id, { type: "agree", form: "written", agreedOn: chinaDate(deps.now()) }, by);
    if (!agreed.ok) deps.log(`mediation agreement ${meetingId}: the case ${linked.id} did not take its agree step (${agreed.error.code})`);
  };

  const latestJson = (s: AgreementSnapshot) => s.latest && { ...s.latest, code: confirmationCode(s.latest.content) };
  // The answer's shape is core/api/mediationAgreement.ts MediationAgreementJson.
  const agreementJson = (meetingId: string, s: AgreementSnapshot) => ({
    meetingId,
    state: s.state,
    versions: s.versions,
    latest: latestJson(s),
    signatures: s.signatures,
    refusal: s.refusal,
  });
  // The answer's shape is core/api/mediationAgreement.ts MediationConfirmationJson.
  const confirmationJson = (meetingId: string, participantId: string, s: AgreementSnapshot) => {
    const party = s.latest?.content.parties.find((p) => p.participantId === participantId);
    const mediator = s.latest?.content.mediators.find((m) => m.participantId === participantId);
    return {
      meetingId,
      participantId,
      kind: party ? "party" : mediator ? "mediator" : null,
      label: party ? partyLabel(party) : (mediator?.name ?? ""),
      state: s.state,
      latest: latestJson(s),
      signed: s.signatures.find((x) => x.participantId === participantId) ?? null,
      signatures: s.signatures,
      refusal: s.refusal,
    };
  };

  /** The file of one version; drawn signatures printed below their signer's line. */
  const sendFile = async (res: Response, meetingId: string, number: number, content: MediationAgreementContent, format: MediationAgreementFormat) => {
    const signatures = await store.signaturesOf(meetingId, number);
    const lines = agreementLines(content, signatures as AgreementSignature[], (iso) => chinaDate(Date.parse(iso)));
    const ids = [...content.parties.map((p) => p.participantId), ...content.mediators.map((m) => m.participantId)];
    const firstSignature = lines.findIndex((l) => l.kind === "signature");
    const drawn = signatures.flatMap((s) => (s.png ? [{ afterLine: firstSignature + ids.indexOf(s.participantId), png: s.png }] : []));
    const body = await renderMediationAgreement(lines, drawn, format);
    res.set({
      "Content-Type": MEDIATION_AGREEMENT_MIME[format],
      "Content-Disposition": contentDisposition(
        "attachment",
        cleanFileName(`人民调解协议书-${content.caseNumber.replace(/[/\\]/g, "-")}（第${number}稿）.${format}`),
      ),
      "Cache-Control": "private, no-store",
    });
    res.send(body);
  };

  router.get(
    MEDIATION_AGREEMENT_PATH,
    route(async (req, res) => {
      const { id } = parse(IdParams, req.params);
      await staffOf(req, id);
      res.set("Cache-Control", "private, no-store").json(agreementJson(id, await store.snapshot(id)));
    }),
  );

  router.post(
    `${MEDIATION_AGREEMENT_PATH}/versions`,
    route(async (req, res) => {
      const { id } = parse(IdParams, req.params);
      const actor = await staffOf(req, id);
      const body = parse(MediationAgreementSaveBody, req.body);
      let content = body.content;
      if (body.generate) {
        // The parties and mediators as the meeting's roster names them (their join links sign).
        const roster = (await deps.rooms.get(id)).current.roster;
        const members = roster.filter((r) => r.role === "member");
        // What the staff left out comes from the case this meeting is a session of.
        const linked = await caseOf(id);
        // A case party is the member whose roster entry was made for them (新建调解会谈); in a meeting
        // linked by hand, the member of the same name and household.
        const fromCase = linked?.parties.flatMap((p) => {
          const member = members.find((m) => m.id === p.participantId) ?? members.find((m) => m.name === p.name && (m.household ?? "") === p.household);
          return member ? [{ participantId: member.id, role: p.role, phone: p.phone || null }] : [];
        });
        const given = new Map((body.generate.parties ?? fromCase ?? []).map((p) => [p.participantId, p]));
        if (members.length < 2 || members.some((m) => !given.has(m.id)) || given.size !== members.length) abort("MEDIATION_AGREEMENT_PARTIES");
        const caseNumber = body.generate.caseNumber ?? linked?.number;
        const facts = body.generate.facts ?? linked?.facts;
        if (!caseNumber || !facts) abort("VALIDATION", ["generate: caseNumber and facts (no case is linked to this meeting)"]);
        const { parties: _parties, ...details } = body.generate;
        content = {
          ...details,
          caseNumber,
          facts,
          parties: members.map((m) => ({
            participantId: m.id,
            name: m.name,
            household: m.household,
            phone: given.get(m.id)!.phone ?? null,
            role: given.get(m.id)!.role,
          })),
          mediators: roster.filter((r) => r.role === "chair" || r.role === "official").map((r) => ({ participantId: r.id, name: r.name })),
        };
      }
      const saved = await store.save(id, {
        baseVersion: body.baseVersion,
        content: content!,
        note: body.note || null,
        generated: body.generate !== undefined,
        authorName: actor.name,
      });
      res.status(201).json(agreementJson(id, settled(saved)));
    }),
  );

  for (const format of FORMATS) {
    router.get(
      `${MEDIATION_AGREEMENT_PATH}/versions/:number.${format}`,
      route(async (req, res) => {
        const { id, number } = parse(MediationAgreementFileParams, { ...req.params, format });
        await staffOf(req, id);
        const content = (await store.version(id, number)) ?? abort("NOT_FOUND");
        await sendFile(res, id, number, content, format);
      }),
    );

    // The signed copy, for the parties and mediators of this mediation with their own links.
    router.get(
      `${MEDIATION_AGREEMENT_PATH}/signed.${format}`,
      route(async (req, res) => {
        const { id } = parse(SignedFileParams, { ...req.params, format });
        const participantId = await signerOf(req, id);
        const s = await store.snapshot(id);
        const content = s.latest?.content;
        if (!content || ![...content.parties, ...content.mediators].some((p) => p.participantId === participantId)) abort("MEDIATION_AGREEMENT_NOT_SIGNER");
        if (s.state !== "signed") abort("MEDIATION_AGREEMENT_NOT_SIGNED");
        await sendFile(res, id, s.latest!.number, content, format);
      }),
    );
  }

  router.post(
    `${MEDIATION_AGREEMENT_PATH}/mediator-signatures`,
    route(async (req, res) => {
      const { id } = parse(IdParams, req.params);
      const actor = await staffOf(req, id);
      const body = parse(MediatorSignatureBody, req.body);
      const s = await store.snapshot(id);
      // The staff record mediators only: a party confirms on their own phone.
      if (!s.latest?.content.mediators.some((m) => m.participantId === body.participantId)) abort("MEDIATION_AGREEMENT_NOT_SIGNER");
      const signed = settled(
        await store.sign(id, { participantId: body.participantId, version: body.version, code: body.code, typedName: null, png: null, via: "staff" }),
      );
      await agreedOnCase(id, signed, { id: actor.accountId ?? actor.participantId ?? "", name: actor.name });
      res.json(agreementJson(id, signed));
    }),
  );

  router.post(
    `${MEDIATION_AGREEMENT_PATH}/referral`,
    route(async (req, res) => {
      const { id } = parse(IdParams, req.params);
      const actor = await staffOf(req, id);
      const body = parse(MediationReferralBody, req.body);
      if ((await store.snapshot(id)).state !== "refused") abort("MEDIATION_AGREEMENT_NOT_REFUSED");
      // The case this session belongs to fails (调解不成) with the referral, through the case's own steps.
      const linked = await caseOf(id);
      if (linked && linked.state === "mediating") {
        const referral = `${REFERRAL_WORDS[body.referral]}${body.note ? `：${body.note}` : ""}`;
        const failed = await deps.mediationCases.step(
          linked.id,
          { type: "fail", referral },
          { id: actor.accountId ?? actor.participantId ?? "", name: actor.name },
        );
        if (!failed.ok) abort(failed.error.code);
      }
      res.json(agreementJson(id, settled(await store.refer(id, { referral: body.referral, note: body.note ?? null }))));
    }),
  );

  router.get(
    `${MEDIATION_AGREEMENT_PATH}/confirmation`,
    route(async (req, res) => {
      const { id } = parse(IdParams, req.params);
      const participantId = await signerOf(req, id);
      res.set("Cache-Control", "private, no-store").json(confirmationJson(id, participantId, await store.snapshot(id)));
    }),
  );

  router.post(
    `${MEDIATION_AGREEMENT_PATH}/confirmation`,
    route(async (req, res) => {
      const { id } = parse(IdParams, req.params);
      const participantId = await signerOf(req, id);
      const body = parse(MediationConfirmationBody, req.body);
      const png = body.signaturePng ? ((await drawnSignature(body.signaturePng)) ?? abort("MEDIATION_AGREEMENT_SIGNATURE_IMAGE")) : null;
      const signed = settled(await store.sign(id, { participantId, version: body.version, code: body.code, typedName: body.name, png, via: "link" }));
      await agreedOnCase(id, signed, { id: participantId, name: body.name ?? "" });
      res.json(confirmationJson(id, participantId, signed));
    }),
  );

  router.post(
    `${MEDIATION_AGREEMENT_PATH}/refusal`,
    route(async (req, res) => {
      const { id } = parse(IdParams, req.params);
      const participantId = await signerOf(req, id);
      const body = parse(MediationRefusalBody, req.body);
      res.json(confirmationJson(id, participantId, settled(await store.refuse(id, { participantId, reason: body.reason }))));
    }),
  );

  return router;
}
