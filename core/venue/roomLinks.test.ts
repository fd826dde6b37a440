import { expect, it } from "vitest";
import { roomLinkKind, roomLinkSubject } from "./roomLinks.ts";

it("names the kind in the token subject and reads it back; anything else is a participant", () => {
  expect(roomLinkSubject("display", "m-1")).toBe("display:m-1");
  expect(roomLinkSubject("venue", "m-1")).toBe("venue:m-1");
  expect(roomLinkKind("display:m-1")).toBe("display");
  expect(roomLinkKind("venue:m:1")).toBe("venue");
  for (const subject of ["3f1c0b6e-participant", "", "display", "venues:m-1", ":m-1"]) expect(roomLinkKind(subject)).toBeNull();
});
