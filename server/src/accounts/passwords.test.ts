// The strength rule for passwords people choose (POST /api/auth/password) and the one-time
// passwords the server makes for the first admin, new accounts and resets.
import { describe, expect, it } from "vitest";
import { checkPasswordStrength, oneTimePassword } from "./passwords.ts";

const wang = { username: "wangfang", displayName: "王芳" };

describe("checkPasswordStrength", () => {
  it.each([
    ["aaaaaaaaaa", "重复的字符"],
    ["password123", "常用密码"],
    ["1234567890", "很常用的密码"],
    ["abcdefghij", "连续的字符"],
    ["wangfang123", "用户名"],
    ["Wangfang2026", "用户名"],
  ])("refuses %s, saying why in both languages", (password, zh) => {
    const reason = checkPasswordStrength(password, wang);
    expect(reason?.zh).toContain(zh);
    expect(reason?.en.length).toBeGreaterThan(0);
  });

  it("refuses the account's name in pinyin, not only its login", () => {
    const ouyang = { username: "oy01", displayName: "欧阳修远" };
    expect(checkPasswordStrength("ouyangxiuyuan2026", ouyang)?.zh).toContain("用户名、姓名");
    expect(checkPasswordStrength("ouyangxiuyuan2026", wang)).toBeNull();
  });

  it.each(["woaini1314520", "Zhangwei1988", "5201314woaini", "zhongguo2026"])("refuses %s, common in China though not in the English lists", (password) => {
    expect(checkPasswordStrength(password, wang)).not.toBeNull();
  });

  it("keeps the minimum length of 10 characters", () => {
    expect(checkPasswordStrength("x7#Qz!p2", wang)).toEqual({ zh: "至少需要 10 位", en: "Use at least 10 characters" });
  });

  it("accepts a passphrase", () => {
    expect(checkPasswordStrength("correct-horse-battery", wang)).toBeNull();
    expect(checkPasswordStrength("老旧小区-加装电梯-2026", wang)).toBeNull();
  });

  it("accepts every one-time password the server makes (first admin, new accounts, resets)", () => {
    for (let i = 0; i < 50; i++) expect(checkPasswordStrength(oneTimePassword(), { username: "admin", displayName: "管理员" })).toBeNull();
  });
});
