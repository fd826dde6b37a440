// The BargainingRequest table (要约书, docs/bargaining.md "Request and delegations"): the request and
// its one reply. The reply is written with a guard on "not answered yet", so two replies at once
// record one and refuse the other. Dates are checked against the store's clock (China time); the
// deadline and its state are core's (core/api/bargainingRequests.ts).
import { randomUUID } from "node:crypto";
import {
  deadlineOf,
  type BargainingReplyInput,
  type BargainingRequest,
  type NewBargainingRequest,
  type ReplyAnswer,
} from "../../../../core/api/bargainingRequests.ts";
import { fail, ok, type Result } from "../../../../core/errors.ts";
import { chinaDate } from "../../../../core/ledger/deadline.ts";
import type { Db } from "../../db/database.ts";
import type { BargainingRequest as Row } from "../../db/generated/client.ts";

/** The staff member who enters a request or records a reply. */
export interface Clerk {
  id: string;
  name: string;
}

export class BargainingRequestStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {}

  private toJson(row: Row): BargainingRequest {
    const deadline = deadlineOf(row.sentOn, row.repliedOn, this.now());
    return {
      id: row.id,
      side: row.side as BargainingRequest["side"],
      enterpriseName: row.enterpriseName,
      unionName: row.unionName,
      topics: JSON.parse(row.topics) as string[],
      proposedAt: row.proposedAt.toISOString(),
      proposedPlace: row.proposedPlace,
      requestedBy: row.requestedBy,
      contact: row.contact,
      sentOn: row.sentOn,
      meetingId: row.meetingId,
      replyDeadline: deadline.deadline,
      deadlineState: deadline.state,
      daysLeft: deadline.daysLeft,
      reply:
        row.replyAnswer === null || row.repliedOn === null
          ? null
          : {
              answer: row.replyAnswer as ReplyAnswer,
              reason: row.replyReason,
              repliedOn: row.repliedOn,
              repliedBy: row.repliedBy ?? "",
              late: deadline.late,
              recordedByName: row.replyRecordedByName ?? "",
              recordedAt: (row.replyRecordedAt ?? row.createdAt).toISOString(),
            },
      createdByName: row.createdByName,
      createdAt: row.createdAt.toISOString(),
    };
  }

  /** Every request, the latest sent first. */
  async list(): Promise<BargainingRequest[]> {
    const rows = await this.db.bargainingRequest.findMany({ orderBy: [{ sentOn: "desc" }, { createdAt: "desc" }] });
    return rows.map((row) => this.toJson(row));
  }

  async get(id: string): Promise<BargainingRequest | null> {
    const row = await this.db.bargainingRequest.findUnique({ where: { id } });
    return row && this.toJson(row);
  }

  /** A new request: sent today or earlier; the linked meeting, if any, a bargaining meeting. */
  async create(input: NewBargainingRequest, by: Clerk): Promise<Result<BargainingRequest>> {
    if (input.sentOn > chinaDate(this.now())) return fail("BARGAINING_DATE_INVALID", ["sentOn: after today"]);
    if (input.meetingId) {
      const meeting = await this.db.meeting.findUnique({ where: { id: input.meetingId }, select: { kind: true } });
      if (meeting?.kind !== "bargaining") return fail("BARGAINING_MEETING_UNKNOWN");
    }
    const row = await this.db.bargainingRequest.create({
      data: {
        id: randomUUID(),
        side: input.side,
        enterpriseName: input.enterpriseName,
        unionName: input.unionName,
        topics: JSON.stringify(input.topics),
        proposedAt: new Date(input.proposedAt),
        proposedPlace: input.proposedPlace,
        requestedBy: input.requestedBy,
        contact: input.contact,
        sentOn: input.sentOn,
        meetingId: input.meetingId ?? null,
        createdBy: by.id,
        createdByName: by.name,
        createdAt: new Date(this.now()),
      },
    });
    return ok(this.toJson(row));
  }

  /** The other side's reply, once: dated between the sending and today; after the deadline it is marked late. */
  async reply(id: string, input: BargainingReplyInput, by: Clerk): Promise<Result<BargainingRequest>> {
    const current = await this.db.bargainingRequest.findUnique({ where: { id }, select: { sentOn: true, replyAnswer: true } });
    if (!current) return fail("NOT_FOUND");
    if (current.replyAnswer !== null) return fail("BARGAINING_REQUEST_ANSWERED");
    if (input.repliedOn < current.sentOn) return fail("BARGAINING_DATE_INVALID", ["repliedOn: before the request was sent"]);
    if (input.repliedOn > chinaDate(this.now())) return fail("BARGAINING_DATE_INVALID", ["repliedOn: after today"]);
    const { count } = await this.db.bargainingRequest.updateMany({
      where: { id, replyAnswer: null },
      data: {
        replyAnswer: input.answer,
        replyReason: input.reason || null,
        repliedOn: input.repliedOn,
        repliedBy: input.repliedBy,
        replyRecordedBy: by.id,
        replyRecordedByName: by.name,
        replyRecordedAt: new Date(this.now()),
      },
    });
    if (count === 0) return fail("BARGAINING_REQUEST_ANSWERED");
    const row = await this.db.bargainingRequest.findUniqueOrThrow({ where: { id } });
    return ok(this.toJson(row));
  }
}
