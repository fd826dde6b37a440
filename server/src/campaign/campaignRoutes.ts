// /api/campaigns* (docs/community.md "Consent campaigns", docs/api.md "Campaigns"): the
// secretariat (admin, organiser) creates, edits and closes consent campaigns and reads progress,
// history and reports; the grid workers of the campaign's community read the door list and
// record answers (another community's campaign is 404 to them).
import { Router, type Request } from "express";
import sharp from "sharp";
import { z } from "zod";
import { CampaignEdit, CampaignListQuery, NewCampaign, OwnLinkAnswer, RecordAnswer, type Campaign } from "../../../core/api/campaign.ts";
import { Id, IdParams } from "../../../core/api/common.ts";
import { abort, orAbort, route } from "../http/apiError.ts";
import type { ApiDeps } from "../http/apiDeps.ts";
import { MANAGERS, requireStaff, type StaffContext } from "../http/staffAuth.ts";
import { sendUploadedFile } from "../http/uploadedFile.ts";
import { parse } from "../http/validate.ts";
import { requireCommunityStaff } from "../community/communityRoutes.ts";
import { LedgerFiles } from "../ledger/ledgerFiles.ts";
import { contentDisposition, sniffMaterial } from "../meetings/materialFiles.ts";
import { receiveFile } from "../meetings/materialRoutes.ts";
import { findPdfFonts } from "../minutes/cjkFonts.ts";
import { reportThread } from "./reportThread.ts";
import { REPORT_FORMATS, REPORT_MIME, reportFileName, type ReportFormat } from "./campaignReport.ts";

/** A phone photo of a signed form is a few MB at most. */
const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
const PhotoParams = z.object({ id: Id, clientId: z.uuid() });
const ChangesQuery = z.object({ householdId: Id.optional() });
const ReportParams = z.object({ id: Id, format: z.enum(REPORT_FORMATS) });
const TokenParams = z.object({ token: z.string().min(1).max(64) });
/** Who recorded an answer through a household's own link. */
const OWN_LINK = "本户链接";

export function campaignRoutes(deps: ApiDeps): Router {
  const { campaigns } = deps;
  const photos = new LedgerFiles(deps.config.dataDir, "campaigns");
  const receive = receiveFile(MAX_PHOTO_BYTES);
  const router = Router();

  /** The campaign, for the secretariat or a grid worker of its community (others: 404). */
  const campaignFor = async (req: Request, id: string): Promise<{ campaign: Campaign; staff: StaffContext }> => {
    requireStaff(req, [...MANAGERS, "gridWorker"]);
    const campaign = (await campaigns.get(id)) ?? abort("NOT_FOUND");
    return { campaign, staff: requireCommunityStaff(req, campaign.communityId) };
  };
  const makeReport = async (campaign: Campaign, format: ReportFormat): Promise<Buffer> => {
    return reportThread.make({ campaign, ...(await campaigns.reportData(campaign)), at: deps.now() }, format, findPdfFonts);
  };
  const managed = async (req: Request, id: string): Promise<Campaign> => {
    requireStaff(req, MANAGERS);
    return (await campaigns.get(id)) ?? abort("NOT_FOUND");
  };

  router.get(
    "/campaigns",
    route(async (req, res) => {
      const staff = requireStaff(req, [...MANAGERS, "gridWorker"]);
      const { communityId } = parse(CampaignListQuery, req.query);
      const own = staff.account.role === "gridWorker" ? (staff.account.communityId ?? abort("FORBIDDEN")) : communityId;
      res.json({ campaigns: await campaigns.list(own) });
    }),
  );

  router.post(
    "/campaigns",
    route(async (req, res) => {
      const staff = requireStaff(req, MANAGERS);
      const input = parse(NewCampaign, req.body);
      res.status(201).json({ campaign: orAbort(await campaigns.create(input, staff.account.id)) });
    }),
  );

  // The door list: every household with its current answer.
  router.get(
    "/campaigns/:id",
    route(async (req, res) => {
      const { id } = parse(IdParams, req.params);
      const { campaign } = await campaignFor(req, id);
      res.json({ campaign, doors: await campaigns.doors(campaign) });
    }),
  );

  router.patch(
    "/campaigns/:id",
    route(async (req, res) => {
      const { id } = parse(IdParams, req.params);
      await managed(req, id);
      res.json({ campaign: orAbort(await campaigns.edit(id, parse(CampaignEdit, req.body))) });
    }),
  );

  router.post(
    "/campaigns/:id/close",
    route(async (req, res) => {
      const { id } = parse(IdParams, req.params);
      await managed(req, id);
      const campaign = orAbort(await campaigns.close(id));
      // The final report is made once, now; should that fail, the close stands and the first download makes it.
      for (const format of REPORT_FORMATS)
        await campaigns
          .finalReport(campaign, format, () => makeReport(campaign, format))
          .catch((error: unknown) => deps.log(`campaign ${id}: final ${format} report`, error));
      res.json({ campaign, progress: await campaigns.progress(campaign) });
    }),
  );

  router.get(
    "/campaigns/:id/progress",
    route(async (req, res) => {
      const { id } = parse(IdParams, req.params);
      const campaign = await managed(req, id);
      res.json({ campaign, progress: await campaigns.progress(campaign) });
    }),
  );

  router.post(
    "/campaigns/:id/answers",
    route(async (req, res) => {
      const { id } = parse(IdParams, req.params);
      const { campaign, staff } = await campaignFor(req, id);
      const input = parse(RecordAnswer, req.body);
      const outcome = orAbort(await campaigns.record(campaign, input, { accountId: staff.account.id, name: staff.account.displayName }));
      res.status(outcome.replayed ? 200 : 201).json(outcome);
    }),
  );

  // The signed form's photo of a recording (纸质签字): once, by its recorder or the secretariat.
  router.post(
    "/campaigns/:id/answers/:clientId/photo",
    route(async (req, res) => {
      const { id, clientId } = parse(PhotoParams, req.params);
      const { staff } = await campaignFor(req, id);
      const recording = (await campaigns.recordingOf(id, clientId)) ?? abort("NOT_FOUND");
      if (staff.account.role === "gridWorker" && recording.recordedBy !== staff.account.id) abort("FORBIDDEN");
      if (recording.method !== "paper") abort("VALIDATION", ["method: a photo goes with a paper form (纸质签字)"]);
      const file = await receive(req, res);
      // A replayed upload (the offline queue) finds the photo there and adds nothing.
      if (recording.photo) return void res.json({ ok: true, replayed: true });
      const mime = sniffMaterial(file.buffer, file.originalname);
      if (mime !== "image/png" && mime !== "image/jpeg") abort("FILE_TYPE_NOT_ALLOWED");
      // Re-encoded: drops EXIF (the phone's location) and anything hidden after the image.
      const jpeg = await sharp(file.buffer).rotate().jpeg({ quality: 85 }).toBuffer();
      const name = await photos.save(id, jpeg);
      if (!(await campaigns.attachPhoto(clientId, { name, mime: "image/jpeg", size: jpeg.length }))) {
        await photos.discard(id, name);
        return void res.json({ ok: true, replayed: true });
      }
      res.status(201).json({ ok: true, replayed: false });
    }),
  );

  router.get(
    "/campaigns/:id/answers/:clientId/photo",
    route(async (req, res) => {
      const { id, clientId } = parse(PhotoParams, req.params);
      await managed(req, id);
      const photo = (await campaigns.recordingOf(id, clientId))?.photo ?? abort("NOT_FOUND");
      await sendUploadedFile(res, { path: photos.path(id, photo.name), mime: photo.mime, size: photo.size, name: `${clientId}.jpg` }, deps.log);
    }),
  );

  // Every recording (the history), or one household's.
  router.get(
    "/campaigns/:id/changes",
    route(async (req, res) => {
      const { id } = parse(IdParams, req.params);
      await managed(req, id);
      const { householdId } = parse(ChangesQuery, req.query);
      res.json({ changes: await campaigns.changes(id, householdId) });
    }),
  );

  router.get(
    "/campaigns/:id/report.:format",
    route(async (req, res) => {
      const { id, format } = parse(ReportParams, req.params);
      const campaign = await managed(req, id);
      // A closed campaign's report is the stored one (fast); an open one's is an interim printout, made now.
      const body = (await campaigns.finalReport(campaign, format, () => makeReport(campaign, format))) ?? (await makeReport(campaign, format));
      res.set({
        "Content-Type": REPORT_MIME[format],
        "Content-Disposition": contentDisposition("attachment", reportFileName(campaign, format)),
        "Cache-Control": "private, no-store",
      });
      res.send(body);
    }),
  );

  // 本户链接: new links for every household (replacing the old ones), shown once to print or send.
  router.post(
    "/campaigns/:id/links",
    route(async (req, res) => {
      const { id } = parse(IdParams, req.params);
      const campaign = await managed(req, id);
      const links = await campaigns.issueLinks(campaign);
      const base = deps.baseUrl(req);
      res.status(201).json({
        links: links.map(({ household: { id: householdId, ...h }, token }) => ({ householdId, ...h, url: `${base}/k/${token}` })),
      });
    }),
  );

  // The household's own link: no account, the token is the authority (as a receipt's).
  router.get(
    "/public/campaign-links/:token",
    route(async (req, res) => {
      const { token } = parse(TokenParams, req.params);
      const { campaign, household, current } = (await campaigns.byLink(token)) ?? abort("CAMPAIGN_OWN_LINK_UNKNOWN");
      const { title, question, communityName, opensAt, closesAt, phase } = campaign;
      const { building, unit, room, representative } = household;
      res.json({
        campaign: { title, question, communityName, opensAt, closesAt, phase },
        household: { building, unit, room, representative },
        current: current && { answer: current.answer, method: current.method, recordedAt: current.recordedAt },
      });
    }),
  );

  router.post(
    "/public/campaign-links/:token/answers",
    route(async (req, res) => {
      const { token } = parse(TokenParams, req.params);
      const link = (await campaigns.byLink(token)) ?? abort("CAMPAIGN_OWN_LINK_UNKNOWN");
      const input = parse(OwnLinkAnswer, req.body);
      const recording = { ...input, householdId: link.household.id, method: "own_link" as const, recordedAt: new Date(deps.now()).toISOString() };
      const outcome = orAbort(await campaigns.record(link.campaign, recording, { accountId: null, name: OWN_LINK }));
      res.status(outcome.replayed ? 200 : 201).json(outcome);
    }),
  );

  return router;
}
