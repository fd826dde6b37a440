// Instant polls and ballots (即时表决): commands, events and the shapes of a poll.
// Ballots themselves are not events: they go to the ballot box (server/src/polls), which
// stores them so that a secret ballot cannot be linked to its voter (docs/ballot-secrecy.md).
import { z } from "zod";
import { Role } from "../roles.ts";

const Id = z.string().min(1).max(64);

/**
 * 赞成/反对/弃权 · single choice · multiple choice (min/max) · consent 同意/不同意 · candidates:
 * an election where each candidate gets 赞成/反对/弃权 on the same ballot (等额/差额选举).
 */
export const PollForm = z.enum(["yesNoAbstain", "single", "multiple", "consent", "candidates"]);
export type PollForm = z.infer<typeof PollForm>;

/**
 * What a clause is measured against (docs/glossary.md): 应到 entitled, 实到 present at the
 * opening, 投票 cast (every ballot: abstentions, blank and invalid ones included), or the
 * decisive votes (赞成与反对: cast less abstentions, blank and invalid ballots).
 */
export const Base = z.enum(["entitled", "present", "cast", "decisive"]);
export type Base = z.infer<typeof Base>;

/** 超过 (>) · 不少于, 含本数 (≥) · 不超过, 含本数 (≤) · 少于 (<). */
export const Compare = z.enum(["more", "atLeast", "atMost", "less"]);
export type Compare = z.infer<typeof Compare>;

/** An exact fraction n/d (0 only for an upper bound: "no 否决 ballot"); never a float. */
export const Share = z
  .object({ num: z.number().int().min(0).max(10_000), den: z.number().int().min(1).max(10_000) })
  .strict()
  .refine((s) => s.num <= s.den, { message: "share: num must not exceed den" });
export type Share = z.infer<typeof Share>;

/**
 * One clause of the rule a poll is decided by. Every clause must hold (compound rules). The
 * amount of `option` (or of each option the rule measures) is compared with `share` of the
 * clause's base:
 * - base entitled (应到): every unit the roster entitles, present at the opening or not — an
 *   absent household counts against a consent rate, which is the point of it;
 * - base present (实到): the units present at the opening; only their ballots count;
 * - base cast (投票): the ballots cast, abstentions, blank and invalid ballots included;
 * - base decisive (赞成与反对): the ballots for or against (yes > no with abstentions left out is
 *   "more than half of decisive").
 * `compare`: more / atLeast for what must be reached, atMost / less for a limit on another
 * option (弃权 ≤ 30 % of 投票; no 否决 ballot at all). `measure`: heads, or vote weights
 * (weighted polls). `householdPrefix`: only units whose household starts with it (e.g. 3号楼).
 */
export const RuleClause = z
  .object({
    base: Base,
    share: Share,
    compare: Compare,
    measure: z.enum(["count", "weight"]).default("count"),
    householdPrefix: z.string().trim().min(1).max(40).optional(),
    /** The option this clause counts; without it, each option the rule measures (赞成/同意, each candidate). */
    option: z.string().min(1).max(64).optional(),
  })
  .strict();
export type RuleClause = z.infer<typeof RuleClause>;

/**
 * A clause as stored before the bases were named (polls created before 2026-12). Read from
 * logs only (upgrade.ts turns it into a RuleClause); commands may not send it.
 */
export interface LegacyRuleClause {
  kind: "majorityOfCast" | "majorityOfEligible" | "twoThirdsOfPresent" | "twoThirdsOfEligible" | "percentOfEligible";
  percent?: number;
  measure: "count" | "weight";
  householdPrefix?: string;
}

/**
 * What a quorum counts against 应到: those who cast a ballot (参与表决, 民法典 §278) or those present
 * at the opening (实到: 《集体合同规定》§36, at least 2/3 of the representatives present).
 */
export const QuorumOf = z.enum(["cast", "present"]);
export type QuorumOf = z.infer<typeof QuorumOf>;

/**
 * The share of the entitled (应到) who must cast a ballot (or, with `of: "present"`, be present
 * at the opening) for the result to count (有效人数, or 参与表决 under 民法典 §278): by heads, by
 * weight (e.g. floor area), or both. Without `of` (every poll before 2026-12-21): cast.
 */
export const Quorum = z
  .object({
    share: Share,
    compare: z.enum(["more", "atLeast"]).default("atLeast"),
    measure: z.enum(["count", "weight", "both"]).default("count"),
    of: QuorumOf.optional(),
  })
  .strict();
export type Quorum = z.infer<typeof Quorum>;

/** A quorum as stored before it was a fraction (polls created before 2026-12; upgrade.ts). */
export interface LegacyQuorum {
  percent: number;
  strict: boolean;
}

/** Who is entitled to vote (应到); the list is frozen when the poll opens, absent units included. */
export const Eligibility = z
  .object({
    roles: z.array(Role).min(1).max(5).default(["member"]),
    /**
     * Units absent at the opening may still vote once they arrive (到会后可补投). Never changes a
     * base: they stay outside 实到 and inside 应到 either way.
     */
    absentMayVote: z.boolean().default(false),
    /** Collective bargaining: only one side (职工方 / 企业方). */
    side: z.enum(["worker", "enterprise"]).nullable().default(null),
    /** Community: one ballot per household (户), cast by whichever eligible member votes first. */
    perHousehold: z.boolean().default(false),
  })
  .strict();
export type Eligibility = z.infer<typeof Eligibility> & {
  /**
   * Polls created before 2026-12 only (read from logs, never accepted in a command): the list
   * held only those present at the opening (true) or everyone (false).
   */
  presentOnly?: boolean;
};

export const TallyVisibility = z.enum(["chair", "all", "none"]);
export type TallyVisibility = z.infer<typeof TallyVisibility>;

export const PollDefinition = z
  .object({
    title: z.string().trim().min(1).max(200),
    form: PollForm,
    /** Option labels for single and multiple choice (the fixed forms bring their own). */
    options: z.array(z.string().trim().min(1).max(100)).min(2).max(30).optional(),
    minChoices: z.number().int().min(1).max(30).optional(),
    maxChoices: z.number().int().min(1).max(30).optional(),
    /**
     * Elections: at most this many options (candidates) are elected — those with the most votes
     * among the ones that satisfy every clause; a tie for the last seat elects none of the tied.
     */
    seats: z.number().int().min(1).max(30).optional(),
    /** Single, multiple choice and candidates: a ballot may choose nothing (空白票), counted in 投票. */
    allowBlank: z.boolean().default(false),
    /** Consent and 赞成/反对/弃权: a 否决 option (consent decision-making); the rule limits it. */
    veto: z.boolean().default(false),
    /** 无记名 secret ballot, or 记名 named. */
    secret: z.boolean(),
    eligibility: Eligibility.default({ roles: ["member"], absentMayVote: false, side: null, perHousehold: false }),
    rule: z.array(RuleClause).min(1).max(5),
    quorum: Quorum.nullable().default(null),
    /** Who sees the running tally before the close (secret polls: nobody). */
    tallyVisibility: TallyVisibility.default("none"),
    /** Named polls only: a voter may change their vote until the close. */
    allowChange: z.boolean().default(false),
    /** Count vote weights (e.g. property shares) from the roster. Named polls only. */
    weighted: z.boolean().default(false),
    /** Closes itself after this long once opened (null: the chair closes it). */
    durationSeconds: z
      .number()
      .int()
      .min(10)
      .max(24 * 3600)
      .nullable()
      .default(null),
  })
  .strict();
export type PollDefinition = z.infer<typeof PollDefinition>;

/** What a voter sends: the chosen option ids, and optionally the weight they claim. */
export const BallotInput = z
  .object({
    pollId: Id,
    /** Option ids; for candidates `<candidate>:yes|no|abstain`; empty: a blank ballot where allowed. */
    choices: z.array(z.string().min(1).max(64)).max(90),
    weight: z.number().positive().optional(),
    /** A proxy holder (委托投票) casting the ballot of the unit (a household or person) whose proxy they hold. */
    forUnit: Id.optional(),
  })
  .strict();
export type BallotInput = z.infer<typeof BallotInput>;

/**
 * 纸质票: the chair or the clerk enters the ballot of a unit (household or person) without a
 * device. `note` (e.g. 纸质票已存档, where the paper is kept) is for named polls only: next to
 * the voter it must not describe a secret ballot.
 */
export const PaperBallotInput = z
  .object({
    pollId: Id,
    unitId: Id,
    choices: z.array(z.string().min(1).max(64)).max(90),
    note: z.string().trim().min(1).max(500).optional(),
  })
  .strict();
export type PaperBallotInput = z.infer<typeof PaperBallotInput>;

/** How a unit's ballot was cast: by one of its own people on a device, by a proxy holder, or on paper entered by the clerk. */
export const BallotVia = z.enum(["self", "proxy", "paper"]);
export type BallotVia = z.infer<typeof BallotVia>;

/** Who holds a proxy: a roster participant (present), or a person not on the roster, by name. */
const ProxyHolder = z.union([z.object({ participantId: Id }).strict(), z.object({ name: z.string().trim().min(1).max(60) }).strict()]);

/** A unit's proxy (委托) in one poll, as the state keeps it. */
export const PollProxy = z.object({
  unitId: z.string(),
  /** The roster participant who holds it (votes on their own device), or null for a person not on the roster (the clerk enters it on paper). */
  holderId: z.string().nullable(),
  holderName: z.string(),
  /** The authorisation: a note (required) and an evidence file id (a photo of the signed authorisation), if any. */
  note: z.string(),
  evidence: z.string().nullable(),
  by: z.string(),
});
export type PollProxy = z.infer<typeof PollProxy>;

/** Per option, plus `blank` and `invalid` paper ballots (空白票, 废票: counted in 投票, for nobody). */
export const HandCounts = z.record(z.string().min(1).max(64), z.number().int().min(0).max(100_000));

export const PollCommand = z.discriminatedUnion("type", [
  /** The chair (or the clerk, if the meeting allows it) drafts a poll for the current agenda item. */
  z.object({ type: z.literal("poll.create"), poll: PollDefinition }).strict(),
  /** A draft that was never opened is dropped. */
  z.object({ type: z.literal("poll.discard"), pollId: Id }).strict(),
  /**
   * Opens the poll: the eligible list is frozen from the roster and attendance at this moment.
   * `confirmed`: the chair has seen the warnings (openWarnings: a clause out of reach, the
   * meeting below its quorum) and opens anyway; without it such an opening is refused.
   */
  z.object({ type: z.literal("poll.open"), pollId: Id, confirmed: z.boolean().optional() }).strict(),
  /** Closes the poll and computes the result from the ballot box (the server supplies the tally). */
  z.object({ type: z.literal("poll.close"), pollId: Id }).strict(),
  /** Shows the result to everyone (and on the room display). */
  z.object({ type: z.literal("poll.publish"), pollId: Id }).strict(),
  /** 举手表决: the clerk enters the counts of an in-room show of hands (replaces earlier counts). */
  z.object({ type: z.literal("poll.enterHands"), pollId: Id, counts: HandCounts }).strict(),
  /**
   * 委托投票: the chair or the clerk records that a unit on an open poll's frozen list authorised
   * a proxy, with the authorisation (a note; optionally the id of an uploaded photo). One per unit.
   */
  z
    .object({
      type: z.literal("poll.recordProxy"),
      pollId: Id,
      unitId: Id,
      holder: ProxyHolder,
      note: z.string().trim().min(1).max(500),
      evidence: Id.optional(),
    })
    .strict(),
]);
export type PollCommand = z.infer<typeof PollCommand>;

export const PollOption = z.object({ id: z.string(), label: z.string() });
export type PollOption = z.infer<typeof PollOption>;

/** A voting unit on the frozen list (应到): a person, or a household (`household:<name>`). */
export const EligibleVoter = z.object({
  unitId: z.string(),
  /** Who may cast this unit's ballot. */
  participantIds: z.array(z.string()),
  weight: z.number(),
  household: z.string().nullable(),
  /** Present at the opening (实到). */
  present: z.boolean(),
});
export type EligibleVoter = z.infer<typeof EligibleVoter>;

/** Ballot box totals handed to poll.close by the server: per option, overall and per household prefix. */
export const Tally = z.object({
  ballots: z.number().int().min(0),
  weightCast: z.number().min(0),
  counts: z.record(z.string(), z.number()),
  weights: z.record(z.string(), z.number()),
  /** Ballots that chose nothing (allowBlank); absent in tallies from before. */
  blank: z.number().int().min(0).optional(),
  /** Of the ballots: how many were cast by proxy holders and entered on paper (from the who-voted side). */
  proxies: z.number().int().min(0).optional(),
  paper: z.number().int().min(0).optional(),
  /** Per clause that counts only some ballots (clauseGroup: a building, those present at the opening, or both): the same totals among them. */
  groups: z.record(
    z.string(),
    z.object({
      ballots: z.number(),
      weightCast: z.number(),
      counts: z.record(z.string(), z.number()),
      weights: z.record(z.string(), z.number()),
      blank: z.number().optional(),
    }),
  ),
});
export type Tally = z.infer<typeof Tally>;

export const ClauseResult = z.object({
  clause: RuleClause,
  optionId: z.string(),
  numerator: z.number(),
  denominator: z.number(),
  /** numerator / denominator in percent (0 when the base is 0). */
  percent: z.number(),
  passed: z.boolean(),
});
export type ClauseResult = z.infer<typeof ClauseResult>;

export const PollResult = z.object({
  /** 应到: units entitled (households in a per-household poll). */
  eligibleCount: z.number(),
  eligibleWeight: z.number(),
  /** 实到: of those, present at the opening. */
  presentCount: z.number(),
  /** Electronic ballots (投票 = ballots + hands). */
  ballots: z.number(),
  /** Raised hands entered by the clerk (counted like ballots, weight 1). */
  hands: z.number(),
  counts: z.array(z.object({ optionId: z.string(), count: z.number(), weight: z.number() })),
  clauses: z.array(ClauseResult),
  /** Blank and invalid ballots (in 投票, for nobody). Absent in results from before. */
  blank: z.number().optional(),
  /** Of the ballots: cast by proxy holders (委托) and entered on paper (纸质票). Absent in results from before. */
  proxies: z.number().optional(),
  paper: z.number().optional(),
  invalid: z.number().optional(),
  /** The quorum, checked by heads and/or by weight against 应到. */
  quorum: z
    .object({
      required: Quorum,
      checks: z.array(z.object({ measure: z.enum(["count", "weight"]), turnout: z.number(), base: z.number(), met: z.boolean() })),
      met: z.boolean(),
    })
    .nullable(),
  /** Options elected: those that satisfied every clause (the 赞成/同意 option for the fixed forms; candidates by id), within the seats. */
  passedOptions: z.array(z.string()),
  /** Options that satisfied every clause but tied for the last seat (none of them is elected). */
  tiedAtCut: z.array(z.string()).optional(),
  passed: z.boolean(),
});
export type PollResult = z.infer<typeof PollResult>;

/** Per meeting (config.sync): the organisers allow polls (允许表决), and whether the clerk may run them too. */
export const PollRulesSchema = z.object({ clerkMay: z.boolean(), allowed: z.boolean() }).strict();
export type PollRules = z.infer<typeof PollRulesSchema>;

export const PollEvent = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("poll.created"),
    pollId: z.string(),
    itemId: z.string().nullable(),
    by: z.string(),
    options: z.array(PollOption),
    definition: PollDefinition,
  }),
  z.object({ type: z.literal("poll.discarded"), pollId: z.string() }),
  /** The eligible list is computed from the state at this point of the log (eligibility.ts), not carried. */
  z.object({ type: z.literal("poll.opened"), pollId: z.string(), at: z.number(), closesAt: z.number().nullable() }),
  /** `result` is null in what non-staff receive until the result is published (core/audience.ts). */
  z.object({ type: z.literal("poll.closed"), pollId: z.string(), at: z.number(), by: z.string(), result: PollResult.nullable() }),
  /** Carries the result again, for those who did not see it at the close. */
  z.object({ type: z.literal("poll.published"), pollId: z.string(), at: z.number(), result: PollResult }),
  z.object({ type: z.literal("poll.handsEntered"), pollId: z.string(), counts: z.record(z.string(), z.number()), by: z.string() }),
  /** A unit's proxy, recorded by the chair or the clerk (the holder's name as the roster shows it). */
  PollProxy.extend({ type: z.literal("poll.proxyRecorded"), pollId: z.string() }),
  /** From the organisers: whether polls are allowed (允许表决) and the clerk may run them too. */
  z.object({ type: z.literal("poll.rulesSet"), clerkMay: z.boolean(), allowed: z.boolean() }),
]);
export type PollEvent = z.infer<typeof PollEvent>;

export type PollStatus = "draft" | "open" | "closed" | "published";

export interface Poll {
  pollId: string;
  itemId: string | null;
  createdBy: string;
  definition: PollDefinition;
  options: PollOption[];
  status: PollStatus;
  openedAt: number | null;
  closesAt: number | null;
  closedAt: number | null;
  /** The frozen eligible list (kept with the result). */
  eligible: EligibleVoter[];
  hands: Record<string, number> | null;
  result: PollResult | null;
  /** 委托: the proxies recorded while the poll was open, one per unit at most. */
  proxies: PollProxy[];
}
