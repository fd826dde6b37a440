// The workers' proposals: answers checked against the union's questions, answers summed per
// question, returns and the returned rate, proposals' coverage and their numbering.
import { describe, expect, it } from "vitest";
import {
  checkAnswers,
  collectionPhase,
  formSaysSomething,
  mergeProgress,
  nextProposalNumber,
  numberQuestions,
  percent,
  questionProblems,
  renumberAfterRemoval,
  returnsOf,
  suggestionsOf,
  summariseAnswers,
  unknownForms,
  workersCovered,
  type Answers,
  type FormContent,
  type QuestionInput,
} from "./proposals.ts";

const QUESTIONS = numberQuestions([
  { kind: "choice", text: "您希望今年工资增长幅度是多少？", options: ["3%以下", "3%-5%", "5%以上"], multiple: false },
  { kind: "choice", text: "您最关心哪些事项？（可多选）", options: ["计件单价", "加班工资", "季节工指导标准", "津补贴"], multiple: true },
  { kind: "text", text: "对小时工、临时工工资有什么建议？", options: [], multiple: false },
]);

describe("questions", () => {
  it("are numbered q1..qn in order; a text question keeps no options and is never multiple", () => {
    expect(QUESTIONS.map((q) => q.id)).toEqual(["q1", "q2", "q3"]);
    expect(numberQuestions([{ kind: "text", text: "建议", options: ["x"], multiple: true }])).toEqual([
      { id: "q1", kind: "text", text: "建议", options: [], multiple: false },
    ]);
  });

  it.each<[string, QuestionInput, string[]]>([
    ["a good choice question", { kind: "choice", text: "幅度", options: ["高", "低"], multiple: false }, []],
    ["one option", { kind: "choice", text: "幅度", options: ["高"], multiple: false }, ["questions.0.options: a choice question has at least 2 options"]],
    ["the same option twice", { kind: "choice", text: "幅度", options: ["高", "高"], multiple: false }, ["questions.0.options: options must differ"]],
    ["a text question with options", { kind: "text", text: "建议", options: ["高"], multiple: false }, ["questions.0.options: a text question has no options"]],
  ])("%s", (_name, question, problems) => {
    expect(questionProblems([question])).toEqual(problems);
  });
});

describe("a form's answers", () => {
  it.each<[string, Answers, Answers]>([
    ["one choice", { q1: "3%-5%" }, { q1: ["3%-5%"] }],
    ["one choice as a list", { q1: ["5%以上"] }, { q1: ["5%以上"] }],
    ["several choices, kept in the options' order", { q2: ["津补贴", "计件单价"] }, { q2: ["计件单价", "津补贴"] }],
    ["a text, trimmed", { q3: "  小时工不低于每小时18元 " }, { q3: "小时工不低于每小时18元" }],
    ["empty answers dropped", { q1: [], q3: "   " }, {}],
  ])("accepted: %s", (_name, answers, normal) => {
    expect(checkAnswers(QUESTIONS, answers)).toEqual({ ok: true, answers: normal });
  });

  it.each<[string, Answers, string]>([
    ["an unknown question", { q9: "x" }, "answers.q9: no such question"],
    ["an unknown option", { q1: "10%" }, "answers.q1: not an option: 10%"],
    ["two choices to a one-choice question", { q1: ["3%以下", "5%以上"] }, "answers.q1: one option only"],
    ["an option twice", { q2: ["津补贴", "津补贴"] }, "answers.q2: an option chosen twice"],
    ["choices to a text question", { q3: ["a"] }, "answers.q3: a text question takes a text"],
    ["a text over 1000 characters", { q3: "长".repeat(1001) }, "answers.q3: at most 1000 characters"],
  ])("refused: %s", (_name, answers, problem) => {
    expect(checkAnswers(QUESTIONS, answers)).toEqual({ ok: false, problems: [problem] });
  });

  it.each<[Answers, string, boolean]>([
    [{}, "", false],
    [{}, "   ", false],
    [{}, "希望提高夜班津贴", true],
    [{ q1: ["3%-5%"] }, "", true],
  ])("says something: %j %j → %s", (answers, suggestion, says) => {
    expect(formSaysSomething(answers, suggestion)).toBe(says);
  });
});

describe("the answers summed up", () => {
  const forms: FormContent[] = [
    { number: 2, answers: { q1: ["5%以上"], q2: ["计件单价", "季节工指导标准"], q3: "临时工按日结算" }, suggestion: "" },
    { number: 1, answers: { q1: ["3%-5%"], q2: ["计件单价"] }, suggestion: "希望提高夜班津贴" },
    { number: 3, answers: { q1: ["3%-5%"] }, suggestion: "" },
  ];

  it("counts every option of a choice question, lists texts by form number, and the suggestions", () => {
    expect(summariseAnswers(QUESTIONS, forms)).toEqual([
      {
        questionId: "q1",
        kind: "choice",
        text: QUESTIONS[0]!.text,
        answered: 3,
        counts: [
          { option: "3%以下", count: 0 },
          { option: "3%-5%", count: 2 },
          { option: "5%以上", count: 1 },
        ],
      },
      {
        questionId: "q2",
        kind: "choice",
        text: QUESTIONS[1]!.text,
        answered: 2,
        counts: [
          { option: "计件单价", count: 2 },
          { option: "加班工资", count: 0 },
          { option: "季节工指导标准", count: 1 },
          { option: "津补贴", count: 0 },
        ],
      },
      { questionId: "q3", kind: "text", text: QUESTIONS[2]!.text, answered: 1, texts: [{ formNumber: 2, text: "临时工按日结算" }] },
    ]);
    expect(suggestionsOf(forms)).toEqual([{ formNumber: 1, text: "希望提高夜班津贴" }]);
  });
});

describe("returns and the returned rate (回收率)", () => {
  it.each([
    // 平罗县: 360 handed out, 355 back on paper
    [{ handedOut: 360, online: 0, paperTyped: 0, paperCounted: 355 }, 355, "98.6%", false],
    [{ handedOut: 360, online: 40, paperTyped: 15, paperCounted: 300 }, 355, "98.6%", false],
    [{ handedOut: 200, online: 200, paperTyped: 0, paperCounted: 0 }, 200, "100.0%", false],
    [{ handedOut: 3, online: 1, paperTyped: 0, paperCounted: 0 }, 1, "33.3%", false],
    [{ handedOut: 3, online: 2, paperTyped: 0, paperCounted: 0 }, 2, "66.7%", false],
    [{ handedOut: 10, online: 12, paperTyped: 0, paperCounted: 0 }, 12, "120.0%", true],
  ])("%j → %i returned, %s", (input, returned, shown, over) => {
    const r = returnsOf(input);
    expect(r.returned).toBe(returned);
    expect(percent(r.rate!)).toBe(shown);
    expect(r.overHandedOut).toBe(over);
  });

  it("has no rate when nothing was handed out", () => {
    expect(returnsOf({ handedOut: 0, online: 2, paperTyped: 0, paperCounted: 0 })).toMatchObject({ returned: 2, rate: null, overHandedOut: true });
  });
});

describe("协商提案: merging forms", () => {
  it.each([
    ["three forms", { formIds: ["a", "b", "c"], extraWorkers: 0 }, 3],
    ["a form listed twice counts once", { formIds: ["a", "b", "a"], extraWorkers: 0 }, 2],
    ["forms and paper forms counted by hand", { formIds: ["a", "b"], extraWorkers: 40 }, 42],
    ["paper only", { formIds: [], extraWorkers: 120 }, 120],
  ])("%s covers %j → %i workers", (_name, merge, workers) => {
    expect(workersCovered(merge)).toBe(workers);
  });

  it("a form may be merged into more than one proposal; the forms in none are listed", () => {
    const merges = [
      { formIds: ["a", "b"], extraWorkers: 0 },
      { formIds: ["b", "c"], extraWorkers: 5 },
    ];
    expect(merges.map(workersCovered)).toEqual([2, 7]);
    expect(mergeProgress(["a", "b", "c", "d", "e"], merges)).toEqual({ merged: 3, unmerged: ["d", "e"] });
  });

  it("refuses ids that are not forms of the collection, each named once", () => {
    expect(unknownForms(["a", "x", "x", "b"], new Set(["a", "b"]))).toEqual(["x"]);
    expect(unknownForms(["a"], new Set(["a"]))).toEqual([]);
  });

  it.each<[number[], number, [number, number][]]>([
    [
      [1, 2, 3, 4],
      2,
      [
        [3, 2],
        [4, 3],
      ],
    ],
    [
      [4, 1, 3, 2],
      1,
      [
        [2, 1],
        [3, 2],
        [4, 3],
      ],
    ],
    [[1, 2, 3], 3, []],
  ])("numbers %j, proposal %i deleted → %j", (numbers, removed, changes) => {
    expect(renumberAfterRemoval(numbers, removed)).toEqual(changes);
  });

  it("numbers proposals 1..n", () => {
    expect(nextProposalNumber([])).toBe(1);
    expect(nextProposalNumber([1, 2, 3])).toBe(4);
  });
});

describe("the collection's period", () => {
  it.each([
    [99, "upcoming"],
    [100, "open"],
    [199, "open"],
    [200, "closed"],
  ] as const)("at %i: %s", (now, phase) => {
    expect(collectionPhase({ opensAt: 100, closesAt: 200 }, now)).toBe(phase);
  });
});
