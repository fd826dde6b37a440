// A benchmark meeting on a real Yishiting server: chairs and members (CPPCC sectors, so the
// roster looks like a real one), and a join token for each.
import type { NewParticipant } from "../../server/src/meetings/participantStore.ts";
import type { YishitingServer } from "../../server/src/server.ts";

const SECTORS = ["中共", "民革", "民盟", "民建", "民进", "农工党", "致公党", "九三学社", "无党派人士"];

export interface Joiner {
  token: string;
  participantId: string;
}

export interface BenchMeeting {
  meetingId: string;
  chairs: Joiner[];
  members: Joiner[];
}

/** People written by MeetingStore.create; the rest are appended in batches of this size. */
const CREATE_AT_MOST = 500;

/**
 * Makes the meeting with its roster (in order) and a join token per person. MeetingStore.create
 * writes one INSERT per person inside Prisma's interactive transaction, whose 5 s limit a roster
 * of 2,000 exceeds on PostgreSQL (one round trip each); so the first people go in with the meeting
 * and the rest through ParticipantStore.append (one INSERT per batch), as an organiser's import does.
 */
export async function createMeetingWithRoster(
  server: YishitingServer,
  title: string,
  roster: readonly NewParticipant[],
): Promise<{ meetingId: string; joiners: Joiner[] }> {
  const { meeting, participants } = await server.meetings.create(title, roster.slice(0, CREATE_AT_MOST));
  const people = participants.map((p) => ({ id: p.id, role: p.role }));
  for (let i = CREATE_AT_MOST; i < roster.length; i += CREATE_AT_MOST) {
    const batch = roster.slice(i, i + CREATE_AT_MOST).map((p) => ({
      name: p.name,
      role: p.role,
      ...(p.sector ? { sector: p.sector } : {}),
      ...(p.party ? { party: p.party } : {}),
    }));
    people.push(...(await server.meetings.participants.append(meeting.id, batch)).map((p) => ({ id: p.id, role: p.role as NewParticipant["role"] })));
  }
  const joiners: Joiner[] = [];
  for (const p of people) {
    joiners.push({ participantId: p.id, token: await server.tokens.issue({ participantId: p.id, meetingId: meeting.id, role: p.role }) });
  }
  return { meetingId: meeting.id, joiners };
}

export async function createBenchMeeting(server: YishitingServer, title: string, memberCount: number, chairCount: number): Promise<BenchMeeting> {
  const roster: NewParticipant[] = [
    ...Array.from({ length: chairCount }, (_, i) => ({ name: `主持人 ${i + 1}`, role: "chair" as const, sector: "中共", party: "中共" })),
    ...Array.from({ length: memberCount }, (_, i) => {
      const sector = SECTORS[i % SECTORS.length] as string;
      return { name: `委员 ${String(i + 1).padStart(4, "0")}`, role: "member" as const, sector, party: sector };
    }),
  ];
  const { meetingId, joiners } = await createMeetingWithRoster(server, title, roster);
  return { meetingId, chairs: joiners.slice(0, chairCount), members: joiners.slice(chairCount) };
}
