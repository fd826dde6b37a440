// The English resources and the English halves of core's bilingual texts use ASCII punctuation
// (no "Rule：", "Summary：", "甲、乙", “quotes”) and no stray capitals in composed sentences.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ERROR_MESSAGES } from "@core/errors.ts";
import { MEETING_KIND_LABELS, MEETING_KINDS } from "@core/meetingKind.ts";
import { decidedByText, priorityText, rankedRule, ruleName } from "@core/ordering/words.ts";
import type { RuleName } from "@core/ordering/suggest.ts";
import { DEFAULT_ORDERING } from "@core/plan/schema.ts";
import { baseName, clauseWords, quorumWords, ruleWords, shareWordsEn } from "@core/poll/ruleText.ts";
import type { Base, Compare, Quorum, RuleClause, Share } from "@core/poll/schema.ts";
import { roleLabel } from "@core/roleLabels.ts";
import { Role } from "@core/roles.ts";
import { describeFindings, fullWidthIn, strayCapitals, strings, type Finding } from "../../../testing/englishText.ts";
import { adminEn } from "./admin.en.ts";
import { en } from "./en.ts";
import { ledgerEn } from "./ledger.en.ts";

/**
 * Chinese data the English text quotes on purpose, as the file must hold it: the ledger import's
 * department cell (甲（协办：乙、丙）) and reply prefixes (【采纳】), a document number (〔2026〕). Keyed by resource key.
 */
const IMPORT_FORMAT = ["甲（协办：乙、丙）", "【采纳】", "【部分采纳】", "【研究】", "【说明】"];
const QUOTED_CHINESE: Record<string, readonly string[]> = {
  "ledger.import.intro": IMPORT_FORMAT,
  "admin.ledger.import.intro": IMPORT_FORMAT,
  // A document number (文号) as the organisers write it.
  "admin.info.numberHint": ["区政协协商〔2026〕5号"],
};

function scan(resources: Record<string, unknown>, prefix: string): Finding[] {
  return [...strings(resources, prefix)].flatMap(([key, text]) => fullWidthIn(key, text, QUOTED_CHINESE[key]));
}

const BASES: Base[] = ["entitled", "present", "cast", "decisive"];
const COMPARES: Compare[] = ["more", "atLeast", "atMost", "less"];
const SHARES: Share[] = [
  { num: 1, den: 2 },
  { num: 2, den: 3 },
  { num: 3, den: 4 },
  { num: 4, den: 5 },
  { num: 7, den: 12 },
  { num: 1, den: 1 },
  { num: 0, den: 1 },
];

/** A set of rules: every base, relation and share, by heads and by weight, for a building, for an option. */
function clauses(): RuleClause[] {
  const out: RuleClause[] = [];
  for (const base of BASES)
    for (const compare of COMPARES)
      for (const share of SHARES)
        for (const measure of ["count", "weight"] as const) {
          out.push({ base, compare, share, measure });
          out.push({ base, compare, share, measure, householdPrefix: "3号楼" });
          out.push({ base, compare, share, measure, option: "abstain" });
        }
  return out;
}

const QUORUMS: Quorum[] = (["more", "atLeast"] as const).flatMap((compare) =>
  (["count", "weight", "both"] as const).flatMap((measure) => SHARES.filter((s) => s.num > 0).map((share) => ({ compare, measure, share }))),
);

const label = (id: string) => (id === "abstain" ? "Abstain" : id);

/** Rule sentences as the phones and the chair's form show them: the clauses, "; and " between, then the quorum. */
function ruleSentences(): [key: string, text: string][] {
  const out: [string, string][] = [];
  const all = clauses();
  for (const perHousehold of [false, true]) {
    const units = { perHousehold };
    for (const [i, c] of all.entries())
      out.push([`clauseWords#${i}${perHousehold ? "/households" : ""}`, clauseWords(c, units, "en", c.option && label(c.option))]);
    // Compound rules: a reaching clause, then each other clause (limits on abstentions, buildings, weights).
    const first: RuleClause = { base: "cast", compare: "more", share: { num: 1, den: 2 }, measure: "count" };
    for (const [i, c] of all.entries()) {
      const rule = ruleWords([first, c], units, "en", label);
      for (const [j, q] of QUORUMS.entries())
        if (j % 7 === i % 7)
          out.push([`poll.ruleSentence#${i}/${j}`, en.poll.ruleSentence.replace("{{rule}}", `${rule}${en.poll.quorumJoin}${quorumWords(q, units, "en")}`)]);
    }
    for (const base of BASES) for (const weight of [false, true]) out.push([`baseName.${base}${weight ? "/weight" : ""}`, baseName(base, units, "en", weight)]);
  }
  for (const share of SHARES) out.push([`shareWordsEn.${share.num}/${share.den}`, shareWordsEn(share)]);
  return out;
}

const RULE_NAMES: (RuleName | "queueOrder")[] = ["pointOfOrder", "booked", "partySlot", "sectorBalance", "notYetSpoken", "queueOrder"];

function orderingTexts(): [key: string, text: string][] {
  const ranked = RULE_NAMES.filter((r): r is RuleName => r !== "queueOrder").map((rule, priority) => ({ rule, priority }));
  return [
    ...RULE_NAMES.map((r): [string, string] => [`ruleName.${r}`, ruleName(r, "en")]),
    ...ranked.map((d): [string, string] => [`rankedRule.${d.rule}`, rankedRule(d, "en")]),
    ["decidedByText", decidedByText(ranked, "en")],
    ["decidedByText/none", decidedByText([], "en")],
    ["priorityText", priorityText(DEFAULT_ORDERING, "en")],
    ["priorityText/sectorFirst", priorityText({ ...DEFAULT_ORDERING, sectorFirst: true }, "en")],
  ];
}

function coreTexts(): [key: string, text: string][] {
  const roles: [string, string][] = [];
  for (const kind of MEETING_KINDS)
    for (const role of Role.options)
      for (const side of [undefined, "worker", "enterprise"] as const)
        for (const chief of [false, true]) roles.push([`roleLabel.${kind}.${role}.${side ?? "-"}.${chief}`, roleLabel(kind, { role, side, chief }, "en")]);
  return [
    ...Object.entries(ERROR_MESSAGES).map(([code, m]): [string, string] => [`ERROR_MESSAGES.${code}.en`, m.en]),
    ...MEETING_KINDS.map((k): [string, string] => [`MEETING_KIND_LABELS.${k}.en`, MEETING_KIND_LABELS[k].en]),
    ...roles,
    ...orderingTexts(),
    ...ruleSentences(),
  ];
}

const CLIENT_SRC = path.join(import.meta.dirname, "..");

/** The client's own source files (not the i18n resources, not tests). */
function* sourceFiles(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (file !== path.join(CLIENT_SRC, "i18n")) yield* sourceFiles(file);
    } else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith(".test.ts")) yield file;
  }
}

/** Comments blanked out (line numbers kept): what is left reaches the screen in both languages. */
const withoutComments = (source: string): string =>
  source.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, " ")).replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");

/** Glyphs that are icons, not punctuation: the minutes editor's add-block button (its name is its aria-label). */
const ICON_GLYPHS = ["＋"];

describe("English resources use ASCII punctuation", () => {
  it("the checker names the key and the character", () => {
    expect(describeFindings(scan({ poll: { ruleApplied: "Rule：" }, notes: "甲、乙" }, "en"))).toEqual([
      'en.poll.ruleApplied: "：" (U+FF1A) in "Rule："',
      'en.notes: "、" (U+3001) in "甲、乙"',
    ]);
    expect(describeFindings(fullWidthIn("k", "Vote “yes”…"))).toHaveLength(3);
    // Quoted Chinese data passes; the same characters elsewhere in that text do not.
    expect(fullWidthIn("k", "partners: 甲（协办：乙、丙） and more；", ["甲（协办：乙、丙）"]).map((f) => f.char)).toEqual(["；"]);
    // Middle dots and dashes are English separators.
    expect(fullWidthIn("k", "Saved · version 2 — 0.5–60 minutes")).toEqual([]);
  });

  it.each([
    ["en", en],
    ["admin", adminEn],
    ["ledger", ledgerEn],
  ] as const)("client/src/i18n %s resources", (prefix, resources) => {
    expect(describeFindings(scan(resources, prefix))).toEqual([]);
  });

  it('client components write no punctuation of their own (a literal "：" after a translated label shows in English too)', () => {
    const findings = [...sourceFiles(CLIENT_SRC)].flatMap((file) =>
      withoutComments(fs.readFileSync(file, "utf8"))
        .split("\n")
        .flatMap((line, i) => fullWidthIn(`${path.relative(CLIENT_SRC, file)}:${i + 1}`, line, ICON_GLYPHS)),
    );
    expect(describeFindings(findings)).toEqual([]);
  });

  it("core's bilingual texts: error messages, meeting kinds, role words, ordering words, rule texts", () => {
    const texts = coreTexts();
    expect(texts.length).toBeGreaterThan(1000);
    expect(describeFindings(texts.flatMap(([key, text]) => fullWidthIn(key, text)))).toEqual([]);
  });

  it('composed English sentences have no stray capitals ("; and At least")', () => {
    expect(strayCapitals("k", "more than half; and At least two thirds")).toEqual(['k: stray capital "At" in "more than half; and At least two"']);
    const texts = [...orderingTexts(), ...ruleSentences()];
    expect(texts.flatMap(([key, text]) => strayCapitals(key, text))).toEqual([]);
  });
});
