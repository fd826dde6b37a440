// Saved versions of the minutes (会议纪要 第n稿) over the REST API with the join token
// (docs/api.md#minutes-versions): list, read, generate from the record, save edits, approve
// (the chair), and the file URLs of a version and of the speech list (发言清单).
import type { Block } from "@core/minutes/blocks.ts";
import { VersionResponse, VersionsResponse, type MinutesVersion, type VersionMeta } from "@core/api/minutes.ts";
import { restRequest } from "../../connection/rest.ts";

export type { MinutesVersion, VersionMeta };

export type VersionFormat = "docx" | "pdf" | "md";
export type SpeechListFormat = "csv" | "xlsx";

const base = (meetingId: string) => `/api/meetings/${encodeURIComponent(meetingId)}/minutes`;

export const versionFileUrl = (meetingId: string, n: number, format: VersionFormat) => `${base(meetingId)}/versions/${n}.${format}`;
export const speechListUrl = (meetingId: string, format: SpeechListFormat) => `${base(meetingId)}/speeches.${format}`;

/** What a save sends: the blocks edited from `baseVersion`, or `generate` to draft from the record. */
export type SaveInput = { baseVersion: number; note?: string } & ({ blocks: Block[] } | { generate: true });

export function minutesApi(meetingId: string, token: string, fallback: string) {
  const url = `${base(meetingId)}/versions`;
  return {
    list: () => restRequest(token, "GET", url, VersionsResponse, undefined, fallback).then((r) => r.versions),
    get: (n: number) => restRequest(token, "GET", `${url}/${n}`, VersionResponse, undefined, fallback).then((r) => r.version),
    save: (input: SaveInput) => restRequest(token, "POST", url, VersionResponse, input, fallback).then((r) => r.version),
    approve: (n: number) => restRequest(token, "POST", `${url}/${n}/approve`, VersionResponse, {}, fallback).then((r) => r.version),
  };
}
export type MinutesApi = ReturnType<typeof minutesApi>;
