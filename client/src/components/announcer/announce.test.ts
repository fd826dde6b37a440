// announce(): a message reaches the live region once; messages of the same task (one change of the
// meeting noticed by two parts of the screen) arrive as one text, so neither replaces the other.
import { describe, expect, it } from "vitest";
import { announce, onAnnouncement } from "./announce.ts";

async function heard(say: () => void): Promise<string[]> {
  const texts: string[] = [];
  const stop = onAnnouncement((text) => texts.push(text));
  say();
  await new Promise((resolve) => setTimeout(resolve, 0));
  stop();
  return texts;
}

describe("announce", () => {
  it("says a message once", async () => {
    expect(await heard(() => announce("已撤回发言申请"))).toEqual(["已撤回发言申请"]);
  });

  it("says messages of the same task together, in order", async () => {
    expect(
      await heard(() => {
        announce("正在发言：李明");
        announce("您现在排第 1 位");
      }),
    ).toEqual(["正在发言：李明 您现在排第 1 位"]);
  });

  it("says messages of different tasks apart, a repeat included", async () => {
    const texts: string[] = [];
    const stop = onAnnouncement((text) => texts.push(text));
    announce("已申请 · 第 2 位");
    await new Promise((resolve) => setTimeout(resolve, 0));
    announce("已申请 · 第 2 位");
    await new Promise((resolve) => setTimeout(resolve, 0));
    stop();
    expect(texts).toEqual(["已申请 · 第 2 位", "已申请 · 第 2 位"]);
  });
});
