// Password hashing (argon2id, OWASP parameters), the strength rule for chosen passwords and
// one-time passwords.
import { randomInt } from "node:crypto";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as zxcvbnCommon from "@zxcvbn-ts/language-common";
import argon2 from "argon2";
import { pinyin } from "pinyin-pro";

/** OWASP's argon2id minimum: 19 MiB, 2 passes, 1 lane. */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

const MIN_PASSWORD_LENGTH = 10;
// The longest accepted password (MAX_PASSWORD_LENGTH) is the HTTP contract's: core/api/accounts.ts.

export const hashPassword = (password: string): Promise<string> => argon2.hash(password, OPTIONS);

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false; // a malformed stored hash never lets anyone in
  }
}

/**
 * zxcvbn's score 3: about 10^8 guesses, which argon2id at our parameters makes years of
 * offline work; below it a password falls to a common-password list or a pattern quickly.
 */
const MIN_SCORE = 3;

/** The estimator's warnings (it reports keys, not text) in our words; unknown keys get the general line. */
const WARNINGS: Record<string, { zh: string; en: string }> = {
  straightRow: { zh: "键盘上连成一行的字符很容易猜到", en: "A straight row of keys is easy to guess" },
  keyPattern: { zh: "键盘上的短图案很容易猜到", en: "A short keyboard pattern is easy to guess" },
  simpleRepeat: { zh: "重复的字符（如 aaa）很容易猜到", en: 'Repeated characters such as "aaa" are easy to guess' },
  extendedRepeat: { zh: "重复的字符组合（如 abcabcabc）很容易猜到", en: 'Repeated patterns such as "abcabcabc" are easy to guess' },
  sequences: { zh: "连续的字符（如 abc、123）很容易猜到", en: 'Sequences such as "abc" or "123" are easy to guess' },
  recentYears: { zh: "近年的年份很容易猜到", en: "Recent years are easy to guess" },
  dates: { zh: "日期很容易猜到", en: "Dates are easy to guess" },
  topTen: { zh: "这是最常用的密码之一", en: "This is one of the most used passwords" },
  topHundred: { zh: "这是很常用的密码", en: "This is a very commonly used password" },
  common: { zh: "这是常用密码", en: "This is a commonly used password" },
  similarToCommon: { zh: "与常用密码太相似", en: "This is too similar to a commonly used password" },
  wordByItself: { zh: "单个词很容易猜到", en: "A single word is easy to guess" },
  namesByThemselves: { zh: "单独的姓名很容易猜到", en: "Names on their own are easy to guess" },
  commonNames: { zh: "常见姓名很容易猜到", en: "Common names are easy to guess" },
  userInputs: { zh: "不要包含用户名、姓名或系统名称", en: "It must not contain your username, your name or the system's name" },
};
const GUESSABLE = { zh: "容易被猜到", en: "It is easy to guess" };

/**
 * Passwords common in China that the estimator's (English) lists do not know: pinyin phrases,
 * number codes (5201314 "I love you for life") and the most frequent full names in pinyin.
 */
const CHINESE_COMMON = [
  "woaini",
  "woaini1314",
  "woaini520",
  "1314520",
  "5201314",
  "520520",
  "1314",
  "aini",
  "laopo",
  "laogong",
  "baobei",
  "mima",
  "mimamima",
  "zhongguo",
  "zhongguoren",
  "beijing",
  "shanghai",
  "guangzhou",
  "shenzhen",
  "tianshi",
  "xingfu",
  "kuaile",
  "pingan",
  "fuqi",
  "haoren",
  "zhengxie",
  "weiyuan",
  "shequ",
  "huiyi",
  "yishi",
  "xieshang",
  "dangyuan",
  "gongzuo",
  "bangong",
  "guanli",
  "admin888",
  "qq123456",
  "zhangwei",
  "wangwei",
  "wangfang",
  "liwei",
  "wangxiuying",
  "lixiuying",
  "lina",
  "zhangxiuying",
  "liuwei",
  "zhangmin",
  "lijing",
  "wangjing",
  "zhangli",
  "wangli",
  "lili",
  "liuyang",
  "zhangyong",
  "wangyong",
  "liyong",
  "zhangjie",
  "wanglei",
  "lijun",
  "wangjun",
  "zhangtao",
  "lijie",
  "wangqiang",
  "chenjing",
  "liuyan",
  "liqiang",
  "zhangjing",
  "liming",
  "wangming",
  "zhanglei",
  "liuying",
  "yangyang",
  "wang",
  "li",
  "zhang",
  "liu",
  "chen",
  "yang",
  "huang",
  "zhao",
  "wu",
  "zhou",
  "xu",
  "sun",
  "ma",
  "zhu",
  "hu",
  "guo",
  "he",
  "gao",
  "lin",
  "luo",
];

let estimator: ZxcvbnFactory | undefined;

/** Words a guesser tries first for this account: its login, its name and the name in pinyin. */
function accountWords(account: { username: string; displayName: string }): string[] {
  const syllables = pinyin(account.displayName, { toneType: "none", type: "array", nonZh: "removed" });
  return [account.username, account.displayName, syllables.join(""), ...syllables, "yishiting", "议事厅"].filter((w) => w !== "");
}

/**
 * Why a password someone chose is refused, in both languages, or null when it is acceptable:
 * at least MIN_PASSWORD_LENGTH characters and not easy to guess — not a repeated or sequential
 * run, a common password or one made of the account's own names.
 */
export function checkPasswordStrength(password: string, account: { username: string; displayName: string }): { zh: string; en: string } | null {
  if (password.length < MIN_PASSWORD_LENGTH) return { zh: `至少需要 ${MIN_PASSWORD_LENGTH} 位`, en: `Use at least ${MIN_PASSWORD_LENGTH} characters` };
  estimator ??= new ZxcvbnFactory({ graphs: zxcvbnCommon.adjacencyGraphs, dictionary: { ...zxcvbnCommon.dictionary, chineseCommon: CHINESE_COMMON } });
  const words = accountWords(account);
  const { score, feedback } = estimator.check(password, words);
  if (score >= MIN_SCORE) return null;
  // A name that is both the user's own and a common one: saying "your name" tells them what to change.
  const lower = password.toLowerCase();
  if (words.some((w) => w.length >= 3 && lower.includes(w.toLowerCase()))) return WARNINGS.userInputs!;
  return (feedback.warning && WARNINGS[feedback.warning]) || GUESSABLE;
}

let dummy: Promise<string> | undefined;

/** Spends the time of a real check, so an unknown username answers as slowly as a known one. */
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummy ??= hashPassword("yishiting-dummy-password");
  await verifyPassword(await dummy, password);
}

// No 0/O, 1/l/I: the password is read off a screen or a printout and typed in.
const ALPHABET = "23456789abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";

/** A random 16-character password (about 93 bits), to be changed at first login. */
export function oneTimePassword(length = 16): string {
  let out = "";
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}
