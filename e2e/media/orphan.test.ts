// If our server process is killed outright (SIGKILL, OOM), its Janus must not live on.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.[0] !== "Z";
  } catch {
    return false;
  }
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

it("Janus dies with a SIGKILLed server process", async () => {
  expect(process.env.YST_IN_MEDIA_NETNS).toBe("1");
  const script = path.join(import.meta.dirname, "support/supervise.ts");
  const child = spawn(process.execPath, ["--import", "tsx", script, "18388", "17388"], { stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (out += chunk));
  let janusPid = 0;
  try {
    await waitFor(() => /janus pid (\d+)/.test(out), "Janus up in the child");
    janusPid = Number(/janus pid (\d+)/.exec(out)![1]);
    expect(alive(janusPid)).toBe(true);
    child.kill("SIGKILL");
    await waitFor(() => !alive(janusPid), "Janus to die with its parent", 5000);
  } finally {
    child.kill("SIGKILL");
    if (janusPid && alive(janusPid)) process.kill(janusPid, "SIGKILL");
  }
});
