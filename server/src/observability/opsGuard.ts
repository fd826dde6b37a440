// Who may read /metrics and /api/ops/*: with YST_OPS_TOKEN set, a request bearing it
// (`Authorization: Bearer <token>`); without, only a peer on this machine (loopback), judged by the
// TCP connection's own address — never by X-Forwarded-For or express's req.ip, which a client or a
// proxy's trust settings could make say anything. Behind a reverse proxy on the same machine every
// request comes from loopback: the proxy must refuse these paths from outside (docs/operations.md).
import { timingSafeEqual, createHash } from "node:crypto";
import type { RequestHandler } from "express";
import { sendError } from "../http/apiError.ts";

/** 127.0.0.0/8, ::1, and IPv4 loopback as an IPv4-mapped IPv6 address (::ffff:127.x.x.x). */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.toLowerCase().startsWith("::ffff:") ? address.slice(7) : address;
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4)) return v4.split(".").every((part) => Number(part) <= 255);
  return address === "::1" || address === "0:0:0:0:0:0:0:1";
}

/** Why a request is refused, or undefined when it may pass. */
export function opsRefusal(
  token: string | undefined,
  request: { authorization: string | undefined; remoteAddress: string | undefined },
): "UNAUTHENTICATED" | "FORBIDDEN" | undefined {
  if (token === undefined) return isLoopback(request.remoteAddress) ? undefined : "FORBIDDEN";
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.authorization ?? "")?.[1];
  if (bearer === undefined) return "UNAUTHENTICATED";
  return sameSecret(bearer, token) ? undefined : "FORBIDDEN";
}

/** The guard as express middleware: 401 without the token, 403 with a wrong one or from outside. */
export function opsGuard(token: string | undefined): RequestHandler {
  return (req, res, next) => {
    const refusal = opsRefusal(token, { authorization: req.headers.authorization, remoteAddress: req.socket.remoteAddress });
    if (refusal === undefined) return next();
    res.set("Cache-Control", "no-store");
    if (refusal === "UNAUTHENTICATED") res.set("WWW-Authenticate", 'Bearer realm="yishiting-ops"');
    sendError(res, refusal);
  };
}

/** Compared in constant time (over digests, so the lengths need not match). */
const sameSecret = (given: string, expected: string): boolean => timingSafeEqual(digest(given), digest(expected));
const digest = (value: string): Buffer => createHash("sha256").update(value).digest();
