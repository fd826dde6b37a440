// The role words per kind of meeting: the whole table, every kind × role × side × chief flag, in
// both languages, so a change to any label is a deliberate change of this table.
import { describe, expect, it } from "vitest";
import { MEETING_KINDS, meetingKindLabel, type MeetingKind } from "./meetingKind.ts";
import { roleLabel } from "./roleLabels.ts";
import { Role } from "./roles.ts";

type Side = "worker" | "enterprise" | null;
const SIDES: Side[] = [null, "worker", "enterprise"];
const CPPCC: MeetingKind[] = ["consultation", "topic", "department", "roundtable", "plenary", "other"];

const CPPCC_WORDS: Record<Role, [string, string]> = {
  chair: ["主持人", "Chair"],
  member: ["委员", "Member"],
  official: ["列席", "Official"],
  clerk: ["记录员", "Clerk"],
  observer: ["旁听", "Observer"],
};

/** The expected [zh, en] label, restated as a table per kind. */
function expected(kind: MeetingKind, role: Role, side: Side, chief: boolean): [string, string] {
  if (kind === "community") return role === "member" ? ["居民代表", "Resident representative"] : CPPCC_WORDS[role];
  if (kind === "group") return role === "chair" ? ["召集人", "Convener"] : CPPCC_WORDS[role];
  if (kind === "mediation") {
    const mediation: Partial<Record<Role, [string, string]>> = {
      chair: ["主持调解员", "Presiding mediator"],
      member: ["当事人", "Party"],
      official: ["调解员", "Mediator"],
    };
    return mediation[role] ?? CPPCC_WORDS[role];
  }
  if (kind === "bargaining" && (role === "member" || role === "chair")) {
    if (chief)
      return side === "worker"
        ? ["职工方首席代表", "Worker-side chief representative"]
        : side === "enterprise"
          ? ["企业方首席代表", "Enterprise-side chief representative"]
          : ["首席代表", "Chief representative"];
    if (role === "chair") return CPPCC_WORDS.chair;
    return side === "worker"
      ? ["职工方代表", "Worker-side representative"]
      : side === "enterprise"
        ? ["企业方代表", "Enterprise-side representative"]
        : ["协商代表", "Bargaining representative"];
  }
  return CPPCC_WORDS[role];
}

const cases = MEETING_KINDS.flatMap((kind) =>
  Role.options.flatMap((role) => SIDES.flatMap((side) => [false, true].map((chief) => ({ kind, role, side, chief, want: expected(kind, role, side, chief) })))),
);

describe("roleLabel: every kind × role × side × chief, both languages", () => {
  it("covers the whole table", () => expect(cases).toHaveLength(10 * 5 * 3 * 2));
  it.each(cases)("$kind $role side=$side chief=$chief → $want", ({ kind, role, side, chief, want }) => {
    expect([roleLabel(kind, { role, side, chief }, "zh"), roleLabel(kind, { role, side, chief }, "en")]).toEqual(want);
  });
});

describe("roleLabel: the words people expect", () => {
  it("CPPCC kinds keep 委员", () => {
    for (const kind of CPPCC) expect(roleLabel(kind, { role: "member" }, "zh")).toBe("委员");
  });
  it("a community council says 居民代表, never 委员", () => {
    expect(roleLabel("community", { role: "member", side: null, chief: false }, "zh")).toBe("居民代表");
  });
  it("bargaining names the side and the chief", () => {
    expect(roleLabel("bargaining", { role: "member", side: "worker", chief: true }, "zh")).toBe("职工方首席代表");
    expect(roleLabel("bargaining", { role: "member", side: "enterprise", chief: false }, "zh")).toBe("企业方代表");
    // The chiefs preside in turn: a chair who is a chief is called by the chief's title.
    expect(roleLabel("bargaining", { role: "chair", side: "enterprise", chief: true }, "zh")).toBe("企业方首席代表");
  });
  it("a role alone (a poll's voters, a heading) is the group's word", () => {
    expect(roleLabel("mediation", { role: "member" }, "zh")).toBe("当事人");
    expect(roleLabel("bargaining", { role: "member" }, "en")).toBe("Bargaining representative");
  });
  it("an unknown kind (a newer server's) speaks as a CPPCC meeting", () => {
    expect(roleLabel("townHall", { role: "member" }, "zh")).toBe("委员");
  });
});

describe("meetingKindLabel", () => {
  it("names every kind in both languages", () => {
    for (const kind of MEETING_KINDS) {
      expect(meetingKindLabel(kind, "zh")).toMatch(/\p{Script=Han}/u);
      expect(meetingKindLabel(kind, "en")).toMatch(/^[A-Z][\w' -]+$/);
    }
    expect(meetingKindLabel("mediation", "zh")).toBe("人民调解");
  });
  it("shows an unknown kind as stored", () => expect(meetingKindLabel("townHall", "en")).toBe("townHall"));
});
