// The workers' proposals over HTTP (docs/bargaining.md "Proposals", docs/api.md "Bargaining proposals"):
// - public, without an account: a worker opens the collection's link (/w/<publicCode>) and sends a
//   filled-in 征集表 (anonymous or named), limited per device and per address like 居民点单;
// - the union (admin, organiser) creates collections, reads the counts and answers, types in paper
//   forms, and merges forms into numbered 协商提案, which the bargaining session takes as clauses.
import { randomBytes } from "node:crypto";
import { Router, type Request, type Response } from "express";
import QRCode from "qrcode";
import {
  CollectionEdit,
  CollectionListQuery,
  CollectionParams,
  FormInput,
  NewCollection,
  ProposalEdit,
  ProposalInput,
  ProposalParams,
  PublicCodeParams,
  type Collection,
} from "../../../../core/api/bargainingProposals.ts";
import { abort, orAbort, route } from "../../http/apiError.ts";
import type { ApiDeps } from "../../http/apiDeps.ts";
import { MANAGERS, requireStaff } from "../../http/staffAuth.ts";
import { parse } from "../../http/validate.ts";
import { DEVICE_COOKIE } from "../../intake/intakeRoutes.ts";
import { FormLimiter } from "./formLimiter.ts";

const DEVICE_ID = /^[a-f0-9]{32}$/;
const DEVICE_MAX_AGE_MS = 365 * 24 * 60 * 60 * 1000;
const BASE = "/bargaining/proposals/collections";

export function proposalRoutes(deps: ApiDeps): Router {
  const { proposals } = deps;
  const router = Router();
  const limiter = new FormLimiter(deps.now);

  /** The device id of the yst_device cookie (shared with the residents' intake), set when the browser has none yet. */
  const device = (req: Request, res: Response): string => {
    const known = (req.cookies as Record<string, string | undefined>)[DEVICE_COOKIE];
    if (known !== undefined && DEVICE_ID.test(known)) return known;
    const id = randomBytes(16).toString("hex");
    res.cookie(DEVICE_COOKIE, id, { httpOnly: true, sameSite: "lax", secure: deps.secure(req), path: "/api/public", maxAge: DEVICE_MAX_AGE_MS });
    return id;
  };

  const byCode = async (publicCode: string) => (await proposals.byPublicCode(publicCode)) ?? abort("PROPOSAL_LINK_UNKNOWN");

  /** The union's collection of the path (admin, organiser). */
  const managed = async (req: Request): Promise<{ collection: Collection; accountId: string; name: string }> => {
    const { account } = requireStaff(req, MANAGERS);
    const { id } = parse(CollectionParams, req.params);
    const collection = (await proposals.get(id)) ?? abort("NOT_FOUND");
    return { collection, accountId: account.id, name: account.displayName };
  };

  router.get(
    "/public/proposal-collections/:publicCode",
    route(async (req, res) => {
      const { publicCode } = parse(PublicCodeParams, req.params);
      const { title, questions, opensAt, closesAt, phase } = await byCode(publicCode);
      device(req, res);
      res.json({ collection: { title, questions, opensAt, closesAt, phase } });
    }),
  );

  router.post(
    "/public/proposal-collections/:publicCode/forms",
    route(async (req, res) => {
      const { publicCode } = parse(PublicCodeParams, req.params);
      if (!limiter.take(device(req, res), req.ip ?? "unknown")) abort("RATE_LIMITED");
      const collection = await byCode(publicCode);
      const input = parse(FormInput, req.body);
      if (collection.phase === "upcoming") abort("PROPOSAL_COLLECTION_NOT_OPEN");
      if (collection.phase === "closed") abort("PROPOSAL_COLLECTION_CLOSED");
      const form = orAbort(await proposals.addForm(collection, input, { source: "online" }));
      res.status(201).json({ form: { number: form.number, receivedAt: form.receivedAt } });
    }),
  );

  router.get(
    BASE,
    route(async (req, res) => {
      requireStaff(req, MANAGERS);
      const { meetingId } = parse(CollectionListQuery, req.query);
      res.json({ collections: await proposals.list(meetingId) });
    }),
  );

  router.post(
    BASE,
    route(async (req, res) => {
      const { account } = requireStaff(req, MANAGERS);
      const input = parse(NewCollection, req.body);
      res.status(201).json({ collection: orAbort(await proposals.create(input, account.id)) });
    }),
  );

  router.get(
    `${BASE}/:id`,
    route(async (req, res) => {
      const { collection } = await managed(req);
      res.json({ collection, ...(await proposals.view(collection)) });
    }),
  );

  router.patch(
    `${BASE}/:id`,
    route(async (req, res) => {
      const { collection } = await managed(req);
      res.json({ collection: orAbort(await proposals.edit(collection.id, parse(CollectionEdit, req.body))) });
    }),
  );

  // The public link and its QR code, for the paper forms and the workshop's notice board.
  router.get(
    `${BASE}/:id/link`,
    route(async (req, res) => {
      const { collection } = await managed(req);
      const url = `${deps.baseUrl(req).replace(/\/+$/, "")}/w/${collection.publicCode}`;
      res.json({ url, qrSvg: await QRCode.toString(url, { type: "svg", margin: 2 }) });
    }),
  );

  // A paper form typed in by the union (any time: paper comes back late).
  router.post(
    `${BASE}/:id/forms`,
    route(async (req, res) => {
      const { collection, accountId, name } = await managed(req);
      const input = parse(FormInput, req.body);
      res.status(201).json({ form: orAbort(await proposals.addForm(collection, input, { source: "paper", accountId, name })) });
    }),
  );

  router.get(
    `${BASE}/:id/proposals`,
    route(async (req, res) => {
      const { collection } = await managed(req);
      res.json({ proposals: await proposals.proposals(collection.id) });
    }),
  );

  router.post(
    `${BASE}/:id/proposals`,
    route(async (req, res) => {
      const { collection, accountId } = await managed(req);
      const input = parse(ProposalInput, req.body);
      res.status(201).json({ proposal: orAbort(await proposals.createProposal(collection.id, input, accountId)) });
    }),
  );

  router.patch(
    `${BASE}/:id/proposals/:proposalId`,
    route(async (req, res) => {
      const { collection } = await managed(req);
      const { proposalId } = parse(ProposalParams, req.params);
      res.json({ proposal: orAbort(await proposals.editProposal(collection.id, proposalId, parse(ProposalEdit, req.body))) });
    }),
  );

  router.delete(
    `${BASE}/:id/proposals/:proposalId`,
    route(async (req, res) => {
      const { collection } = await managed(req);
      const { proposalId } = parse(ProposalParams, req.params);
      res.json({ proposals: orAbort(await proposals.deleteProposal(collection.id, proposalId)) });
    }),
  );

  return router;
}
