// English strings of a bargaining side's private consultation; keys as in caucus.zh.ts.
import type { caucusZh } from "./caucus.zh.ts";

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const caucusEn: Shape<typeof caucusZh> = {
  title: "{{side}}: private consultation",
  private:
    "Only your side's representatives see this: not the other side, the recorder, observers, officials or the room display, and it is not part of the record.",
  empty: "No notes yet.",
  loading: "Loading your side's notes...",
  by: "{{name}} · {{time}}",
  mine: "me",
  label: "Note to your side",
  placeholder: "e.g. Settle the minimum wage first, then the pay rise",
  count: "{{count}} / {{max}}",
  send: "Send to my side",
  sendHint: "Ctrl + Enter sends",
  audio: {
    join: "Join private voice",
    leave: "Leave private voice",
    hint: "Your side's representatives can talk in private voice; the other side, the recorder and observers cannot hear it. While you are in it your microphone no longer reaches the meeting.",
    joined: "You are in your side's private voice: only your side hears you, the meeting does not.",
  },
};
