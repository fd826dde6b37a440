// 表决权重 as typed into the participant form: the same rule as the server's
// (server/src/roster/rosterTypes.ts VoteWeight): above 0, at most 4 decimals, up to 1,000,000.

export const MAX_VOTE_WEIGHT = 1_000_000;

/** The weight typed in: null when empty (counts as 1), "invalid" when it breaks the rule. */
export function voteWeightOf(text: string): number | null | "invalid" {
  const value = text.normalize("NFKC").trim();
  if (value === "") return null;
  const match = /^\+?(\d+(?:\.(\d*))?|\.(\d+))$/.exec(value);
  if (!match) return "invalid";
  const weight = Number(value);
  const decimals = (match[2] ?? match[3] ?? "").replace(/0+$/, "").length;
  if (!(weight > 0) || weight > MAX_VOTE_WEIGHT || decimals > 4) return "invalid";
  return weight;
}
