// Starts reportWorker.ts in a worker thread whatever runs the server (tsx, or Vitest in tests):
// tsx's API loads the TypeScript module with its own loader.
import { tsImport } from "tsx/esm/api";

await tsImport("./reportWorker.ts", import.meta.url);
