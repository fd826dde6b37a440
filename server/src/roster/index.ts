// Roster import, export and ordering, for the meeting REST routes.
export { parseRosterFile, parseTable } from "./parseRoster.ts";
export { exportRoster, EXPORT_HEADERS, type ExportableParticipant } from "./exportRoster.ts";
export { sortParticipants, type RosterSort } from "./sortParticipants.ts";
export { ParticipantInput, MAX_ROSTER_ROWS, ROW_CODES, type RowCode, type RowReport, type ParseRosterResult } from "./rosterTypes.ts";
