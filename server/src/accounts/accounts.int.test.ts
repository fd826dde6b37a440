// Staff accounts over real HTTP against a real server and SQLite file: login, rate limit,
// sessions and their expiry, logout, password change, account administration, the first
// admin printed on first start and `npm run admin:reset`.
import { createHash } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { eventually, Harness } from "../../../testing/server/harness.ts";
import { ApiClient, createStaff, STAFF_PASSWORD, staffClient } from "../../../testing/server/api.ts";
import { runCommand } from "../../../testing/server/command.ts";
import { ensureFirstAdmin, FIRST_ADMIN } from "./firstAdmin.ts";

const h = new Harness();
afterEach(() => h.cleanup());

const HOUR = 60 * 60 * 1000;

/** A server whose clock the test moves. */
async function clockedServer() {
  const clock = { t: Date.UTC(2026, 10, 25, 9, 0, 0) };
  const test = await h.startServer({ now: () => clock.t });
  return { ...test, clock };
}

describe("login", () => {
  it("logs in with the right password: the account without its hash, an HttpOnly SameSite=Strict cookie, and only the token's SHA-256 stored", async () => {
    const { server, url } = await h.startServer();
    const account = await createStaff(server, "wangfang", "organiser");
    const client = new ApiClient(url);
    const res = await client.login("wangfang");
    expect(res.status).toBe(200);
    expect(res.body.account).toEqual({ ...account, mustChangePassword: false, disabled: false });
    expect(JSON.stringify(res.body)).not.toContain("argon2");
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("yst_session="))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/i); // plain http here
    expect(Buffer.from(client.session!, "base64url")).toHaveLength(32);
    const rows = await server.db.staffSession.findMany();
    expect(rows.map((r) => r.id)).toEqual([createHash("sha256").update(client.session!).digest("hex")]);
    expect((await client.get("/api/auth/me")).body.account.username).toBe("wangfang");
  });

  it("usernames are case-insensitive", async () => {
    const { server, url } = await h.startServer();
    await createStaff(server, "liming", "clerk");
    expect((await new ApiClient(url).login("LiMing")).status).toBe(200);
  });

  it("refuses a wrong password, an unknown user and a disabled account alike with 401 INVALID_CREDENTIALS and no cookie", async () => {
    const { server, url } = await h.startServer();
    const disabled = await createStaff(server, "zhaolei", "organiser");
    await server.db.staffAccount.update({ where: { id: disabled.id }, data: { disabled: true } });
    await createStaff(server, "wangfang", "organiser");
    for (const [username, password] of [
      ["wangfang", "wrong-password-1"],
      ["nobody", STAFF_PASSWORD],
      ["zhaolei", STAFF_PASSWORD],
    ] as const) {
      const client = new ApiClient(url);
      const res = await client.login(username, password);
      expect(res.status, username).toBe(401);
      expect(res.body.error.code).toBe("INVALID_CREDENTIALS");
      expect(res.body.error.message).toEqual({ zh: "用户名或密码错误", en: "Wrong username or password" });
      expect(client.session).toBeUndefined();
    }
    expect(await server.db.staffSession.count()).toBe(0);
  });

  it("validates the body: 400 VALIDATION with details for a missing password or extra fields", async () => {
    const { url } = await h.startServer();
    const res = await new ApiClient(url).post("/api/auth/login", { username: "a", extra: 1 });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("VALIDATION");
    expect(res.body.error.details.join(" ")).toContain("password");
    const malformed = await new ApiClient(url).request("POST", "/api/auth/login", { raw: '{"username": "a", "password": ' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe("VALIDATION");
  });

  it("after 5 wrong passwords for a username answers 429 RATE_LIMITED, even to the right password, until 15 minutes have passed", async () => {
    const { server, url, clock } = await clockedServer();
    await createStaff(server, "wangfang", "organiser");
    await createStaff(server, "liming", "organiser");
    const client = new ApiClient(url);
    for (let i = 0; i < 5; i++) {
      clock.t += 1000;
      expect((await client.login("wangfang", `wrong-${i}-password`)).status).toBe(401);
    }
    const limited = await client.login("wangfang");
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe("RATE_LIMITED");
    expect(client.session).toBeUndefined();
    expect((await new ApiClient(url).login("liming")).status).toBe(200); // another username is not affected
    clock.t += 15 * 60 * 1000 - 5000; // the failures are 0–4 s short of 15 minutes old
    expect((await client.login("wangfang")).status).toBe(429);
    clock.t += 5000; // now all of them are 15 minutes old or more
    const again = await client.login("wangfang");
    expect(again.status).toBe(200);
  });

  it("after 20 failures from one address refuses every username from that address for 15 minutes", async () => {
    const { server, url, clock } = await clockedServer();
    await createStaff(server, "wangfang", "organiser");
    const client = new ApiClient(url);
    for (let i = 0; i < 20; i++) expect((await client.login(`user${i}`, "wrong-password")).status).toBe(401);
    expect((await client.login("wangfang")).status).toBe(429);
    clock.t += 15 * 60 * 1000 + 1;
    expect((await client.login("wangfang")).status).toBe(200);
  });
});

describe("sessions", () => {
  it("expire 12 hours after login (the session row is removed)", async () => {
    const { server, url, clock } = await clockedServer();
    await createStaff(server, "wangfang", "organiser");
    const client = new ApiClient(url);
    await client.login("wangfang");
    clock.t += 12 * HOUR - 1;
    expect((await client.get("/api/auth/me")).status).toBe(200);
    clock.t += 1;
    const expired = await client.get("/api/auth/me");
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe("UNAUTHENTICATED");
    expect(await server.db.staffSession.count()).toBe(0);
  });

  it("logout deletes the session: the old cookie no longer works and the cookie is cleared", async () => {
    const { server, url } = await h.startServer();
    await createStaff(server, "wangfang", "organiser");
    const client = new ApiClient(url);
    await client.login("wangfang");
    const token = client.session!;
    const res = await client.post("/api/auth/logout");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
    expect(client.session).toBeUndefined();
    const replay = new ApiClient(url);
    replay.session = token;
    expect((await replay.get("/api/auth/me")).status).toBe(401);
    expect((await replay.post("/api/auth/logout")).status).toBe(401);
  });

  it("refuses a forged cookie", async () => {
    const { url } = await h.startServer();
    const client = new ApiClient(url);
    client.session = "A".repeat(43);
    expect((await client.get("/api/auth/me")).status).toBe(401);
  });
});

describe("password change", () => {
  it("changes the password and ends the account's other sessions, keeping this one", async () => {
    const { server, url } = await h.startServer();
    await createStaff(server, "wangfang", "organiser");
    const a = new ApiClient(url);
    const b = new ApiClient(url);
    await a.login("wangfang");
    await b.login("wangfang");
    const res = await a.post("/api/auth/password", { currentPassword: STAFF_PASSWORD, newPassword: "a-much-better-passphrase" });
    expect(res.status).toBe(200);
    expect((await a.get("/api/auth/me")).status).toBe(200);
    expect((await b.get("/api/auth/me")).status).toBe(401);
    expect((await new ApiClient(url).login("wangfang")).status).toBe(401);
    expect((await new ApiClient(url).login("wangfang", "a-much-better-passphrase")).status).toBe(200);
  });

  it("refuses a short or guessable password (PASSWORD_TOO_WEAK, with the reason) and a wrong current password, changing nothing", async () => {
    const { server, url } = await h.startServer();
    await createStaff(server, "wangfang", "organiser");
    const a = new ApiClient(url);
    const b = new ApiClient(url);
    await a.login("wangfang");
    await b.login("wangfang");
    for (const [newPassword, zh] of [
      ["short1234", "至少需要 10 位"],
      ["aaaaaaaaaa", "重复的字符"],
      ["password123", "常用密码"],
      ["wangfang123", "用户名"],
      [STAFF_PASSWORD, "当前密码"],
    ]) {
      const weak = await a.post("/api/auth/password", { currentPassword: STAFF_PASSWORD, newPassword });
      expect(weak.status, newPassword).toBe(400);
      expect(weak.body.error.code).toBe("PASSWORD_TOO_WEAK");
      expect(weak.body.error.message.zh).toContain("密码太弱");
      expect(weak.body.error.details.reason.zh).toContain(zh);
      expect(weak.body.error.details.reason.en.length).toBeGreaterThan(0);
    }
    const wrong = await a.post("/api/auth/password", { currentPassword: "not-the-password", newPassword: "a-much-better-passphrase" });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe("INVALID_CREDENTIALS");
    expect((await b.get("/api/auth/me")).status).toBe(200);
    expect((await new ApiClient(url).login("wangfang")).status).toBe(200);
  });
});

describe("accounts (admin)", () => {
  it("creates an account with a one-time password that only allows changing it, then everything", async () => {
    const { server, url } = await h.startServer();
    const { client: admin } = await staffClient(server, url, "root", "admin");
    const created = await admin.post("/api/accounts", { username: "ChenJing", displayName: "陈静", role: "organiser" });
    expect(created.status).toBe(201);
    expect(created.body.account).toMatchObject({ username: "chenjing", displayName: "陈静", role: "organiser", mustChangePassword: true, disabled: false });
    const otp: string = created.body.oneTimePassword;
    expect(otp.length).toBeGreaterThanOrEqual(10);

    const chen = new ApiClient(url);
    const login = await chen.login("chenjing", otp);
    expect(login.body.account.mustChangePassword).toBe(true);
    expect((await chen.get("/api/auth/me")).status).toBe(200);
    const blocked = await chen.get("/api/meetings");
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.details).toEqual(["mustChangePassword"]);
    expect((await chen.post("/api/auth/password", { currentPassword: otp, newPassword: "chen-jing-passphrase" })).status).toBe(200);
    expect((await chen.get("/api/auth/me")).body.account.mustChangePassword).toBe(false);
    expect((await chen.get("/api/meetings")).status).toBe(200);
  });

  it("refuses a taken username (any case) with 409 USERNAME_TAKEN and a bad role with 400", async () => {
    const { server, url } = await h.startServer();
    const { client: admin } = await staffClient(server, url, "root", "admin");
    await createStaff(server, "wangfang", "clerk");
    const taken = await admin.post("/api/accounts", { username: "WANGFANG", displayName: "王芳", role: "clerk" });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe("USERNAME_TAKEN");
    const bad = await admin.post("/api/accounts", { username: "x y", displayName: "", role: "king" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.length).toBe(3);
    expect(await server.db.staffAccount.count()).toBe(2);
  });

  it("lists accounts without hashes; disabling ends the sessions; the last admin cannot be disabled", async () => {
    const { server, url } = await h.startServer();
    const { client: admin, account: root } = await staffClient(server, url, "root", "admin");
    const { client: wang, account } = await staffClient(server, url, "wangfang", "organiser");
    const list = await admin.get("/api/accounts");
    expect(list.body.accounts.map((a: { username: string }) => a.username)).toEqual(["root", "wangfang"]);
    expect(JSON.stringify(list.body)).not.toMatch(/passwordHash|argon2/);
    const patched = await admin.patch(`/api/accounts/${account.id}`, { disabled: true, displayName: "王芳" });
    expect(patched.body.account).toMatchObject({ disabled: true, displayName: "王芳" });
    expect((await wang.get("/api/auth/me")).status).toBe(401);
    const self = await admin.patch(`/api/accounts/${root.id}`, { disabled: true });
    expect(self.status).toBe(400);
    expect((await admin.patch(`/api/accounts/${root.id}`, { role: "clerk" })).status).toBe(400);
    expect((await admin.get("/api/auth/me")).body.account).toMatchObject({ role: "admin", disabled: false });
    expect((await admin.patch("/api/accounts/nope", { disabled: true })).status).toBe(404);
  });

  it("reset-password gives a new one-time password and ends the account's sessions", async () => {
    const { server, url } = await h.startServer();
    const { client: admin } = await staffClient(server, url, "root", "admin");
    const { client: wang, account } = await staffClient(server, url, "wangfang", "organiser");
    const res = await admin.post(`/api/accounts/${account.id}/reset-password`);
    expect(res.status).toBe(200);
    expect((await wang.get("/api/auth/me")).status).toBe(401);
    expect((await new ApiClient(url).login("wangfang")).status).toBe(401);
    const login = await new ApiClient(url).login("wangfang", res.body.oneTimePassword);
    expect(login.status).toBe(200);
    expect(login.body.account.mustChangePassword).toBe(true);
  });
});

describe("CSRF", () => {
  it("refuses state-changing requests without X-Yishiting: 1 (403 CSRF_CHECK_FAILED), changing nothing", async () => {
    const { server, url } = await h.startServer();
    await createStaff(server, "wangfang", "organiser");
    const noHeader = await new ApiClient(url).post("/api/auth/login", { username: "wangfang", password: STAFF_PASSWORD }, { csrf: false });
    expect(noHeader.status).toBe(403);
    expect(noHeader.body.error.code).toBe("CSRF_CHECK_FAILED");
    expect(await server.db.staffSession.count()).toBe(0);
    const wrongValue = await new ApiClient(url).post(
      "/api/auth/login",
      { username: "wangfang", password: STAFF_PASSWORD },
      { csrf: false, headers: { "X-Yishiting": "0" } },
    );
    expect(wrongValue.status).toBe(403);

    const client = new ApiClient(url);
    await client.login("wangfang");
    const created = await client.post("/api/meetings", { title: "协商会" }, { csrf: false });
    expect(created.status).toBe(403);
    expect(await server.db.meeting.count()).toBe(0);
    expect((await client.get("/api/meetings", { csrf: false })).status).toBe(200); // GET needs no header
  });
});

describe("first admin", () => {
  it("is created on first start with a one-time password printed once, and not again on restart", async () => {
    const dataDir = h.tempDir();
    const first = await h.spawnServer(dataDir);
    const line = await eventually(() => {
      const match = /One-time password for account "admin": (\S+)/.exec(first.output());
      if (!match) throw new Error("no password line yet");
      return match;
    });
    expect(first.output()).toContain("一次性密码");
    const password = line[1]!;
    const client = new ApiClient(first.url);
    const login = await client.login("admin", password);
    expect(login.status).toBe(200);
    expect(login.body.account).toMatchObject({ role: "admin", mustChangePassword: true });
    await first.kill("SIGTERM");

    const second = await h.spawnServer(dataDir);
    expect((await new ApiClient(second.url).login("admin", password)).status).toBe(200);
    await second.kill("SIGTERM");
    expect(second.output()).not.toContain("One-time password");
  });

  it("must choose a password that is not easy to guess at first login: ten repeated letters or admin12345 are refused", async () => {
    const { server, url } = await h.startServer();
    const otp = (await ensureFirstAdmin(server.db))!;
    const admin = new ApiClient(url);
    expect((await admin.login(FIRST_ADMIN, otp)).status).toBe(200);
    for (const newPassword of ["aaaaaaaaaa", "admin12345"]) {
      const weak = await admin.post("/api/auth/password", { currentPassword: otp, newPassword });
      expect(weak.status).toBe(400);
      expect(weak.body.error.code).toBe("PASSWORD_TOO_WEAK");
    }
    expect((await admin.get("/api/auth/me")).body.account.mustChangePassword).toBe(true);
    expect((await admin.post("/api/auth/password", { currentPassword: otp, newPassword: "老旧小区-加装电梯-2026" })).status).toBe(200);
    expect((await admin.get("/api/auth/me")).body.account.mustChangePassword).toBe(false);
  });

  it("npm run admin:reset -- <username> prints a new one-time password and re-enables the account", async () => {
    const { server, url, dataDir, databaseEnv } = await h.startServer();
    const account = await createStaff(server, "root", "admin");
    await server.db.staffAccount.update({ where: { id: account.id }, data: { disabled: true } });
    const { code, output } = await runCommand("npm", ["run", "-s", "admin:reset", "--", "root"], { YST_DATA_DIR: dataDir, ...databaseEnv });
    expect(code).toBe(0);
    const password = /One-time password for account "root": (\S+)/.exec(output)?.[1];
    expect(password).toBeDefined();
    expect((await new ApiClient(url).login("root")).status).toBe(401);
    const login = await new ApiClient(url).login("root", password!);
    expect(login.status).toBe(200);
    expect(login.body.account).toMatchObject({ mustChangePassword: true, disabled: false });

    const unknown = await runCommand("npm", ["run", "-s", "admin:reset", "--", "nobody"], { YST_DATA_DIR: dataDir, ...databaseEnv });
    expect(unknown.code).toBe(1);
  });
});
