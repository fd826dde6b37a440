// The state of one live meeting, as rebuilt from its event log.

export const DEFAULT_SPEECH_CAP_MS = 5 * 60_000;

export interface QueueEntry {
  participantId: string;
  requestedAt: number;
}

export interface Speech {
  speechId: string;
  participantId: string;
  startedAt: number;
  capMs: number;
}

export interface SpeechRecord extends Speech {
  endedAt: number;
  durationMs: number;
  overrunMs: number;
  endedBy: string;
}

export interface MeetingState {
  /** Sequence number of the last event applied (0 for a meeting with no events). */
  seq: number;
  speechCapMs: number;
  queue: QueueEntry[];
  floor: Speech | null;
  speeches: SpeechRecord[];
}

export const initialState = (): MeetingState => ({
  seq: 0,
  speechCapMs: DEFAULT_SPEECH_CAP_MS,
  queue: [],
  floor: null,
  speeches: [],
});

export const queuePosition = (state: MeetingState, participantId: string): number =>
  state.queue.findIndex((entry) => entry.participantId === participantId);
