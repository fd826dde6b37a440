// Running the Debian command-line tools the local engine is made of (opus-tools, sox,
// pocketsphinx): execFile with an argument array (no shell), a time limit, the caller's abort
// signal, and failures as AsrError carrying the end of the tool's own output.
import { execFile } from "node:child_process";
import { AsrError } from "./speechEngine.ts";

/** Which Debian package brings each tool (for the "not installed" message; .ci/setup installs them). */
const PACKAGE_OF: Record<string, string> = {
  opusdec: "opus-tools",
  sox: "sox",
  pocketsphinx_continuous: "pocketsphinx",
};

export interface RunOptions {
  timeoutMs: number;
  signal?: AbortSignal | undefined;
}

const tail = (text: string, chars = 600): string => (text.length > chars ? `…${text.slice(-chars)}` : text).trim();

/** Runs `tool args…` and resolves with its standard output. */
export function runTool(tool: string, args: string[], options: RunOptions): Promise<string> {
  if (options.signal?.aborted) return Promise.reject(new AsrError("ASR_ABORTED", `${tool} not started: stopped`));
  return new Promise((resolve, reject) => {
    execFile(
      tool,
      args,
      // pocketsphinx logs its whole configuration and every utterance's statistics on stderr.
      { timeout: options.timeoutMs, maxBuffer: 64 * 1024 * 1024, ...(options.signal ? { signal: options.signal } : {}) },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "ENOENT") {
          reject(new AsrError("ASR_TOOL", `${tool} is not installed (Debian package ${PACKAGE_OF[tool] ?? tool}; see .ci/setup)`, { cause: error }));
        } else if (options.signal?.aborted) {
          reject(new AsrError("ASR_ABORTED", `${tool} stopped`, { cause: error }));
        } else if (error.killed) {
          reject(new AsrError("ASR_TIMEOUT", `${tool} took longer than ${options.timeoutMs} ms and was stopped`, { cause: error }));
        } else {
          reject(
            new AsrError("ASR_TOOL", `${tool} failed (${error.code ?? error.signal ?? "?"}): ${tail(stderr || stdout) || error.message}`, { cause: error }),
          );
        }
      },
    );
  });
}
