// Strings of a bargaining side's private consultation (背靠背 · 内部协商), key "caucus" of the live app's resources.
export const caucusZh = {
  title: "{{side}}内部协商",
  private: "仅本方代表可见：对方、记录员、旁听人员、列席人员和会场大屏都看不到，也不写入会议记录。",
  empty: "尚无内部协商记录。",
  loading: "正在读取本方记录…",
  by: "{{name}} · {{time}}",
  mine: "我",
  label: "写给本方的内容",
  placeholder: "例如：先谈最低工资标准，再谈增幅",
  count: "{{count}} / {{max}}",
  send: "发送给本方",
  sendHint: "Ctrl + Enter 发送",
  audio: {
    join: "加入内部语音",
    leave: "离开内部语音",
    hint: "本方代表可在内部语音中交谈，对方、记录员和旁听人员都听不到；加入后您的麦克风不再传到会场。",
    joined: "您在本方内部语音中：只有本方代表能听到您，会场听不到。",
  },
};
