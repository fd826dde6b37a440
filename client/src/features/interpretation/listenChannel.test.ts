import { describe, expect, it } from "vitest";
import { parseMediaPrefs } from "../media/mediaPrefs.ts";
import { languageLabel } from "./languageNames.ts";
import { expectedToHear, listenChannel, offersChannelChoice } from "./listenChannel.ts";

const english = { interpreterId: "p-interpreter", language: "英语" };

describe("listenChannel (原声 / 传译)", () => {
  it("is the floor by default, and with no interpretation whatever the device saved", () => {
    expect(listenChannel({ interpretation: english, me: "p-member", offered: true, chosenLanguage: undefined })).toBe("floor");
    expect(listenChannel({ interpretation: null, me: "p-member", offered: true, chosenLanguage: "英语" })).toBe("floor");
  });

  it("is the interpretation while one runs into the language the member chose on this device", () => {
    expect(listenChannel({ interpretation: english, me: "p-member", offered: true, chosenLanguage: "英语" })).toBe("interpretation");
    // Another language now (the chair changed it): back to the floor until the member chooses again.
    expect(listenChannel({ interpretation: { ...english, language: "维吾尔语" }, me: "p-member", offered: true, chosenLanguage: "英语" })).toBe("floor");
  });

  it("keeps the interpreter, the chair's and clerk's pages and the room display on the floor", () => {
    expect(listenChannel({ interpretation: english, me: "p-interpreter", offered: true, chosenLanguage: "英语" })).toBe("floor");
    expect(listenChannel({ interpretation: english, me: "p-chair", offered: offersChannelChoice("chair", false), chosenLanguage: "英语" })).toBe("floor");
    expect(offersChannelChoice("clerk", false)).toBe(false);
    expect(offersChannelChoice("member", true)).toBe(false);
    expect(offersChannelChoice(null, false)).toBe(false);
    for (const role of ["member", "official", "observer"] as const) expect(offersChannelChoice(role, false)).toBe(true);
  });

  it("is kept per device with the other media choices, and an old or odd value means the floor", () => {
    expect(parseMediaPrefs(JSON.stringify({ listenMode: "full", interpretation: "英语" }))).toEqual({
      micId: undefined,
      cameraId: undefined,
      listenMode: "full",
      interpretation: "英语",
    });
    expect(parseMediaPrefs(JSON.stringify({ listenMode: "full" })).interpretation).toBeUndefined();
    expect(parseMediaPrefs(JSON.stringify({ interpretation: 3 })).interpretation).toBeUndefined();
    expect(parseMediaPrefs(JSON.stringify({ interpretation: "" })).interpretation).toBeUndefined();
  });
});

describe("expectedToHear (self-healing on each channel)", () => {
  const audible = ["p-chair", "p-speaker"];

  it("expects the floor's audible people on the floor channel, the interpreter alone on the interpretation channel", () => {
    expect(expectedToHear("floor", audible, "p-interpreter")).toEqual(audible);
    expect(expectedToHear("interpretation", audible, "p-interpreter")).toEqual(["p-interpreter"]);
  });

  it("follows the channel the server gave, not the one asked for: an older server or no interpreter gives the floor", () => {
    expect(expectedToHear(undefined, audible, "p-interpreter")).toEqual(audible);
    expect(expectedToHear("interpretation", audible, null)).toEqual([]);
  });
});

describe("languageLabel", () => {
  it("names the usual languages in the page's language and keeps anything else as typed", () => {
    expect(languageLabel("英语", "en")).toBe("English");
    expect(languageLabel("维吾尔语", "zh")).toBe("维吾尔语");
    expect(languageLabel("维吾尔语", "en")).toBe("Uyghur");
    expect(languageLabel("english", "zh")).toBe("英语");
    expect(languageLabel("傈僳语", "en")).toBe("傈僳语");
  });
});
