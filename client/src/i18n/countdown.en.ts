// What screen readers are told about the speech clock and an interjection's (useClockAnnouncements), key "countdown" of
// the live app's resources: its changes in words, never its ticking digits.
export const countdownEn = {
  speaker: "Now speaking: {{name}}",
  minutesLeft: "{{count}} min left",
  timeUp: "Speaking time is up",
  paused: "The speech is paused",
  pausedForInterjection: "The speech is paused (interjection)",
  resumed: "The speech resumes",
  extended: "Speaking time extended by {{count}} min",
  interjectionMinutesLeft: "Interjection: {{count}} min left",
  interjectionTimeUp: "Interjection time is up",
};
