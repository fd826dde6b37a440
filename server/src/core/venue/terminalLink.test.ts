import { expect, it } from "vitest";
import { isVenueTerminal, venueTerminalUrl } from "./terminalLink.ts";

it("puts venue=1 in the query, before the token's fragment", () => {
  expect(venueTerminalUrl("https://yst.example/display#t=abc.def")).toBe("https://yst.example/display?venue=1#t=abc.def");
  expect(venueTerminalUrl("https://yst.example/display?theme=dark#t=x")).toBe("https://yst.example/display?theme=dark&venue=1#t=x");
  expect(isVenueTerminal("?venue=1")).toBe(true);
  expect(isVenueTerminal("?theme=dark&venue=1")).toBe(true);
  expect(isVenueTerminal("")).toBe(false);
  expect(isVenueTerminal("?venue=0")).toBe(false);
});
