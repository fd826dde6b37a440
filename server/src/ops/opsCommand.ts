// How the operator's commands end: an OpsError prints its code and zh+en lines and exits with its
// code; anything else is an unexpected failure (exit 1, config/command.ts).
import { runCommand } from "../config/command.ts";
import { OpsError } from "./opsError.ts";

export function runOpsCommand(name: string, main: () => Promise<number>): void {
  runCommand(name, async () => {
    try {
      return await main();
    } catch (error) {
      if (!(error instanceof OpsError)) throw error;
      for (const line of error.lines()) console.error(line);
      return error.exitCode;
    }
  });
}
