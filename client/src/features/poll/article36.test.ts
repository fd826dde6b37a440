// The 《集体合同规定》第三十六条 preset of the chair's poll form: what it sends is the core's §36
// rule (a presence quorum and more than half of 应到), secret; a ballot quorum sends no `of`.
import { describe, expect, it } from "vitest";
import { ARTICLE_36_QUORUM, ARTICLE_36_RULE } from "@core/poll/article36.ts";
import { article36, emptyDraft, isArticle36, newQuorum, toDefinition } from "./pollDraft.ts";

describe("the §36 preset", () => {
  it("sends the core's §36 quorum and rule, secret, 赞成/反对/弃权", () => {
    const definition = toDefinition(article36({ ...emptyDraft(), title: "工资专项集体合同草案", form: "consent", weighted: true }));
    expect(definition).toMatchObject({ form: "yesNoAbstain", secret: true, weighted: false, quorum: ARTICLE_36_QUORUM, rule: ARTICLE_36_RULE });
  });

  it("is recognised until the chair changes it", () => {
    const draft = article36(emptyDraft());
    expect(isArticle36(draft)).toBe(true);
    expect(isArticle36({ ...draft, quorum: { ...draft.quorum!, of: "cast" } })).toBe(false);
    expect(isArticle36(emptyDraft())).toBe(false);
  });

  it("a quorum of those taking part keeps the shape polls had before (no `of`)", () => {
    const definition = toDefinition({ ...emptyDraft(), title: "t", quorum: newQuorum() });
    expect(definition.quorum).toEqual({ share: { num: 1, den: 2 }, compare: "atLeast", measure: "count" });
  });
});
