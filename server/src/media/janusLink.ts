// One janode connection and session to one Janus instance, opened on first use. When the
// connection closes (the instance died or restarted) it is forgotten and `lost` tells its owner,
// whose rooms and handles died with it; the next `attach` opens a fresh one.
import Janode, { type JanodeConnection, type JanodeHandle, type JanodeSession } from "janode";
import { MediaError } from "./janusErrors.ts";

interface Opened {
  connection: JanodeConnection;
  session: JanodeSession;
}

export class JanusLink {
  private pending: Promise<Opened> | undefined;
  private closed = false;

  constructor(
    readonly url: string,
    private readonly lost: () => void,
  ) {}

  async attach<H extends JanodeHandle>(plugin: unknown): Promise<H> {
    const { session } = await this.open();
    return session.attach<H>(plugin);
  }

  /** Forgets the connection and closes it, without calling `lost` (the owner already knows). */
  drop(): void {
    const old = this.pending;
    this.pending = undefined;
    void old?.then(({ connection }) => connection.close()).catch(() => undefined);
  }

  async close(): Promise<void> {
    this.closed = true;
    const old = this.pending;
    this.pending = undefined;
    await old?.then(({ connection }) => connection.close()).catch(() => undefined);
  }

  private open(): Promise<Opened> {
    if (this.closed) return Promise.reject(new MediaError("MEDIA_UNAVAILABLE", "closed: the server is shutting down"));
    this.pending ??= (async () => {
      const connection = await Janode.connect({ address: { url: this.url }, max_retries: 0 });
      const gone = () => {
        void this.pending?.then(
          (current) => {
            if (current.connection !== connection) return;
            this.drop();
            this.lost();
          },
          () => undefined,
        );
      };
      connection.once(Janode.EVENT.CONNECTION_CLOSED, gone);
      connection.once(Janode.EVENT.CONNECTION_ERROR, gone);
      return { connection, session: await connection.create() };
    })();
    const current = this.pending;
    current.catch(() => {
      if (this.pending === current) this.pending = undefined;
    });
    return current;
  }
}

/** What a plugin answered: janode's `message` resolves with Janus's whole response. */
export function pluginData(response: Record<string, unknown>): Record<string, unknown> {
  return ((response.plugindata as { data?: Record<string, unknown> } | undefined)?.data ?? {}) as Record<string, unknown>;
}
