// Cross-site request forgery guard: every state-changing API request carries `X-Yishiting: 1`.
// Browsers only add custom headers cross-site after a CORS preflight, which this server never
// grants, so a forged form or fetch from another site cannot pass.
import type { RequestHandler } from "express";
import { sendError } from "./apiError.ts";

export const CSRF_HEADER = "x-yishiting";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export const csrfGuard: RequestHandler = (req, res, next) => {
  if (SAFE_METHODS.has(req.method) || req.get(CSRF_HEADER) === "1") return next();
  sendError(res, "CSRF_CHECK_FAILED");
};
