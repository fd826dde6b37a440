// docs/protocol.md documents every socket command: the list comes from core/meeting.ts
// (COMMAND_TYPES, read off the capabilities' schemas), so a new command that is not yet
// described in the protocol document fails here instead of drifting silently.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { COMMAND_TYPES } from "../../../core/meeting.ts";

const protocol = fs.readFileSync(path.resolve(import.meta.dirname, "../../../docs/protocol.md"), "utf8");

describe("docs/protocol.md", () => {
  it("names every command of the core", () => {
    expect(COMMAND_TYPES.filter((type) => !protocol.includes(`\`${type}\``))).toEqual([]);
  });
});
