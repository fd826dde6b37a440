import { describe, expect, it } from "vitest";
import { ParticipantInput } from "./rosterTypes.ts";

const ok = (input: object) => ParticipantInput.safeParse(input);

describe("ParticipantInput", () => {
  it("trims the name and accepts the optional fields", () => {
    const parsed = ok({
      name: "  王䶮 ",
      role: "member",
      sector: "科技界",
      phone: "+86 139-0000-0000",
      email: "a@example.cn",
      side: "worker",
      chief: true,
      household: "1号楼1单元203",
      accountId: "acc1",
    });
    expect(parsed.success && parsed.data.name).toBe("王䶮");
  });

  it.each<[string, object]>([
    ["empty name", { name: "   ", role: "member" }],
    ["name of 51 characters", { name: "名".repeat(51), role: "member" }],
    ["unknown role", { name: "甲", role: "guest" }],
    ["phone with letters", { name: "甲", role: "member", phone: "139abc00000" }],
    ["phone of 4 digits", { name: "甲", role: "member", phone: "1234" }],
    ["phone of 21 characters", { name: "甲", role: "member", phone: "1".repeat(21) }],
    ["phone without digits", { name: "甲", role: "member", phone: "+- -+-" }],
    ["bad email", { name: "甲", role: "member", email: "a@" }],
    ["unknown side", { name: "甲", role: "member", side: "union" }],
    ["chief as text", { name: "甲", role: "member", chief: "是" }],
    ["vote weight 0", { name: "甲", role: "member", voteWeight: 0 }],
    ["negative vote weight", { name: "甲", role: "member", voteWeight: -1.5 }],
    ["vote weight with 5 decimals", { name: "甲", role: "member", voteWeight: 1.23456 }],
    ["vote weight over 1,000,000", { name: "甲", role: "member", voteWeight: 1_000_000.5 }],
    ["vote weight as text", { name: "甲", role: "member", voteWeight: "89.5" }],
    ["infinite vote weight", { name: "甲", role: "member", voteWeight: Infinity }],
  ])("refuses %s", (_label, input) => {
    expect(ok(input).success).toBe(false);
  });

  it.each(["12345", "0951-1234567", "+86 13900000000", "1".repeat(20)])("accepts phone %s", (phone) => {
    expect(ok({ name: "甲", role: "member", phone }).success).toBe(true);
  });

  it.each([1, 89.5, 120.1234, 0.0001, 1_000_000])("accepts vote weight %s", (voteWeight) => {
    expect(ok({ name: "甲", role: "member", voteWeight }).success).toBe(true);
  });
});
