import { describe, expect, it } from "vitest";
import { sectionOf } from "./location.ts";

describe("sectionOf", () => {
  it.each([
    ["/admin", "", "admin"],
    ["/admin/meetings/abc/roster", "", "admin"],
    ["/administrator", "", "meeting"],
    ["/", "", "landing"],
    ["/j/ABCDEFGHJK", "", "landing"],
    ["/", "#t=abc", "meeting"],
    ["/join", "#t=abc", "meeting"],
    ["/meeting", "", "meeting"],
    ["/display", "#t=abc", "meeting"],
    ["/checkin/m-1", "#c=xyz", "checkin"],
    ["/checkin/", "", "meeting"],
    ["/c/abcdefghijkmnpqr", "", "intake"],
    ["/r/abcdefghijkmnpqrstuvwxy", "", "intake"],
    ["/c/", "", "meeting"],
    ["/k/Ab3_-xYz0123456789abcdE", "", "ownLink"],
    ["/k/", "", "meeting"],
    ["/w/abcdefghijkmnpqr", "", "workerForm"],
    ["/w/", "", "meeting"],
  ])("%s%s → %s", (path, hash, section) => {
    expect(sectionOf(path, hash)).toBe(section);
  });
});
