// The two meetings whose people withdraw to talk apart, as the caucus's and the separate talk's
// integration and media tests set them up: a bargaining table whose sides hold caucuses (背靠背)
// and a mediation session whose mediators talk with one party alone (单独谈话).
import { expect } from "vitest";
import type { Role } from "../../core/roles.ts";
import type { NewParticipant } from "../../server/src/meetings/participantStore.ts";
import { send, type Harness, type TestClient, type TestServer } from "./harness.ts";

export type DelegateKey = "workerChief" | "worker1" | "worker2" | "enterpriseChief" | "enterprise1" | "enterprise2";
export type CaucusKey = DelegateKey | "recorder" | "observer" | "official" | "chair";

type Seat<K> = { key: K; name: string; role: Role; side: "worker" | "enterprise" | null; chief: boolean };

/** The two delegations: three a side (the §19–§24 minimum), each led by its chief. */
export const DELEGATIONS: readonly Seat<DelegateKey>[] = [
  { key: "workerChief", name: "王工会", role: "member", side: "worker", chief: true },
  { key: "worker1", name: "李职工", role: "member", side: "worker", chief: false },
  { key: "worker2", name: "赵职工", role: "member", side: "worker", chief: false },
  { key: "enterpriseChief", name: "陈人事", role: "member", side: "enterprise", chief: true },
  { key: "enterprise1", name: "周财务", role: "member", side: "enterprise", chief: false },
  { key: "enterprise2", name: "吴生产", role: "member", side: "enterprise", chief: false },
];

/** The delegations, the recorder, an observer, an official and a chair without a side. */
export const BARGAINING_TABLE: readonly Seat<CaucusKey>[] = [
  ...DELEGATIONS,
  { key: "recorder", name: "孙记录", role: "clerk", side: null, chief: false },
  { key: "observer", name: "钱区总", role: "observer", side: null, chief: false },
  { key: "official", name: "郑人社", role: "official", side: null, chief: false },
  { key: "chair", name: "冯主持", role: "chair", side: null, chief: false },
];

export type SessionKey = "partyA" | "partyB" | "chair" | "police" | "clerk" | "observer";

/** Two parties (neighbours both named 张丽), the 主持调解员, a police officer (a mediator), the clerk and an observer. */
export const MEDIATION_SESSION: readonly { key: SessionKey; name: string; role: Role }[] = [
  { key: "partyA", name: "张丽", role: "member" },
  { key: "partyB", name: "张丽", role: "member" },
  { key: "chair", name: "王调解", role: "chair" },
  { key: "police", name: "刘警官", role: "official" },
  { key: "clerk", name: "孙记录", role: "clerk" },
  { key: "observer", name: "钱居委", role: "observer" },
];

export interface ConnectedMeeting<K extends string> {
  meetingId: string;
  ids: Record<K, string>;
  clients: Record<K, TestClient>;
}

/** Open the meeting (meeting.open, by the worker chief or the 主持调解员) once everyone is connected. */
export interface MeetingOptions {
  open?: boolean;
}

/** The bargaining meeting of BARGAINING_TABLE, everyone connected; open if asked (by the worker chief). */
export const bargainingTable = (h: Harness, t: TestServer, options: MeetingOptions = {}): Promise<ConnectedMeeting<CaucusKey>> =>
  connectedMeeting(h, t, { title: "某某公司2027年度工资集体协商", kind: "bargaining", roster: BARGAINING_TABLE, opener: "workerChief" }, options);

/** The mediation meeting of MEDIATION_SESSION, everyone connected; open if asked (by the 主持调解员). */
export const mediationSession = (h: Harness, t: TestServer, options: MeetingOptions = {}): Promise<ConnectedMeeting<SessionKey>> =>
  connectedMeeting(h, t, { title: "楼上漏水纠纷调解", kind: "mediation", roster: MEDIATION_SESSION, opener: "chair" }, options);

interface MeetingPlan<K extends string> {
  title: string;
  kind: "bargaining" | "mediation";
  roster: readonly (NewParticipant & { key: K })[];
  /** Who opens it. */
  opener: K;
}

/** A meeting of the plan's kind and roster; each person connected on a harness socket with their own join token. */
async function connectedMeeting<K extends string>(h: Harness, t: TestServer, plan: MeetingPlan<K>, options: MeetingOptions): Promise<ConnectedMeeting<K>> {
  const { meeting, participants } = await t.server.meetings.create(
    plan.title,
    plan.roster.map(({ key: _key, ...person }) => person),
  );
  await t.server.db.meeting.update({ where: { id: meeting.id }, data: { kind: plan.kind } });
  const ids = Object.fromEntries(plan.roster.map((p, i) => [p.key, participants[i]!.id])) as Record<K, string>;
  const clients = Object.fromEntries(
    await Promise.all(
      plan.roster.map(async (p) => [
        p.key,
        await h.connect(t.url, await t.server.tokens.issue({ participantId: ids[p.key], meetingId: meeting.id, role: p.role })),
      ]),
    ),
  ) as Record<K, TestClient>;
  if (options.open) expect(await send(clients[plan.opener], { type: "meeting.open" })).toMatchObject({ ok: true });
  return { meetingId: meeting.id, ids, clients };
}
