// The archive's tokenization: CJK bigrams with each run's last character, words whole; queries
// as phrases; and the same scheme checked against a real FTS5 table (better-sqlite3, in memory).
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { indexColumn, indexTokens, matchExpression, queryTerms, snippet, tsQuery } from "./tokenize.ts";

describe("indexTokens", () => {
  it("splits CJK runs into overlapping bigrams plus the run's last character; words and numbers whole", () => {
    expect(indexTokens("加装电梯")).toEqual(["加装", "装电", "电梯", "梯"]);
    expect(indexTokens("梯")).toEqual(["梯"]);
    expect(indexTokens("３号楼加装Elevator，共12台。")).toEqual(["3", "号楼", "楼加", "加装", "装", "elevator", "共", "12", "台"]);
  });
});

describe("queryTerms", () => {
  it("drops the last run's lone final character and marks a single trailing character as a prefix", () => {
    expect(queryTerms("电梯")).toEqual([{ tokens: ["电梯"], prefix: false }]);
    expect(queryTerms("老旧小")).toEqual([{ tokens: ["老旧", "旧小"], prefix: false }]);
    expect(queryTerms("梯")).toEqual([{ tokens: ["梯"], prefix: true }]);
    expect(queryTerms(" 电梯2台  物业 ")).toEqual([
      { tokens: ["电梯", "梯", "2", "台"], prefix: true },
      { tokens: ["物业"], prefix: false },
    ]);
    expect(matchExpression(queryTerms("电梯2台 物业"))).toBe('"电梯 梯 2 台" * AND "物业"');
    expect(matchExpression(queryTerms("，。！"))).toBeNull();
    expect(tsQuery(queryTerms("电梯2台 物业"))).toBe("('电梯' <-> '梯' <-> '2' <-> '台':*) & ('物业')");
    expect(tsQuery(queryTerms("，。！"))).toBeNull();
  });
});

describe("against FTS5", () => {
  const db = new Database(":memory:");
  db.exec(`CREATE VIRTUAL TABLE t USING fts5(grams, text UNINDEXED, tokenize = 'unicode61 remove_diacritics 2')`);
  const texts = [
    "建议加装电梯，简化审批。",
    "物业管理要规范，老旧小区改造。",
    "这一段以电", // 电 | 梯 split across two rows
    "梯结尾",
    "电梯间和楼梯",
    "Elevator 3号楼共12台",
  ];
  for (const text of texts) db.prepare(`INSERT INTO t (grams, text) VALUES (?, ?)`).run(indexColumn(text), text);
  const find = (q: string) =>
    (db.prepare(`SELECT text FROM t WHERE t MATCH ? ORDER BY bm25(t)`).all(matchExpression(queryTerms(q))) as { text: string }[]).map((r) => r.text).sort();

  it("finds two- and three-character words, never across rows or across non-adjacent characters", () => {
    expect(find("电梯")).toEqual(["建议加装电梯，简化审批。", "电梯间和楼梯"].sort());
    expect(find("物业")).toEqual(["物业管理要规范，老旧小区改造。"]);
    expect(find("老旧小")).toEqual(["物业管理要规范，老旧小区改造。"]);
    expect(find("电间")).toEqual([]);
    expect(find("以电梯")).toEqual([]);
    expect(find("梯间")).toEqual(["电梯间和楼梯"]);
  });

  it("finds single characters anywhere in a run, words case-insensitively, and ANDs terms", () => {
    expect(find("梯")).toEqual(["建议加装电梯，简化审批。", "梯结尾", "电梯间和楼梯"].sort());
    expect(find("ELEVATOR")).toEqual(["Elevator 3号楼共12台"]);
    expect(find("３号楼")).toEqual(["Elevator 3号楼共12台"]);
    expect(find("电梯 审批")).toEqual(["建议加装电梯，简化审批。"]);
    expect(find("电梯 物业")).toEqual([]);
  });
});

describe("snippet", () => {
  it("marks every occurrence of the terms in the original text, with ellipses around a window", () => {
    expect(snippet("建议加装电梯，简化电梯审批。", "电梯")).toEqual([
      { text: "建议加装", match: false },
      { text: "电梯", match: true },
      { text: "，简化", match: false },
      { text: "电梯", match: true },
      { text: "审批。", match: false },
    ]);
    const long = `${"前".repeat(100)}物业${"后".repeat(100)}`;
    const parts = snippet(long, "物业", 40);
    expect(parts[0]).toEqual({ text: "…", match: false });
    expect(parts.find((p) => p.match)).toEqual({ text: "物业", match: true });
    expect(parts[parts.length - 1]).toEqual({ text: "…", match: false });
    expect(snippet("Elevator ３号楼", "3号")).toEqual([
      { text: "Elevator ", match: false },
      { text: "３号", match: true },
      { text: "楼", match: false },
    ]);
  });
});
