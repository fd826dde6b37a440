// What the live meeting follows — the meeting's rules, its roster, agenda and materials, the
// speaking plan — is written through stores (meetingStore, participantStore, agendaStore,
// materialStore, plan/planStore). Each store signals a saved change here once, and the
// composition root (server.ts) connects the signal to the live sync (`rooms.syncConfig`), so no
// route has to remember it.
export type MeetingChangeListener = (meetingId: string) => Promise<void>;

export class MeetingChanges {
  private readonly listeners: MeetingChangeListener[] = [];

  /**
   * Adds a listener. Stores await it, so an HTTP response follows the live sync; it must not
   * throw (the change is saved either way).
   */
  onChanged(listener: MeetingChangeListener): void {
    this.listeners.push(listener);
  }

  /** Called by a store after it saved a change of `meetingId` that the live meeting follows. */
  async changed(meetingId: string): Promise<void> {
    for (const listener of this.listeners) await listener(meetingId);
  }
}
