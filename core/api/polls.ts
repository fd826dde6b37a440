// The one REST route of polls: the photo of a proxy's authorisation (委托书), uploaded by the chair
// or the clerk before `poll.recordProxy` names it as `evidence`, and read back by the staff.
import { z } from "zod";
import { Id } from "./common.ts";

/** The stored photo's id (128 random bits in hex). */
export const EvidenceId = z.string().regex(/^[0-9a-f]{32}$/);

/** POST /api/meetings/:id/polls/evidence (multipart field `file`): the id to send as `evidence`. */
export const PollEvidenceResponse = z.object({ evidence: EvidenceId });
export type PollEvidenceResponse = z.infer<typeof PollEvidenceResponse>;

/** GET /api/meetings/:id/polls/evidence/:evidenceId. */
export const PollEvidenceParams = z.strictObject({ id: Id, evidenceId: EvidenceId });
