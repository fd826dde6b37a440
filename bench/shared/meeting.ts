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

export async function createBenchMeeting(server: YishitingServer, title: string, memberCount: number, chairCount: number): Promise<BenchMeeting> {
  const roster: NewParticipant[] = [
    ...Array.from({ length: chairCount }, (_, i) => ({ name: `主持人 ${i + 1}`, role: "chair" as const, sector: "中共", party: "中共" })),
    ...Array.from({ length: memberCount }, (_, i) => {
      const sector = SECTORS[i % SECTORS.length] as string;
      return { name: `委员 ${String(i + 1).padStart(4, "0")}`, role: "member" as const, sector, party: sector };
    }),
  ];
  const { meeting, participants } = await server.meetings.create(title, roster);
  const joiners: Joiner[] = [];
  for (const p of participants) {
    joiners.push({ participantId: p.id, token: await server.tokens.issue({ participantId: p.id, meetingId: meeting.id, role: p.role }) });
  }
  return { meetingId: meeting.id, chairs: joiners.slice(0, chairCount), members: joiners.slice(chairCount) };
}
