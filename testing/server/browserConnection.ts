// The browser's own connection class (client/src/connection/meetingConnection.ts) in a test, with
// socket.io's automatic reconnection: what a page does, without the page.
import { MeetingConnection } from "../../client/src/connection/meetingConnection.ts";
import { eventually, type Harness } from "./harness.ts";

/** Connects as the browser does and resolves once connected with a state; closed by `h.cleanup()`. */
export async function browserConnection(h: Harness, url: string, token: string): Promise<MeetingConnection> {
  const connection = new MeetingConnection(token, url);
  h.onCleanup(() => connection.close());
  await eventually(() => {
    const { status, state } = connection.getSnapshot();
    if (status !== "connected" || !state) throw new Error(`not connected yet (${status})`);
  });
  return connection;
}
