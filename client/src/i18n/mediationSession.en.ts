import type { mediationSessionZh } from "./mediationSession.zh.ts";

export const mediationSessionEn: typeof mediationSessionZh = {
  title: "Mediation session",
  joint: "Joint session",
  elsewhere: "The mediators are talking with one party separately · {{time}}",
  inTalk: "You are in a separate talk with the mediators · {{time}}",
  mediating: "Separate talk with {{name}} · {{time}}",
  party: "Party",
  start: "Start a separate talk",
  end: "End the separate talk",
  positions: "The parties' positions",
  noPositions: "No position stated yet",
  positionText: "{{time}}: {{text}}",
  positionLabel: "State what you ask for and why",
  notes: "Talk notes",
  noteLabel: "Note (the mediators and the party in the talk only; findings the mediators only)",
  kindLabel: "Kind of note",
  kind: { talk: "Talk", fact: "Fact found", option: "Settlement option" },
  send: "Note",
  offline: "Not connected: try again shortly",
  state: "State",
  audio: {
    join: "Join the separate talk's voice",
    leave: "Leave the separate talk's voice",
    hint: "The mediators and the party in the separate talk can talk in its private voice; the other party, the clerk and observers cannot hear it. While you are in it your microphone no longer reaches the meeting.",
    joined: "You are in the separate talk's voice: only the mediators and the party in the talk hear you, the meeting does not.",
  },
};
