// The operator's commands (npm run backup / restore / upgrade, and the server's entry point) run
// as the installer runs them: a child process with the service's environment, its exit code and
// what it printed collected.
import { spawn } from "node:child_process";
import path from "node:path";

const REPO_ROOT = path.resolve(import.meta.dirname, "../..");

export interface CommandRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `script` (a path under the repository) with tsx, the given arguments and environment (on top of this process's). */
export function runScript(script: string, args: readonly string[], env: Record<string, string>, timeoutMs = 120_000): Promise<CommandRun> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(REPO_ROOT, script), ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, YST_DEMO: "off", YST_MEDIA: "off", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${script} did not finish within ${timeoutMs} ms:\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.once("error", reject);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** The last non-empty line a command printed (the backup's archive path). */
export const lastLine = (text: string): string => text.trim().split("\n").at(-1)?.trim() ?? "";
