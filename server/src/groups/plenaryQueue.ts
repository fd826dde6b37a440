// Work for a plenary's groups, one step at a time per plenary, outside every room's turn: a room
// listener queues it and returns, so a plenary's listener waiting for a group room (or a group's
// for the plenary) can never wait for a turn that waits for it.

export class PlenaryQueue {
  private readonly tails = new Map<string, Promise<void>>();

  constructor(private readonly log: (message: string, error?: unknown) => void) {}

  /** Runs `work` after the plenary's earlier work; a failure is logged, and the promise returned rejects with it. */
  run(key: string, what: string, work: () => Promise<void>): Promise<void> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const run = previous.then(work).catch((error: unknown) => {
      this.log(what, error);
      throw error;
    });
    const tail = run.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return run;
  }

  /** Resolves when the plenary's work queued so far is done. */
  async idle(key: string): Promise<void> {
    await this.tails.get(key);
  }

  /** Resolves when every plenary's work queued so far (and queued meanwhile) is done. */
  async idleAll(): Promise<void> {
    while (this.tails.size > 0) await Promise.all([...this.tails.values()]);
  }
}
