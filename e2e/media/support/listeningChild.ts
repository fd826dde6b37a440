// A tool a test runs as a child process (Caddy, coturn): waits until it listens on a loopback TCP
// port, and stops it (SIGKILL) and removes its temporary folder on stop or when it never listens.
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";

/** Resolves with `stop` once `child` listens on 127.0.0.1:`port`; throws with `output()` when it exits or takes over `attempts` × 100 ms. */
export async function untilListening(
  child: ChildProcess,
  options: { name: string; port: number; attempts: number; dir: string; output: () => string },
): Promise<() => Promise<void>> {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await exited;
    fs.rmSync(options.dir, { recursive: true, force: true });
  };
  for (let attempt = 0; !(await listening(options.port)); attempt++) {
    if (attempt === options.attempts || child.exitCode !== null) {
      const seen = options.output();
      await stop();
      throw new Error(`${options.name} did not listen on 127.0.0.1:${options.port}\n${seen}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return stop;
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}
