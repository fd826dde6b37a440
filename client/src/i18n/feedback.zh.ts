// What the queue and the chair's controls say after an action (through the page's live region),
// the drag-and-drop announcements of the chair's queue, and the single-key shortcuts' switch;
// key "feedback" of the live app's resources.
export const feedbackZh = {
  member: {
    moved: "您现在排第 {{position}} 位",
    withdrawn: "已撤回发言申请",
    removed: "您已不在发言队列中",
    ended: "您的发言已结束",
  },
  chair: {
    moved: "{{name}} 已移至第 {{position}} 位，共 {{total}} 位",
    removed: "已将 {{name}} 移出队列",
    ended: "{{name}} 的发言已结束",
    extended: "已延长 {{minutes}} 分钟",
  },
  drag: {
    instructions: "调整发言顺序：按空格键或回车键拿起，用上下方向键移动，再按空格键或回车键放下，按 Esc 键取消。",
    pickedUp: "已拿起 {{name}}，第 {{position}} 位，共 {{total}} 位",
    over: "{{name}} 移到第 {{position}} 位，共 {{total}} 位",
    outside: "{{name}} 不在队列中的任何位置",
    dropped: "{{name}} 已放到第 {{position}} 位，共 {{total}} 位",
    droppedOutside: "{{name}} 已放下，位置不变",
    cancelled: "已取消移动，{{name}} 仍在第 {{position}} 位",
  },
  shortcuts: {
    switch: "单键快捷键",
    offHint: "已关闭：N、E、P、+、? 键不起作用，请使用按钮",
  },
};
