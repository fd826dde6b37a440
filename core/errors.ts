// The closed set of error codes shared by server and client, each with a message in
// Chinese and English. Codes are stable: clients and tests match on them, never on text.
import { WRITTEN_SPEECHES_PER_ITEM } from "./plan/schema.ts";
import { MAX_STENOGRAPHERS } from "./transcript/schema.ts";

export const ERROR_MESSAGES = {
  VALIDATION: { zh: "请求格式不正确", en: "The request is malformed" },
  TOKEN_MISSING: { zh: "缺少参会链接，请使用个人参会链接进入", en: "No join link: open your personal join link" },
  TOKEN_INVALID: { zh: "参会链接无效或已被篡改", en: "The join link is invalid or has been tampered with" },
  TOKEN_EXPIRED: { zh: "参会链接已过期，请联系会务组", en: "The join link has expired: ask the secretariat for a new one" },
  NOT_FOUND: { zh: "会议或参会人不存在", en: "The meeting or participant does not exist" },
  FORBIDDEN: { zh: "您的角色无权执行此操作", en: "Your role is not allowed to do this" },
  ALREADY_IN_QUEUE: { zh: "您已在发言队列中", en: "You are already in the speaking queue" },
  NOT_IN_QUEUE: { zh: "该人员不在发言队列中", en: "This person is not in the speaking queue" },
  HAS_FLOOR: { zh: "该人员正在发言", en: "This person has the floor" },
  QUEUE_EMPTY: { zh: "发言队列为空", en: "The speaking queue is empty" },
  NO_CURRENT_SPEECH: { zh: "当前没有人发言", en: "Nobody has the floor" },
  SPEECH_PAUSED: { zh: "发言计时已暂停", en: "The speech clock is already paused" },
  SPEECH_NOT_PAUSED: { zh: "发言计时未暂停", en: "The speech clock is not paused" },
  INTERJECTIONS_OFF: { zh: "本议题不允许插话", en: "Interjections are switched off for this agenda item" },
  ALREADY_REQUESTED: { zh: "您已申请插话，请等待主持人答复", en: "You have already asked to interject: wait for the chair" },
  INTERJECTION_RUNNING: {
    zh: "正在插话中，插话不能被打断（程序性发言除外）",
    en: "An interjection is in progress and cannot be interrupted (except by a point of order)",
  },
  BAD_POSITION: { zh: "队列位置超出范围", en: "The queue position is out of range" },
  MEETING_NOT_OPEN: { zh: "会议尚未开始", en: "The meeting has not been opened yet" },
  MEETING_CLOSED: { zh: "会议已结束", en: "The meeting is closed" },
  MEETING_ALREADY_OPEN: { zh: "会议已经开始", en: "The meeting is already open" },
  GROUPS_OPEN: { zh: "分组讨论正在进行，请先召回各组", en: "The groups are in session: call everyone back first" },
  GROUPS_NOT_DEFINED: { zh: "尚未设定分组", en: "No groups have been set up" },
  GROUPS_NOT_OPEN: { zh: "分组讨论未在进行", en: "The groups are not in session" },
  GROUP_MEMBER_TWICE: { zh: "同一人不能分在两个小组", en: "One person cannot be in two groups" },
  GROUP_MEMBER_INVALID: {
    zh: "此人不能分入或调出该小组（主持人不分组；召集人、记录员留在本组）",
    en: "This person cannot be put into or moved out of this group (the chair is in no group; conveners and clerks stay in theirs)",
  },
  GROUP_CONVENER_MISSING: {
    zh: "每个小组须有召集人，召集人和记录员须在本组名单中",
    en: "Each group needs a convener, and its convener and clerk must be among its members",
  },
  GROUP_NAME_TWICE: { zh: "小组名称重复", en: "Two groups have the same name" },
  GROUP_NOT_SELF_SELECTED: { zh: "本次分组不由委员自选议题", en: "In this split members do not choose their topic" },
  NOT_A_GROUP: { zh: "本会议不是分组讨论", en: "This meeting is not a group discussion" },
  NOT_IN_GROUP: { zh: "您未被分入任何小组，请留在全体会议", en: "You are in no group: stay in the plenary" },
  INTERPRETER_IS_CHAIR: { zh: "主持人不能兼任传译", en: "The chair cannot also be the interpreter" },
  ALREADY_STENOGRAPHER: { zh: "该人员已是速记员", en: "This person is already a stenographer" },
  STENOGRAPHER_LIMIT: { zh: `速记员最多 ${MAX_STENOGRAPHERS} 人`, en: `At most ${MAX_STENOGRAPHERS} stenographers` },
  NOT_CURRENT_ENTRY: {
    zh: "只能记录正在进行的发言或插话",
    en: "Only the speech or interjection in progress can be transcribed",
  },
  ALREADY_PRESENT: { zh: "该人员已到会", en: "This person is already present" },
  NO_NEXT_ITEM: { zh: "已是最后一项议程", en: "This is the last agenda item" },
  LINK_REVOKED: { zh: "参会链接已被撤销，请联系会务组", en: "This join link was revoked: ask the secretariat" },
  UNAUTHENTICATED: { zh: "请先登录", en: "Please log in" },
  INVALID_CREDENTIALS: { zh: "用户名或密码错误", en: "Wrong username or password" },
  PASSWORD_TOO_WEAK: {
    zh: "密码太弱：请设置至少 10 位、不易猜到的密码，不要用重复或连续的字符、常用密码、用户名或姓名，例如由几个词组成的较长短语",
    en: "The password is too weak: use at least 10 characters that are hard to guess, with no repeated or sequential characters, common passwords, username or name, for example a longer phrase of several words",
  },
  USERNAME_TAKEN: { zh: "用户名已被使用", en: "This username is taken" },
  CSRF_CHECK_FAILED: { zh: "请求来源校验失败，请刷新页面后重试", en: "Request origin check failed: reload the page and try again" },
  FILE_TOO_LARGE: { zh: "文件过大", en: "The file is too large" },
  FILE_TYPE_NOT_ALLOWED: { zh: "不支持的文件类型", en: "This file type is not allowed" },
  TABLE_TOO_LARGE: {
    zh: "表格解压后过大，请拆分成几个文件分别导入",
    en: "The spreadsheet is too large once unpacked: split it into several files and import them one by one",
  },
  IMPORT_INVALID: { zh: "名单有错误，未导入任何记录", en: "The roster has errors: nothing was imported" },
  IMPORT_NEEDS_CONFIRMATION: { zh: "文件中有需要核对的提示，请核对并确认后再导入", en: "The file has warnings to check: confirm them to import it" },
  LEDGER_IMPORT_INVALID: { zh: "台账文件有错误，未导入任何事项", en: "The ledger file has errors: nothing was imported" },
  ENCODING_UNSUPPORTED: { zh: "无法识别文件编码（支持 UTF-8 和 GBK）", en: "Unrecognised file encoding (UTF-8 and GBK are supported)" },
  CHECKIN_INVALID: { zh: "签到码无效或已更换", en: "The check-in code is invalid or was replaced" },
  JOIN_CODE_INVALID: {
    zh: "入会码无效或已失效，请核对后重新输入，或联系会务组",
    en: "This join code is not valid (mistyped, replaced or revoked): check it or ask the secretariat",
  },
  MEDIA_UNAVAILABLE: { zh: "音视频暂不可用，会议可继续进行", en: "Audio and video are not available now; the meeting goes on" },
  EDIT_CONFLICT: { zh: "他人已修改此内容，请查看最新内容后再保存", en: "Someone else changed this meanwhile: check the latest text, then save again" },
  WRITTEN_SPEECH_LIMIT: {
    zh: `每人每项议程最多提交 ${WRITTEN_SPEECHES_PER_ITEM} 份书面发言`,
    en: `At most ${WRITTEN_SPEECHES_PER_ITEM} written speeches per person per agenda item`,
  },
  POLLS_OFF: { zh: "本次会议不进行表决", en: "Polls are switched off for this meeting" },
  POLLS_NOT_IN_MEDIATION: {
    zh: "人民调解以当事人自愿达成协议为准，不进行表决",
    en: "A mediation session decides by the parties' agreement, never by a vote",
  },
  POLL_NOT_FOUND: { zh: "表决不存在", en: "This poll does not exist" },
  POLL_NOT_OPEN: { zh: "表决尚未开始", en: "This poll is not open" },
  POLL_CLOSED: { zh: "表决已结束，不再接受投票", en: "This poll is closed: no more ballots are accepted" },
  POLL_ALREADY_OPEN: { zh: "有一项表决正在进行，请先结束表决", en: "A poll is open: close it first" },
  NO_ELIGIBLE_VOTERS: { zh: "没有符合条件的表决人（请检查到会情况和表决范围）", en: "Nobody is eligible to vote (check attendance and who may vote)" },
  NOT_ELIGIBLE: { zh: "您不在本次表决的表决人名单中", en: "You are not on this poll's list of eligible voters" },
  ABSENT_AT_OPENING: { zh: "表决开始时您未到会，不能参加本次表决", en: "You were not present when this poll opened, so you cannot vote in it" },
  POLL_NEEDS_CONFIRMATION: {
    zh: "开始表决前请确认提示：按目前到会情况规则无法达到，或会议未达到法定人数",
    en: "Confirm the warnings before opening: the rule cannot be met with those present, or the meeting is below its quorum",
  },
  POLL_NOT_PUBLISHED: { zh: "表决结果尚未公布，公布后可核对选票", en: "The result is not published yet: the ballots can be checked once it is" },
  ALREADY_VOTED: { zh: "您已投票，不能重复投票", en: "You have already voted" },
  INVALID_BALLOT: { zh: "选票无效（选项或选择数量不符合要求）", en: "Invalid ballot (unknown option, or too many or too few choices)" },
  UNIT_ALREADY_VOTED: {
    zh: "该户（或该人）已投票（本人、委托或纸质票），不能再录入",
    en: "This household (or person) has already voted (in person, by proxy or on paper): no second ballot",
  },
  PROXY_EXISTS: { zh: "该户（或该人）本次表决已登记委托", en: "A proxy is already recorded for this household (or person) in this poll" },
  PROXY_HOLDER_INVALID: {
    zh: "受托人须为到会人员（或填写姓名），且不能是委托户本人",
    en: "The proxy holder must be present (or named) and must not belong to the authorising household",
  },
  NO_PROXY: { zh: "您未受该户委托，不能代其投票", en: "You hold no proxy for this household: you cannot vote for it" },
  SECRET_BALLOT_RULE: {
    zh: "无记名表决不能实时公布计票、不能改票，也不能按权重计票",
    en: "A secret ballot cannot show a live tally, allow changing votes or count weights",
  },
  MINUTES_LOCKED: { zh: "会议纪要已定稿，更正须填写更正理由", en: "The minutes are approved and locked: a correction needs a reason" },
  MINUTES_NOT_LATEST: { zh: "只能审定最新一稿会议纪要", en: "Only the latest version of the minutes can be approved" },
  MINUTES_ALREADY_APPROVED: { zh: "该稿会议纪要已定稿", en: "This version of the minutes is already approved" },
  LEDGER_BAD_STATE: { zh: "该事项当前状态下不能执行此操作", en: "This cannot be done to the item in its current state" },
  LEDGER_ALREADY_RATED: { zh: "您已评价过这次答复", en: "You have already rated this reply" },
  LEDGER_DEADLINE_PAST: { zh: "办理时限不能早于今天", en: "The deadline cannot be earlier than today" },
  DEPARTMENT_UNKNOWN: { zh: "承办单位不存在或已停用", en: "The department does not exist or is disabled" },
  SAME_NAME_INDISTINCT: {
    zh: "名单中已有同名人员，且住址、单位及职务、界别都相同，无法区分：请填写其中不同的一项",
    en: "Someone on the roster has this name and the same household, unit and sector: fill in one that differs so they can be told apart",
  },
  DEPARTMENT_EXISTS: { zh: "已有同名的承办单位", en: "A department with this name already exists" },
  COMMUNITY_UNKNOWN: { zh: "社区不存在", en: "The community does not exist" },
  COMMUNITY_EXISTS: { zh: "已有同名的社区", en: "A community with this name already exists" },
  HOUSEHOLD_DUPLICATE: {
    zh: "同一楼栋、单元、户号的住户重复：每户只能登记一次",
    en: "A household with this building, unit and flat is listed twice or already exists: each household is listed once",
  },
  INTAKE_LINK_UNKNOWN: { zh: "该社区反映问题的链接无效，请向社区核实", en: "This community link is not valid: check it with the community" },
  INTAKE_TOO_MANY_PHOTOS: { zh: "最多上传 3 张照片", en: "At most 3 photos can be sent" },
  RECEIPT_UNKNOWN: { zh: "回执不存在，请检查回执链接", en: "No such receipt: check the receipt link" },
  PROPOSAL_LINK_UNKNOWN: { zh: "该征集表链接无效，请向工会核实", en: "This proposal form link is not valid: check it with the union" },
  PROPOSAL_COLLECTION_NOT_OPEN: { zh: "征集尚未开始，暂不能提交征集表", en: "The collection of proposals has not started yet: forms cannot be sent" },
  PROPOSAL_COLLECTION_CLOSED: { zh: "征集已结束，不能再提交征集表", en: "The collection of proposals has ended: forms can no longer be sent" },
  PROPOSAL_ANSWERS_INVALID: { zh: "答案与征集表的问题不符", en: "The answers do not match the form's questions" },
  PROPOSAL_FORM_EMPTY: { zh: "请至少回答一个问题或填写意见建议", en: "Answer at least one question or write a suggestion" },
  PROPOSAL_FORM_UNKNOWN: { zh: "所选征集表不属于本次征集", en: "A chosen form does not belong to this collection" },
  PROPOSAL_QUESTIONS_LOCKED: {
    zh: "已收回征集表，问题不能再修改（可修改标题、份数和时间）",
    en: "Forms have come back, so the questions can no longer change (the title, counts and period can)",
  },
  CAMPAIGN_CLOSED: { zh: "该征询已结束，不能再登记或修改意见", en: "This consent campaign is closed: answers can no longer be recorded or changed" },
  CAMPAIGN_NOT_OPEN: { zh: "该征询尚未开始，暂不能登记意见", en: "This consent campaign has not opened yet: answers cannot be recorded" },
  CAMPAIGN_HOUSEHOLD_UNKNOWN: { zh: "该住户不属于本社区", en: "This household is not on the community's roster" },
  CAMPAIGN_LINK_UNKNOWN: { zh: "关联的台账事项或会议不存在", en: "The linked ledger item or meeting does not exist" },
  CAMPAIGN_OWN_LINK_UNKNOWN: { zh: "本户链接无效或已更换，请联系社区", en: "This household link is not valid or was replaced: ask the community" },
  NOT_BARGAINING: { zh: "本次会议不是工资集体协商", en: "This meeting is not a collective wage bargaining session" },
  NOT_PRESIDING: { zh: "只有主持协商的一方首席代表可以这样做", en: "Only the chief of the presiding side can do this" },
  NOT_CHIEF: { zh: "只有首席代表可以这样做", en: "Only a side's chief can do this" },
  NO_SIDE: { zh: "您不属于职工方或企业方，不能提出报价", en: "You belong to neither side, so you cannot make an offer" },
  CLAUSE_AGREED: { zh: "该条款双方已达成一致，不再接受报价", en: "Both sides have agreed this clause: it takes no more offers" },
  OFFER_NOT_CURRENT: {
    zh: "该报价已不是任何一方的最新报价，请按最新报价确认",
    en: "This offer is no longer either side's current offer: accept the current one",
  },
  SESSION_SUSPENDED: { zh: "协商已中止，恢复协商后才能继续", en: "The session is suspended: resume it first" },
  NOT_SUSPENDED: { zh: "协商未中止", en: "The session is not suspended" },
  CAUCUS_RUNNING: { zh: "本方正在内部协商（背靠背）", en: "Your side is already in a private consultation (caucus)" },
  NO_CAUCUS: { zh: "本方没有正在进行的内部协商", en: "Your side is not in a private consultation (caucus)" },
  CAUCUS_NOT_MEMBER: {
    zh: "只有职工方或企业方的代表可以参加本方的内部协商",
    en: "Only the representatives of a side take part in its private consultation",
  },
  NOT_MEDIATION: { zh: "本次会议不是人民调解", en: "This meeting is not a mediation session" },
  NOT_MEDIATOR: { zh: "只有调解员可以这样做", en: "Only a mediator can do this" },
  NOT_PARTY: { zh: "只有当事人可以这样做", en: "Only a party to the dispute can do this" },
  SEPARATE_TALK_RUNNING: { zh: "调解员正在与一方单独谈话", en: "A mediator is in a separate talk with a party" },
  NO_SEPARATE_TALK: { zh: "当前没有单独谈话", en: "No separate talk is in progress" },
  TALK_NOT_MEMBER: {
    zh: "只有调解员和正在单独谈话的当事人可以查看或记录",
    en: "Only the mediators and the party in the separate talk can read or write its notes",
  },
  TALK_AUDIO_NOT_MEMBER: {
    zh: "只有调解员和正在单独谈话的当事人可以加入单独谈话语音",
    en: "Only the mediators and the party in the separate talk can join its audio",
  },
  TALK_NOTE_LENGTH: { zh: "谈话记录须为 1 至 2000 字", en: "A talk note must have 1 to 2,000 characters" },
  CAUCUS_NOTE_LENGTH: { zh: "内部协商记录须为 1 至 2000 字", en: "A private consultation note must have 1 to 2,000 characters" },
  DELEGATION_INVALID: {
    zh: "双方协商代表不符合规定（人数对等、每方至少 3 人、各一名首席代表、中立的记录员），不能开始协商",
    en: "The delegations do not meet the rules (equal numbers, at least 3 a side, one chief each, a neutral recorder): the session cannot open",
  },
  BARGAINING_MEETING_UNKNOWN: { zh: "关联的会议不存在或不是工资集体协商", en: "The linked meeting does not exist or is not a collective wage bargaining" },
  BARGAINING_DATE_INVALID: {
    zh: "日期不合理：发出日期和答复日期不能晚于今天，答复日期不能早于发出日期",
    en: "Impossible date: neither the sending nor the reply date may be after today, nor the reply before the sending",
  },
  BARGAINING_REQUEST_ANSWERED: { zh: "该要约书已登记答复，不能再次登记", en: "A reply to this request is already recorded" },
  AGREEMENT_NO_AGREED_CLAUSES: {
    zh: "协商中还没有双方达成一致的条款，无法生成合同草案",
    en: "No clause has been agreed by both sides yet: there is nothing to draft an agreement from",
  },
  AGREEMENT_NO_DRAFT: { zh: "尚未生成合同草案", en: "No draft agreement has been made yet" },
  AGREEMENT_POLL_NOT_CLOSED: { zh: "该表决不存在或尚未结束", en: "This poll does not exist or has not closed yet" },
  AGREEMENT_STEP_ORDER: {
    zh: "请按顺序办理：表决通过后双方首席代表签字，双方签字后报送，报送并收到后登记审查结果",
    en: "Do it in order: the chiefs sign after the vote passed, the agreement is filed after both signed, the review is recorded after it was filed and received",
  },
  AGREEMENT_STEP_RECORDED: { zh: "该步骤已登记，不能再次登记", en: "This step is already recorded" },
  AGREEMENT_CONFIRMATION_CODE: {
    zh: "确认码与表决通过的合同文本不符，请重新打开文本核对后再确认",
    en: "The confirmation code does not match the adopted text: open the text again, check it and confirm",
  },
  AGREEMENT_DATE_INVALID: {
    zh: "日期不合理：不能晚于今天，也不能早于上一步的日期",
    en: "Impossible date: it may not be after today, nor before the date of the step before",
  },
  MEDIATION_CASE_STATE: { zh: "案件当前状态不允许此操作", en: "The case's current state does not allow this" },
  MEDIATION_NOT_KEPT: { zh: "回访未确认协议已履行，不能结案", en: "The return visit has not found the agreement kept: the case cannot be closed" },
  MEDIATION_INTAKE_ITEM_INVALID: {
    zh: "关联的居民点单事项不存在或不是居民点单",
    en: "The linked item does not exist or is not a resident's report (居民点单)",
  },
  MEDIATION_MEETING_UNKNOWN: { zh: "关联的会议不存在或不是人民调解", en: "The linked meeting does not exist or is not a mediation" },
  MEDIATION_DATE_INVALID: { zh: "日期不合理：不能早于受理日期", en: "Impossible date: it may not be before the case was accepted" },
  MEDIATION_AGREEMENT_NONE: { zh: "尚未生成调解协议书", en: "No mediation agreement has been drafted yet" },
  MEDIATION_AGREEMENT_NOT_SIGNER: {
    zh: "您不是本调解协议书的当事人或调解员，不能确认",
    en: "You are neither a party nor a mediator of this mediation agreement",
  },
  MEDIATION_AGREEMENT_LOCKED: {
    zh: "各方已签字确认，调解协议书已锁定，不能再修改或拒绝",
    en: "Everyone has signed: the mediation agreement is locked and can no longer be changed or refused",
  },
  MEDIATION_AGREEMENT_REFUSED: {
    zh: "已有当事人拒绝签署，调解不成，协议书不能再修改或确认",
    en: "A party refused to sign: the mediation failed and the agreement can no longer be changed or confirmed",
  },
  MEDIATION_AGREEMENT_SIGNED_ALREADY: { zh: "您已确认过这一稿协议书", en: "You have already confirmed this version" },
  MEDIATION_AGREEMENT_CODE: {
    zh: "确认码与当前协议书文本不符，请重新打开文本核对后再确认",
    en: "The confirmation code does not match the current text: open it again, check it and confirm",
  },
  MEDIATION_AGREEMENT_NAME: { zh: "输入的姓名与协议书上您的姓名不符", en: "The name typed does not match your name on the agreement" },
  MEDIATION_AGREEMENT_NOT_SIGNED: {
    zh: "协议书尚未经各方签字确认，暂不能下载签署版",
    en: "The agreement is not signed by everyone yet: no signed copy to download",
  },
  MEDIATION_AGREEMENT_SIGNATURE_IMAGE: {
    zh: "手写签名图片无法识别或过大",
    en: "The drawn signature is not a readable image or is too large",
  },
  MEDIATION_AGREEMENT_NOT_REFUSED: {
    zh: "只有在当事人拒绝签署（调解不成）后才能登记引导去向",
    en: "A referral is recorded only after a party refused to sign (mediation failed)",
  },
  MEDIATION_AGREEMENT_PARTIES: {
    zh: "请为调解会议名单中的每位当事人指定申请人或被申请人",
    en: "Give every party on the mediation meeting's roster a role: applicant or respondent",
  },
  RATE_LIMITED: { zh: "操作过于频繁，请稍后再试", en: "Too many requests: try again in a moment" },
  TOO_MANY_DEVICES: {
    zh: "同一参会链接已在其他设备上打开，本设备已断开（同时在线的设备数有限）。如需在本设备继续，请刷新页面",
    en: "This join link was opened on another device, so this one was disconnected (only a few devices may be connected at once). Reload the page to continue here",
  },
  INTERNAL: { zh: "服务器内部错误，操作未生效", en: "Internal server error: nothing was changed" },
} as const satisfies Record<string, { zh: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export interface CoreError {
  code: ErrorCode;
  message: { zh: string; en: string };
  /** Field-level detail for VALIDATION errors (paths and reasons, English). */
  details?: string[];
}

export function coreError(code: ErrorCode, details?: string[]): CoreError {
  return details ? { code, message: ERROR_MESSAGES[code], details } : { code, message: ERROR_MESSAGES[code] };
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: CoreError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(code: ErrorCode, details?: string[]): Result<T> => ({ ok: false, error: coreError(code, details) });
