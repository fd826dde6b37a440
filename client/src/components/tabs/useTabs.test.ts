import { describe, expect, it } from "vitest";
import { tabForKey } from "./useTabs.ts";

describe("tabForKey", () => {
  const tabs = ["room", "record", "minutes"] as const;
  it("moves with the arrows, wrapping around at either end", () => {
    expect(tabForKey(tabs, "room", "ArrowRight")).toBe("record");
    expect(tabForKey(tabs, "minutes", "ArrowRight")).toBe("room");
    expect(tabForKey(tabs, "room", "ArrowLeft")).toBe("minutes");
    expect(tabForKey(tabs, "record", "ArrowUp")).toBe("room");
    expect(tabForKey(tabs, "record", "ArrowDown")).toBe("minutes");
  });
  it("goes to the first and last with Home and End, and ignores other keys", () => {
    expect(tabForKey(tabs, "record", "Home")).toBe("room");
    expect(tabForKey(tabs, "room", "End")).toBe("minutes");
    expect(tabForKey(tabs, "room", "Enter")).toBeNull();
    expect(tabForKey(tabs, "room", "e")).toBeNull();
  });
});
