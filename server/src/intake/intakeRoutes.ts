// 居民点单 over HTTP (docs/community.md, docs/api.md "Residents' reports"):
// - public, without an account: the community's intake form (/c/<publicCode>) posts a report with up
//   to 3 photos and gets a receipt code; the receipt (/r/<code>) shows the item's state and replies,
//   downloads the 反馈单 and rates the latest reply once;
// - a grid worker (网格员, their community only) enters reports from a phone, lists the community's
//   reports and rates for a resident without a phone (marked as such);
// - the secretariat puts a new item before a council meeting (提交议事会).
import { randomBytes, randomUUID } from "node:crypto";
import { Router, type Request, type RequestHandler, type Response } from "express";
import multer from "multer";
import QRCode from "qrcode";
import { IdParams } from "../../../core/api/common.ts";
import { MAX_AGENDA_ITEMS } from "../../../core/api/meetings.ts";
import { CouncilBody, NewReport, PublicCodeParams, ReceiptParams, ReceiptRating } from "../../../core/api/intake.ts";
import { CATEGORY_LABELS, MAX_PHOTO_BYTES, MAX_PHOTOS, receiptView, type ReceiptView } from "../../../core/intake/report.ts";
import { chinaDate } from "../../../core/ledger/deadline.ts";
import type { LedgerActor, Rating } from "../../../core/ledger/item.ts";
import type { LedgerItemJson } from "../../../core/ledger/json.ts";
import type { Account } from "../accounts/accountRepository.ts";
import { abort, ApiError, orAbort, route } from "../http/apiError.ts";
import type { ApiDeps } from "../http/apiDeps.ts";
import { MANAGERS, requireStaff } from "../http/staffAuth.ts";
import { parse } from "../http/validate.ts";
import { FORM_FORMATS } from "../ledger/forms/formFiles.ts";
import { sendLedgerForm } from "../ledger/forms/formRoutes.ts";
import { IntakeLimiter } from "./intakeLimiter.ts";
import { cleanPhoto } from "./photos.ts";
import { newReceiptCode, receiptHash } from "./receipts.ts";

export const DEVICE_COOKIE = "yst_device";
const DEVICE_ID = /^[a-f0-9]{32}$/;
const DEVICE_MAX_AGE_MS = 365 * 24 * 60 * 60 * 1000;

/** Parses the multipart form: its text fields into req.body, up to MAX_PHOTOS files named `photos`. */
function receivePhotos(): (req: Request, res: Response) => Promise<Express.Multer.File[]> {
  const upload: RequestHandler = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: MAX_PHOTO_BYTES, files: MAX_PHOTOS, fields: 10, fieldSize: 16 * 1024, parts: MAX_PHOTOS + 10 },
    defParamCharset: "utf8",
  }).array("photos", MAX_PHOTOS);
  return (req, res) =>
    new Promise((resolve, reject) => {
      upload(req, res, (error: unknown) => {
        if (error instanceof multer.MulterError) {
          if (error.code === "LIMIT_FILE_SIZE") reject(new ApiError("FILE_TOO_LARGE"));
          else if (error.code === "LIMIT_FILE_COUNT" || (error.code === "LIMIT_UNEXPECTED_FILE" && error.field === "photos"))
            reject(new ApiError("INTAKE_TOO_MANY_PHOTOS"));
          else reject(new ApiError("VALIDATION", [`form: ${error.message}`]));
        } else if (error) reject(new ApiError("VALIDATION", [`form: malformed multipart body (${error instanceof Error ? error.message : String(error)})`]));
        else resolve(Array.isArray(req.files) ? req.files : []);
      });
    });
}

export function intakeRoutes(deps: ApiDeps): Router {
  const { ledger, ledgerFiles, communities, meetings, agenda } = deps;
  const router = Router();
  const limiter = new IntakeLimiter(deps.now);
  const receive = receivePhotos();

  /** The device id of the yst_device cookie, set when the browser has none yet. */
  const device = (req: Request, res: Response): string => {
    const known = (req.cookies as Record<string, string | undefined>)[DEVICE_COOKIE];
    if (known !== undefined && DEVICE_ID.test(known)) return known;
    const id = randomBytes(16).toString("hex");
    res.cookie(DEVICE_COOKIE, id, { httpOnly: true, sameSite: "lax", secure: deps.secure(req), path: "/api/public", maxAge: DEVICE_MAX_AGE_MS });
    return id;
  };

  const community = async (publicCode: string) => (await communities.byPublicCode(publicCode)) ?? abort("INTAKE_LINK_UNKNOWN");

  /** What a receipt shows of the item. */
  const view = async (item: LedgerItemJson): Promise<ReceiptView> => {
    const [own, council, form] = await Promise.all([
      item.communityId === null ? null : communities.byId(item.communityId),
      item.councilMeetingId === null ? null : meetings.get(item.councilMeetingId),
      ledger.forms.feedbackFormFor(item.id),
    ]);
    return receiptView(item, {
      communityName: own?.name ?? "",
      council: council?.title ?? null,
      feedbackForm: form === null ? null : { id: form.id, number: form.number },
    });
  };

  /**
   * Reads the form and its photos, checks and re-encodes every photo, stores them with the item.
   * Any refusal happens before anything is written.
   */
  const enter = async (
    req: Request,
    res: Response,
    where: { communityId: string; source: "residents" | "gridWorker"; createdBy: string },
  ): Promise<{ receipt: string; report: ReceiptView }> => {
    const files = await receive(req, res);
    const input = parse(NewReport, req.body);
    const photos: Buffer[] = [];
    for (const file of files) photos.push((await cleanPhoto(file.buffer)) ?? abort("FILE_TYPE_NOT_ALLOWED"));
    const id = randomUUID();
    const stored: { name: string; storedName: string; size: number; mime: string }[] = [];
    try {
      for (const [index, photo] of photos.entries())
        stored.push({ name: `照片${index + 1}.jpg`, storedName: await ledgerFiles.save(id, photo), size: photo.length, mime: "image/jpeg" });
      const receipt = newReceiptCode();
      const item = await ledger.createReport({
        id,
        ...where,
        raisedOn: chinaDate(deps.now()),
        raisedByName: input.name,
        contact: input.phone === "" ? null : input.phone,
        anonymous: input.anonymous,
        location: input.location,
        topic: CATEGORY_LABELS[input.category],
        text: input.text,
        receiptHash: receiptHash(receipt),
        photos: stored,
      });
      return { receipt, report: await view(item) };
    } catch (error) {
      await Promise.all(stored.map((s) => ledgerFiles.discard(id, s.storedName)));
      throw error;
    }
  };

  /** The resident's item of a receipt code (RECEIPT_UNKNOWN when none). */
  const byReceipt = async (code: string) => (await ledger.byReceipt(receiptHash(code))) ?? abort("RECEIPT_UNKNOWN");

  /** Rates the latest reply of `item` and answers with the receipt view after it. */
  const rate = async (res: Response, item: LedgerItemJson, body: unknown, actor: LedgerActor) => {
    const { baseVersion, rating, comment } = parse(ReceiptRating, body);
    const { item: after } = orAbort(await ledger.act(item.id, baseVersion, { type: "rate", rating: rating satisfies Rating, comment }, actor));
    res.json({ report: await view(after) });
  };

  /** A grid worker rating for a resident: their account, named as such in the item's history. */
  const onBehalf = (account: Account): LedgerActor => ({ role: "resident", id: account.id, name: `居民（网格员${account.displayName}代为评价）` });

  /** The logged-in grid worker and their community. */
  const gridWorker = (req: Request): { account: Account; communityId: string } => {
    const { account } = requireStaff(req, ["gridWorker"]);
    return { account, communityId: account.communityId ?? abort("FORBIDDEN") };
  };

  router.get(
    "/public/communities/:publicCode",
    route(async (req, res) => {
      const { publicCode } = parse(PublicCodeParams, req.params);
      const found = await community(publicCode);
      device(req, res);
      const buildings = [...new Set((await communities.households(found.id)).map((h) => h.building))];
      res.json({ community: { name: found.name, buildings } });
    }),
  );

  router.post(
    "/public/communities/:publicCode/reports",
    route(async (req, res) => {
      const { publicCode } = parse(PublicCodeParams, req.params);
      if (!limiter.take(device(req, res), req.ip ?? "unknown")) abort("RATE_LIMITED");
      const found = await community(publicCode);
      res.status(201).json(await enter(req, res, { communityId: found.id, source: "residents", createdBy: "resident" }));
    }),
  );

  router.get(
    "/public/receipts/:code",
    route(async (req, res) => {
      const { code } = parse(ReceiptParams, req.params);
      res.json({ report: await view(await byReceipt(code)) });
    }),
  );

  router.post(
    "/public/receipts/:code/rating",
    route(async (req, res) => {
      const { code } = parse(ReceiptParams, req.params);
      const item = await byReceipt(code);
      // A grid worker of the item's community opening the receipt for a resident rates on their behalf.
      const staff = req.staff?.account;
      const actor: LedgerActor =
        staff?.role === "gridWorker" && staff.communityId === item.communityId ? onBehalf(staff) : { role: "resident", id: "receipt", name: "居民" };
      await rate(res, item, req.body, actor);
    }),
  );

  for (const format of FORM_FORMATS) {
    router.get(
      `/public/receipts/:code/feedback.${format}`,
      route(async (req, res) => {
        const { code } = parse(ReceiptParams, req.params);
        const item = await byReceipt(code);
        const latest = (await ledger.forms.feedbackFormFor(item.id)) ?? abort("NOT_FOUND");
        const form = (await ledger.forms.find(latest.id)) ?? abort("NOT_FOUND");
        await sendLedgerForm(deps, res, form, format);
      }),
    );
  }

  router.post(
    "/grid/reports",
    route(async (req, res) => {
      const { account, communityId } = gridWorker(req);
      res.status(201).json(await enter(req, res, { communityId, source: "gridWorker", createdBy: account.id }));
    }),
  );

  router.get(
    "/grid/reports",
    route(async (req, res) => {
      const { communityId } = gridWorker(req);
      const items = await ledger.reportsOf(communityId);
      res.json({ reports: await Promise.all(items.map(view)) });
    }),
  );

  router.post(
    "/grid/reports/:id/rating",
    route(async (req, res) => {
      const { account, communityId } = gridWorker(req);
      const { id } = parse(IdParams, req.params);
      const item = (await ledger.json(id, { role: "member" })) ?? abort("NOT_FOUND");
      if (item.communityId !== communityId || (item.source !== "residents" && item.source !== "gridWorker")) abort("NOT_FOUND");
      await rate(res, item, req.body, onBehalf(account));
    }),
  );

  router.get(
    "/communities/:id/intake-link",
    route(async (req, res) => {
      requireStaff(req, MANAGERS);
      const { id } = parse(IdParams, req.params);
      const found = (await communities.byId(id)) ?? abort("NOT_FOUND");
      const url = `${deps.baseUrl(req).replace(/\/+$/, "")}/c/${found.publicCode}`;
      res.json({ url, qrSvg: await QRCode.toString(url, { type: "svg", margin: 2 }) });
    }),
  );

  router.post(
    "/ledger/items/:id/council",
    route(async (req, res) => {
      const { account } = requireStaff(req, MANAGERS);
      const { id } = parse(IdParams, req.params);
      const { baseVersion, meetingId } = parse(CouncilBody, req.body);
      const found = (await ledger.get(id, { role: "secretariat" })) ?? abort("NOT_FOUND");
      if (found.item.state !== "new") abort("LEDGER_BAD_STATE", ["toCouncil is possible for a new item only"]);
      const meeting = (await meetings.get(meetingId)) ?? abort("NOT_FOUND");
      if (meeting.archived) abort("MEETING_CLOSED");
      if ((await agenda.count(meetingId)) >= MAX_AGENDA_ITEMS) abort("VALIDATION", [`(root): at most ${MAX_AGENDA_ITEMS} agenda items`]);
      const agendaItem = await agenda.append(meetingId, {
        title: `居民点单第${found.item.number}号：${found.item.title}`,
        presenter: null,
        plannedMinutes: 15,
      });
      const result = await ledger.act(
        id,
        baseVersion,
        { type: "toCouncil", meetingId, meetingTitle: meeting.title, agendaItemId: agendaItem.id },
        { role: "secretariat", id: account.id, name: account.displayName },
      );
      // Refused (someone else changed the item meanwhile): the agenda item goes again.
      if (!result.ok) await agenda.delete(meetingId, agendaItem.id);
      res.json(orAbort(result));
    }),
  );

  return router;
}
