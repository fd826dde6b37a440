// One queue per meeting: the work asked for a meeting (the media relay's and the private audio
// rooms' steps at Janus) runs one piece at a time, in the order asked, whether the piece before
// succeeded or failed; meetings do not wait for each other.
export class MeetingQueues {
  /** By meeting: the last piece of work queued, its failure already caught. */
  private readonly tails = new Map<string, Promise<unknown>>();

  /** Runs `work` once everything queued for the meeting before it is done; its own result. */
  run<T>(meetingId: string, work: () => Promise<T>): Promise<T> {
    const next = (this.tails.get(meetingId) ?? Promise.resolve()).then(work, work);
    this.tails.set(
      meetingId,
      next.catch(() => undefined),
    );
    return next;
  }

  /** Whether any work was ever queued for the meeting. */
  has(meetingId: string): boolean {
    return this.tails.has(meetingId);
  }
}
