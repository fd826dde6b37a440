// What the member's ballot sheet says aloud (through the page's live region), key "ballotSheet"
// of the live app's resources.
export const ballotSheetEn = {
  opened: "Vote opened: {{title}}",
  openedNote: "{{opened}}. {{note}}",
  voted: "Voted",
  votedChoice: "Voted: {{choices}}",
  changed: "Vote changed: {{choices}}",
};
