import type { feedbackZh } from "./feedback.zh.ts";

export const feedbackEn: typeof feedbackZh = {
  member: {
    moved: "You are now number {{position}} in line",
    withdrawn: "Your request to speak was withdrawn",
    removed: "You are no longer on the speakers' list",
    ended: "Your speech has ended",
  },
  chair: {
    moved: "{{name}} moved to position {{position}} of {{total}}",
    removed: "{{name}} taken off the list",
    ended: "{{name}}'s speech has ended",
    extended: "{{minutes}} min added",
  },
  drag: {
    instructions:
      "To reorder the speakers, press Space or Enter to pick one up, move it with the up and down arrow keys, press Space or Enter again to drop it, or Escape to cancel.",
    pickedUp: "Picked up {{name}}, position {{position}} of {{total}}",
    over: "{{name}} moved to position {{position}} of {{total}}",
    outside: "{{name}} is not over a position in the list",
    dropped: "{{name}} dropped at position {{position}} of {{total}}",
    droppedOutside: "{{name}} dropped, place unchanged",
    cancelled: "Moving cancelled, {{name}} stays at position {{position}}",
  },
  shortcuts: {
    switch: "Single-key shortcuts",
    offHint: "Off: the N, E, P, + and ? keys do nothing, use the buttons",
  },
};
