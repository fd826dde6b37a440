// 《集体合同规定》第三十六条: a draft collective contract goes to the 职工代表大会 or all workers; the
// vote is valid only if at least two thirds of the representatives (or workers) are present, and
// the draft passes only with more than half of ALL of them in favour. As a poll: a presence
// quorum (实到 ≥ 2/3 of 应到) and one clause on 应到 (赞成 > 1/2), by heads.
import type { Quorum, RuleClause } from "./schema.ts";

export const ARTICLE_36_QUORUM: Quorum = { share: { num: 2, den: 3 }, compare: "atLeast", measure: "count", of: "present" };
export const ARTICLE_36_RULE: RuleClause[] = [{ base: "entitled", share: { num: 1, den: 2 }, compare: "more", measure: "count" }];
