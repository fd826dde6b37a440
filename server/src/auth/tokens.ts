// Personal join links carry a signed, expiring token: participant, meeting, role.
// HS256 with a server-side secret; the role is re-read from the database on every connection.
import { errors, jwtVerify, SignJWT } from "jose";
import { fail, ok, type Result } from "../../../core/errors.ts";
import type { Role } from "../../../core/roles.ts";

export interface JoinClaims {
  participantId: string;
  meetingId: string;
  role: Role;
  /** The participant's link version (default 1): bumping it in the database revokes the token. */
  version?: number;
  /** A staff entry's login session (core/staffEntry.ts): logging out ends the token with it. */
  session?: string;
}

export interface VerifiedJoin {
  participantId: string;
  meetingId: string;
  version: number;
  /** The login session a staff entry's token was issued in; null for every other token. */
  session: string | null;
}

export class TokenService {
  private readonly key: Uint8Array<ArrayBuffer>;
  /**
   * The key imported once: jose imports a raw key on every call, which made verifying cost
   * about 2.7× as much, the largest single item of a 2,000-member join storm (issue 17).
   */
  private readonly verifyKey: Promise<CryptoKey>;

  constructor(
    secret: string,
    private readonly ttlHours: number,
  ) {
    this.key = new TextEncoder().encode(secret);
    this.verifyKey = crypto.subtle.importKey("raw", this.key, { name: "HMAC", hash: "SHA-256" }, false, ["verify"]);
  }

  issue(claims: JoinClaims, ttlHours = this.ttlHours): Promise<string> {
    return new SignJWT({ mid: claims.meetingId, role: claims.role, v: claims.version ?? 1, ...(claims.session === undefined ? {} : { sid: claims.session }) })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(claims.participantId)
      .setIssuedAt()
      .setExpirationTime(`${Math.round(ttlHours * 3600)}s`)
      .sign(this.key);
  }

  async verify(token: unknown): Promise<Result<VerifiedJoin>> {
    if (typeof token !== "string" || token.length === 0) return fail("TOKEN_MISSING");
    if (token.length > 2048) return fail("TOKEN_INVALID");
    try {
      const { payload } = await jwtVerify(token, await this.verifyKey, { algorithms: ["HS256"] });
      if (typeof payload.sub !== "string" || typeof payload.mid !== "string") return fail("TOKEN_INVALID");
      const version = typeof payload.v === "number" ? payload.v : 1;
      const session = typeof payload.sid === "string" ? payload.sid : null;
      return ok({ participantId: payload.sub, meetingId: payload.mid, version, session });
    } catch (error) {
      return fail(error instanceof errors.JWTExpired ? "TOKEN_EXPIRED" : "TOKEN_INVALID");
    }
  }
}
