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
  positionLabel: "State what you ask for and why",
  state: "State",
};
