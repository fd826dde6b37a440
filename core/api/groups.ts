// 分组讨论 over HTTP (docs/api.md, "Groups"): the organisers define a plenary's groups before the
// meeting (PUT /api/meetings/:id/groups → groups.define by the server in the live meeting), read
// them (GET), and ask for a proposal by a roster column (GET …/groups/proposal?by=sector).
import { z } from "zod";
import { GROUPING_COLUMNS, GroupDefinition, GroupingMethod, GroupProgress, GroupReport, GroupSeat, MAX_GROUPS, type GroupsState } from "../groups/schema.ts";

export const GroupsBody = z
  .object({
    method: GroupingMethod,
    groups: z.array(GroupDefinition).min(1).max(MAX_GROUPS),
  })
  .strict();
export type GroupsBody = z.infer<typeof GroupsBody>;

export const GroupsProposalQuery = z.object({ by: z.enum(GROUPING_COLUMNS) }).strict();

const PlenaryGroupJson = GroupDefinition.extend({
  meetingId: z.string().nullable(),
  seats: z.array(GroupSeat),
  progress: GroupProgress.nullable(),
  report: GroupReport.nullable(),
}).loose();

export const GroupsStateJson: z.ZodType<GroupsState> = z.looseObject({
  phase: z.enum(["none", "defined", "open", "recalling", "closed"]),
  method: GroupingMethod.nullable(),
  groups: z.array(PlenaryGroupJson),
  openedAt: z.number().nullable(),
  recallEndsAt: z.number().nullable(),
  closedAt: z.number().nullable(),
  notices: z.array(z.looseObject({ text: z.string(), at: z.number(), by: z.string() })),
});

/** GET and PUT /api/meetings/:id/groups: the meeting's groups as its live state holds them. */
export const GroupsResponse = z.object({ groups: GroupsStateJson });
export type GroupsResponse = z.infer<typeof GroupsResponse>;

/** GET /api/meetings/:id/groups/proposal: one group per distinct value of the column (core/groups/assign.ts proposeGroups). */
export const GroupsProposalResponse = z.object({ groups: z.array(GroupDefinition.loose()) });
export type GroupsProposalResponse = z.infer<typeof GroupsProposalResponse>;
