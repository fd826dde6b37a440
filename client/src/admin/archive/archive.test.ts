import { describe, expect, it } from "vitest";
import { HttpError } from "../api.ts";
import type { SearchHit } from "../types.ts";
import { groupByMeeting, queryProblem } from "./archive.ts";

const hit = (meetingId: string, ref: string, fields: Partial<SearchHit> = {}): SearchHit => ({
  meetingId,
  meetingTitle: `会议${meetingId}`,
  meetingNumber: null,
  date: null,
  timeZone: "Asia/Shanghai",
  kind: "summary",
  ref,
  itemId: null,
  item: null,
  speaker: null,
  snippet: [{ text: "电梯", match: true }],
  score: -1,
  ...fields,
});

describe("groupByMeeting", () => {
  it("keeps the server's order: meetings by their best hit, hits in order within each", () => {
    const groups = groupByMeeting([hit("b", "1"), hit("a", "2"), hit("b", "3"), hit("c", "4"), hit("a", "5")]);
    expect(groups.map((g) => [g.meetingId, g.hits.map((h) => h.ref)])).toEqual([
      ["b", ["1", "3"]],
      ["a", ["2", "5"]],
      ["c", ["4"]],
    ]);
    expect(groups[0]).toMatchObject({ meetingTitle: "会议b", meetingNumber: null, date: null });
  });
  it("no hits, no groups", () => {
    expect(groupByMeeting([])).toEqual([]);
  });
});

describe("queryProblem", () => {
  const refused = (details: unknown) => new HttpError(400, "VALIDATION", { zh: "请求格式不正确", en: "The request is malformed" }, details);
  it("the server's message about q, in the language asked for", () => {
    const error = refused(["q: 检索词应为 1–50 个字符 / must be 1–50 characters"]);
    expect(queryProblem(error, "zh")).toBe("检索词应为 1–50 个字符");
    expect(queryProblem(error, "en")).toBe("must be 1–50 characters");
  });
  it("null for other errors: another field, another code, not an API error", () => {
    expect(queryProblem(refused(["limit: Too small"]), "zh")).toBeNull();
    expect(queryProblem(new HttpError(403, "FORBIDDEN", { zh: "无权限", en: "Forbidden" }, ["q: x / y"]), "zh")).toBeNull();
    expect(queryProblem(new Error("network"), "zh")).toBeNull();
    expect(queryProblem(refused(undefined), "en")).toBeNull();
  });
});
