// English strings of the requests to bargain and the delegation check; keys as in bargainingRequests.zh.ts.
import type { bargainingRequestsZh } from "./bargainingRequests.zh.ts";

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const bargainingRequestsEn: Shape<typeof bargainingRequestsZh> = {
  nav: "Requests to bargain",
  title: "Requests to bargain over wages",
  intro:
    "Article 32 of the Provisions on Collective Contracts: one side asks in writing to bargain; the other answers in writing within 20 days of receiving it and may not refuse without good reason.",
  empty: "No requests yet.",
  side: { worker: "Worker side (union)", enterprise: "Enterprise side" },
  list: {
    sentOn: "Sent",
    requester: "Requesting party",
    addressee: "Addressed to",
    topics: "Topics",
    deadline: "Reply due",
    state: "State",
    actions: "Actions",
    docx: "Word file",
    pdf: "PDF",
    reply: "Record reply",
    meeting: "Meeting",
  },
  state: {
    waiting: "{{count}} day(s) left",
    dueToday: "Due today",
    overdue: "Overdue by {{count}} day(s)",
    accepted: "Accepted",
    declined: "Declined",
    late: "Late reply",
    repliedOn: "{{date}} · {{by}}",
  },
  create: {
    title: "Enter a request",
    side: "Requesting side",
    enterpriseName: "Enterprise",
    unionName: "Union",
    topics: "Topics (one per line)",
    proposedAt: "Proposed time",
    proposedPlace: "Proposed place",
    requestedBy: "Signed by",
    contact: "Contact and phone",
    sentOn: "Sent on",
    meeting: "Bargaining meeting (optional)",
    noMeeting: "None",
    submit: "Enter",
    created: "Request entered: the reply is due by {{date}}",
  },
  reply: {
    title: "Record the reply: {{name}}",
    answer: "Reply",
    accepted: "Agrees to bargain",
    declined: "Declines to bargain",
    reason: "Reason for declining",
    repliedOn: "Reply date",
    repliedBy: "Answered by",
    lateHint: "The reply date is after the deadline ({{date}}): it will be marked late.",
    submit: "Record reply",
    cancel: "Cancel",
    recorded: "Reply recorded",
  },
  delegation: {
    title: "Delegations",
    ok: "Equal delegations ({{count}} each), one chief each and a neutral recorder: the session may open.",
    problems: "Resolve these before the session; until then it cannot open:",
  },
};
