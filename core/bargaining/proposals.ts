// The workers' proposals before a wage bargaining session (docs/bargaining.md "Proposals"): pure
// rules. The union hands out 《工资集体协商意见建议征集表》 (on paper, or as a link and QR code a
// worker fills in on a phone without an account), counts what comes back, reads the answers and
// merges the returned forms (征集表) into numbered 协商提案, each covering the workers whose forms
// it merges. A form may go into more than one proposal.

/** A question of the 征集表: free text, or a choice list (one choice, or several when `multiple`). */
export const QUESTION_KINDS = ["text", "choice"] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export interface ProposalQuestion {
  /** q1, q2 … in the order the union wrote them: answers are keyed by it. */
  id: string;
  kind: QuestionKind;
  text: string;
  /** The choices of a choice question ([] for a text question). */
  options: string[];
  multiple: boolean;
}

/** A question as the union writes it, before it has an id. */
export type QuestionInput = Omit<ProposalQuestion, "id">;

/** A form's answers: text for a text question, the chosen options for a choice question. */
export type Answers = Record<string, string | string[]>;

/** Where a returned form came from: the public link, or typed in by the union from paper. */
export const FORM_SOURCES = ["online", "paper"] as const;
export type FormSource = (typeof FORM_SOURCES)[number];

export const MAX_QUESTIONS = 30;
export const MAX_OPTIONS = 12;
export const MAX_ANSWER_TEXT = 1000;
export const MAX_SUGGESTION = 2000;

/** The union's questions with their ids, in order. */
export const numberQuestions = (questions: readonly QuestionInput[]): ProposalQuestion[] =>
  questions.map((q, index) => ({
    id: `q${index + 1}`,
    kind: q.kind,
    text: q.text,
    options: q.kind === "choice" ? [...q.options] : [],
    multiple: q.kind === "choice" && q.multiple,
  }));

/** Problems of a question list: a choice question needs two options or more, options differ from each other. */
export function questionProblems(questions: readonly QuestionInput[]): string[] {
  return questions.flatMap((q, index) => {
    if (q.kind === "text") return q.options.length === 0 ? [] : [`questions.${index}.options: a text question has no options`];
    if (q.options.length < 2) return [`questions.${index}.options: a choice question has at least 2 options`];
    return new Set(q.options).size === q.options.length ? [] : [`questions.${index}.options: options must differ`];
  });
}

export type AnswerCheck = { ok: true; answers: Answers } | { ok: false; problems: string[] };

/**
 * Checks a form's answers against the questions and normalises them: texts trimmed, empty answers
 * dropped, choices in the order of the options. Unknown questions, unknown options, several choices
 * to a one-choice question, a text where choices are expected (or the reverse) and over-long texts
 * are problems (paths and reasons, English).
 */
export function checkAnswers(questions: readonly ProposalQuestion[], answers: Answers): AnswerCheck {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const problems: string[] = [];
  const normal: Answers = {};
  for (const [id, answer] of Object.entries(answers)) {
    const question = byId.get(id);
    if (!question) {
      problems.push(`answers.${id}: no such question`);
      continue;
    }
    if (question.kind === "text") {
      if (typeof answer !== "string") problems.push(`answers.${id}: a text question takes a text`);
      else if (answer.trim().length > MAX_ANSWER_TEXT) problems.push(`answers.${id}: at most ${MAX_ANSWER_TEXT} characters`);
      else if (answer.trim() !== "") normal[id] = answer.trim();
      continue;
    }
    const chosen = typeof answer === "string" ? [answer] : answer;
    const unknown = chosen.filter((c) => !question.options.includes(c));
    if (unknown.length > 0) problems.push(`answers.${id}: not an option: ${unknown.join(", ")}`);
    else if (new Set(chosen).size !== chosen.length) problems.push(`answers.${id}: an option chosen twice`);
    else if (!question.multiple && chosen.length > 1) problems.push(`answers.${id}: one option only`);
    else if (chosen.length > 0) normal[id] = question.options.filter((o) => chosen.includes(o));
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, answers: normal };
}

/** A form says something: at least one answer or a suggestion. */
export const formSaysSomething = (answers: Answers, suggestion: string): boolean => Object.keys(answers).length > 0 || suggestion.trim() !== "";

/** What the union reads of one returned form. */
export interface FormContent {
  number: number;
  answers: Answers;
  suggestion: string;
}

export type QuestionSummary =
  | { questionId: string; kind: "choice"; text: string; answered: number; counts: { option: string; count: number }[] }
  | { questionId: string; kind: "text"; text: string; answered: number; texts: { formNumber: number; text: string }[] };

/** Per question: how many forms answered it, the count of each option, or the texts with their form's number. */
export function summariseAnswers(questions: readonly ProposalQuestion[], forms: readonly FormContent[]): QuestionSummary[] {
  const ordered = [...forms].sort((a, b) => a.number - b.number);
  return questions.map((q) => {
    const answering = ordered.filter((f) => f.answers[q.id] !== undefined);
    if (q.kind === "text")
      return {
        questionId: q.id,
        kind: "text",
        text: q.text,
        answered: answering.length,
        texts: answering.map((f) => ({ formNumber: f.number, text: String(f.answers[q.id]) })),
      };
    const chosen = answering.flatMap((f) => [f.answers[q.id]!].flat());
    return {
      questionId: q.id,
      kind: "choice",
      text: q.text,
      answered: answering.length,
      counts: q.options.map((option) => ({ option, count: chosen.filter((c) => c === option).length })),
    };
  });
}

/** The free-text suggestions (意见建议), with their form's number. */
export const suggestionsOf = (forms: readonly FormContent[]): { formNumber: number; text: string }[] =>
  [...forms]
    .sort((a, b) => a.number - b.number)
    .filter((f) => f.suggestion.trim() !== "")
    .map((f) => ({ formNumber: f.number, text: f.suggestion }));

/** What the union knows of the forms: handed out, and back by each way. */
export interface ReturnInput {
  /** 发放: forms handed out (on paper, or the link passed on), as the union counts them. */
  handedOut: number;
  /** Filled in through the link. */
  online: number;
  /** Paper forms the union typed in. */
  paperTyped: number;
  /** Paper forms back that the union counted without typing them in. */
  paperCounted: number;
}

export interface Returns extends ReturnInput {
  /** 收回: every form back, online and paper. */
  returned: number;
  /** 回收率: returned / handed out (null when nothing was handed out). */
  rate: number | null;
  /** More came back than the union says it handed out: the 发放 count needs checking. */
  overHandedOut: boolean;
}

export function returnsOf(input: ReturnInput): Returns {
  const returned = input.online + input.paperTyped + input.paperCounted;
  return {
    ...input,
    returned,
    rate: input.handedOut > 0 ? returned / input.handedOut : null,
    overHandedOut: returned > input.handedOut,
  };
}

/** A rate as people read it: 355 of 360 → "98.6%" (one decimal, rounded half up). */
export const percent = (rate: number): string => `${(Math.round(rate * 1000 + 1e-9) / 10).toFixed(1)}%`;

/** A 协商提案 as merged: the forms it merges and the workers typed for paper forms not typed in. */
export interface Merge {
  formIds: readonly string[];
  /** Workers on paper forms merged but not typed in (the union's count). */
  extraWorkers: number;
}

/** The forms a proposal merges, each once, in the order given. */
export const distinctForms = (formIds: readonly string[]): string[] => [...new Set(formIds)];

/** How many workers a proposal covers: the distinct forms it merges plus the typed count. */
export const workersCovered = (merge: Merge): number => distinctForms(merge.formIds).length + merge.extraWorkers;

/** The merged ids that are not forms of the collection (refused: nothing is merged then). */
export const unknownForms = (formIds: readonly string[], known: ReadonlySet<string>): string[] => distinctForms(formIds).filter((id) => !known.has(id));

/** The next proposal's number: proposals are numbered 1..n with no gaps. */
export const nextProposalNumber = (numbers: readonly number[]): number => numbers.length + 1;

/**
 * The numbers after proposal `removed` is deleted: those after it move up one, so the numbers stay
 * 1..n. Returns the [old, new] pairs that change, in the order to apply them (lowest first, so a
 * number is free before it is taken).
 */
export const renumberAfterRemoval = (numbers: readonly number[], removed: number): [number, number][] =>
  [...numbers]
    .filter((n) => n > removed)
    .sort((a, b) => a - b)
    .map((n) => [n, n - 1]);

/** How many of the returned forms are in at least one proposal, and which are in none yet. */
export function mergeProgress(formIds: readonly string[], merges: readonly Merge[]): { merged: number; unmerged: string[] } {
  const inSome = new Set(merges.flatMap((m) => m.formIds));
  return { merged: formIds.filter((id) => inSome.has(id)).length, unmerged: formIds.filter((id) => !inSome.has(id)) };
}

/** Whether a collection takes forms through its link now. */
export type CollectionPhase = "upcoming" | "open" | "closed";
export const collectionPhase = (period: { opensAt: number; closesAt: number }, now: number): CollectionPhase =>
  now < period.opensAt ? "upcoming" : now >= period.closesAt ? "closed" : "open";
