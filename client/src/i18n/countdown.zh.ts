// What screen readers are told about the speech clock and an interjection's (useClockAnnouncements), key "countdown" of
// the live app's resources: its changes in words, never its ticking digits.
export const countdownZh = {
  speaker: "正在发言：{{name}}",
  minutesLeft: "剩余 {{count}} 分钟",
  timeUp: "发言时间到",
  paused: "发言已暂停",
  pausedForInterjection: "发言暂停（插话中）",
  resumed: "发言继续",
  extended: "发言时间延长 {{count}} 分钟",
  interjectionMinutesLeft: "插话剩余 {{count}} 分钟",
  interjectionTimeUp: "插话时间到",
};
