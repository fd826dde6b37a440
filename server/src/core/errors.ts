// The closed set of error codes shared by server and client, each with a message in
// Chinese and English. Codes are stable: clients and tests match on them, never on text.

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
  BAD_POSITION: { zh: "队列位置超出范围", en: "The queue position is out of range" },
  RATE_LIMITED: { zh: "操作过于频繁，请稍后再试", en: "Too many requests: try again in a moment" },
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
