// The operator's one-off commands (npm run admin:reset, npm run demo:links): run, exit with the
// command's code, and say which command failed on an unexpected error.
export function runCommand(name: string, main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`[yishiting] ${name} failed:`, error);
      process.exit(1);
    },
  );
}
