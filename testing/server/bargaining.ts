// The agreement's integration tests' bargaining table: 3 + 3 representatives with their chiefs'
// units (甲方 and 乙方 of the draft), the recorder and an observer, each with a key for its token.
export const AGREEMENT_ROSTER = [
  { key: "wChief", name: "马文华", role: "member", side: "worker", chief: true, unit: "宁夏塞上农产品有限公司工会" },
  { key: "w2", name: "丁玉梅", role: "member", side: "worker" },
  { key: "w3", name: "杨建军", role: "member", side: "worker" },
  { key: "eChief", name: "王立新", role: "member", side: "enterprise", chief: true, unit: "宁夏塞上农产品有限公司" },
  { key: "e2", name: "李娜", role: "member", side: "enterprise" },
  { key: "e3", name: "周强", role: "member", side: "enterprise" },
  { key: "clerk", name: "何静", role: "clerk" },
  { key: "observer", name: "区总工会", role: "observer" },
] as const;
export type AgreementKey = (typeof AGREEMENT_ROSTER)[number]["key"];

/** The wage clause both chiefs agree in these tests. */
export const RAISE = "2027年度职工工资平均增长6%，其中一线职工不低于7%。";
