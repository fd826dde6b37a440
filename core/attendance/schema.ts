import { z } from "zod";

const ParticipantIds = z.array(z.string().min(1).max(64)).min(1).max(5000);
export const QuorumRule = z.enum(["none", "majority", "twoThirds"]);
export type QuorumRule = z.infer<typeof QuorumRule>;
const Via = z.enum(["online", "qr", "clerk"]);
export type ArrivalVia = z.infer<typeof Via>;

export type AttendanceStatus = "present" | "absent" | "excused";

export interface Attendance {
  status: AttendanceStatus;
  via: ArrivalVia | null;
  since: number;
}

/** An arrival, departure or 请假, as the attendance log keeps it. */
export interface AttendanceChange {
  participantId: string;
  status: AttendanceStatus;
  via: ArrivalVia | null;
  at: number;
}

export const AttendanceCommand = z.discriminatedUnion("type", [
  /** Arrivals: the server when people join online or check in by QR code; the clerk or chair for the room. */
  z.object({ type: z.literal("attendance.arrive"), participantIds: ParticipantIds, via: Via }).strict(),
  /** Departures: the server after a participant's last connection is gone for the grace period; the clerk or chair. */
  z.object({ type: z.literal("attendance.leave"), participantIds: ParticipantIds }).strict(),
  /** 请假: the clerk or chair records (or withdraws) an excused absence. */
  z.object({ type: z.literal("attendance.excuse"), participantId: z.string().min(1).max(64), excused: z.boolean() }).strict(),
]);
export type AttendanceCommand = z.infer<typeof AttendanceCommand>;

export const AttendanceEvent = z.discriminatedUnion("type", [
  z.object({ type: z.literal("attendance.arrived"), participantIds: z.array(z.string()), via: Via, at: z.number() }),
  z.object({ type: z.literal("attendance.left"), participantIds: z.array(z.string()), at: z.number() }),
  z.object({ type: z.literal("attendance.excused"), participantId: z.string(), excused: z.boolean(), at: z.number() }),
  z.object({ type: z.literal("attendance.ruleSet"), quorumRule: QuorumRule }),
]);
export type AttendanceEvent = z.infer<typeof AttendanceEvent>;
