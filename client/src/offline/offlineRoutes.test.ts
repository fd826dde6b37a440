// What the door page's service worker may answer from its copies: exactly the boot reads.
import { describe, expect, it } from "vitest";
import { ADMIN_PAGES, isOfflineRead, OFFLINE_COPY_HEADER, offlineCopyTime } from "./offlineRoutes.ts";

const ORIGIN = "https://yst.example.cn";
const at = (path: string) => new URL(path, ORIGIN);

describe("the service worker's offline reads", () => {
  it.each([
    ["GET", "/api/auth/me", true],
    ["GET", "/api/campaigns/c-1", true],
    ["GET", "/api/campaigns", false],
    ["GET", "/api/campaigns/c-1/progress", false],
    ["GET", "/api/campaigns/c-1/report.pdf", false],
    ["GET", "/api/campaigns/c-1/answers/u-1/photo", false],
    ["GET", "/api/campaigns/c-1?x=1", false],
    ["GET", "/api/meetings/m-1", false],
    ["GET", "/socket.io/?EIO=4&transport=polling", false],
    ["GET", "/api/media/recordings/r-1", false],
    ["POST", "/api/campaigns/c-1/answers", false],
    ["POST", "/api/auth/me", false],
    ["PATCH", "/api/campaigns/c-1", false],
  ])("%s %s → %s", (method, path, kept) => {
    expect(isOfflineRead(method, at(path), ORIGIN)).toBe(kept);
  });

  it("never another origin's", () => {
    expect(isOfflineRead("GET", new URL("/api/auth/me", "https://elsewhere.example"), ORIGIN)).toBe(false);
  });

  it("falls back to the app shell for admin pages only", () => {
    expect(["/admin", "/admin/", "/admin/campaigns/c-1/doors", "/admin?next=x"].every((p) => ADMIN_PAGES.test(p))).toBe(true);
    expect(["/", "/join", "/m/abc", "/administrator", "/k/token"].some((p) => ADMIN_PAGES.test(p))).toBe(false);
  });

  it("reads a kept copy's time; a fresh answer has none", () => {
    expect(offlineCopyTime(new Headers({ [OFFLINE_COPY_HEADER]: "2026-12-06T02:32:00.000Z" }))).toEqual(new Date("2026-12-06T02:32:00.000Z"));
    expect(offlineCopyTime(new Headers())).toBeNull();
    expect(offlineCopyTime(new Headers({ [OFFLINE_COPY_HEADER]: "yesterday" }))).toBeNull();
  });
});
