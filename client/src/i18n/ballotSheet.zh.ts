// What the member's ballot sheet says aloud (through the page's live region), key "ballotSheet"
// of the live app's resources.
export const ballotSheetZh = {
  opened: "表决开始：{{title}}",
  openedNote: "{{opened}}。{{note}}",
  voted: "已投票",
  votedChoice: "已投票：{{choices}}",
  changed: "已改票：{{choices}}",
};
