// 居民点单 over HTTP (docs/community.md, docs/api.md "Residents' reports"): the public intake form
// (multipart fields beside up to 3 photos), the receipt and its rating, the grid worker's routes.
import { z } from "zod";
import { RATINGS, LEDGER_STATES } from "../ledger/item.ts";
import { MAX_REPORT_TEXT, REPORT_CATEGORIES, type ReceiptView } from "../intake/report.ts";
import { Id } from "./common.ts";

const Optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v ?? "");

/** The form's fields (multipart text fields; `anonymous` is "true" when ticked). */
export const NewReport = z.strictObject({
  category: z.enum(REPORT_CATEGORIES),
  text: z.string().trim().min(1).max(MAX_REPORT_TEXT),
  /** 楼栋/单元, free text or one of the community's buildings */
  location: Optional(60),
  name: Optional(40),
  phone: z
    .string()
    .trim()
    .max(20)
    .regex(/^[0-9+\- ]*$/, "digits only")
    .optional()
    .transform((v) => v ?? ""),
  /** 网格悄悄话: who sent it is for the secretariat only */
  anonymous: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true"),
});
export type NewReport = z.output<typeof NewReport>;

export const PublicCodeParams = z.object({ publicCode: z.string().min(1).max(64) });
export const ReceiptParams = z.object({ code: z.string().min(1).max(64) });
export const ReceiptRating = z.strictObject({
  baseVersion: z.number().int().min(0),
  rating: z.enum(RATINGS),
  comment: z.string().trim().max(1000).default(""),
});
/** 提交议事会: the council meeting whose agenda gets the item. */
export const CouncilBody = z.strictObject({ baseVersion: z.number().int().min(0), meetingId: Id });

// Answers

export const PublicCommunityResponse = z.object({ community: z.looseObject({ name: z.string(), buildings: z.array(z.string()) }) });

export const ReceiptViewSchema: z.ZodType<ReceiptView> = z.looseObject({
  id: Id,
  number: z.number(),
  communityName: z.string(),
  category: z.string(),
  text: z.string(),
  location: z.string(),
  raisedOn: z.string(),
  state: z.enum(LEDGER_STATES),
  council: z.string().nullable(),
  department: z.string().nullable(),
  deadline: z.string().nullable(),
  replies: z.array(
    z.looseObject({
      text: z.string(),
      at: z.number(),
      by: z.string(),
      rating: z.looseObject({ rating: z.enum(RATINGS), comment: z.string(), at: z.number() }).nullable(),
    }),
  ),
  canRate: z.boolean(),
  feedbackForm: z.looseObject({ id: Id, number: z.string() }).nullable(),
  photos: z.number(),
  version: z.number(),
});
export const ReceiptResponse = z.object({ report: ReceiptViewSchema });
/** The new report: its receipt code (shown once: only its hash is kept) and the view. */
export const ReportCreatedResponse = z.object({ receipt: z.string(), report: ReceiptViewSchema });
/** The community's public intake link and its QR code (SVG), for the notice board and the WeChat group. */
export const IntakeLinkResponse = z.object({ url: z.string(), qrSvg: z.string() });
export const GridReportsResponse = z.object({ reports: z.array(ReceiptViewSchema) });
