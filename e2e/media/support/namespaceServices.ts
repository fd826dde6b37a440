// What a deployment of several nodes needs, from inside the loopback-only media namespace, where
// the host's 127.0.0.1 cannot be reached: the host's PostgreSQL through its Unix socket (a socket
// file belongs to no network namespace) and a Redis of the namespace's own on its loopback.
import { spawn } from "node:child_process";
import net from "node:net";

/** The tests' database `test` through the socket folder of the host's PostgreSQL (.ci/setup lets `postgres` in there too). */
export const POSTGRES_SOCKET_URL = (() => {
  const url = new URL("postgresql://postgres@localhost/test");
  url.searchParams.set("host", process.env.YST_TEST_PG_SOCKET_DIR ?? "/var/run/postgresql");
  return url.toString();
})();

/** Starts redis-server on the namespace's 127.0.0.1:`port` (keeping nothing on disk); `stop()` ends it. */
export async function namespaceRedis(port = 6379): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn("redis-server", ["--bind", "127.0.0.1", "--port", String(port), "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await exited;
  };
  for (let attempt = 0; !(await answersPing(port)); attempt++) {
    if (attempt === 50) {
      await stop();
      throw new Error(`redis-server did not answer on 127.0.0.1:${port}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url: `redis://127.0.0.1:${port}`, stop };
}

function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1", () => socket.write("PING\r\n"));
    socket.setTimeout(500, () => socket.destroy());
    socket.once("data", (data) => {
      socket.destroy();
      resolve(data.toString().startsWith("+PONG"));
    });
    socket.once("error", () => resolve(false));
    socket.once("close", () => resolve(false));
  });
}
