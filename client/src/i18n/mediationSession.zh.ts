// 人民调解 · 背靠背 (separate talks) and the parties' positions: Chinese first.
export const mediationSessionZh = {
  title: "调解会谈",
  joint: "共同调解",
  elsewhere: "调解员正在与一方单独谈话 · {{time}}",
  inTalk: "您正在与调解员单独谈话 · {{time}}",
  mediating: "正在与 {{name}} 单独谈话 · {{time}}",
  party: "当事人",
  start: "开始单独谈话",
  end: "结束单独谈话",
  positions: "当事人陈述",
  noPositions: "尚无陈述",
  positionLabel: "陈述您的诉求和理由",
  state: "陈述",
};
