// Prints the test totals as "N passed, N failed" from Vitest's JSON reports (the main run, the
// media run inside the network namespace, and the unit and integration projects on Node 24). A failure before Vitest ran (typecheck, lint,
// build) counts as one failed check.
import fs from "node:fs";

const status = Number(process.argv[2] ?? 0);
const reports = ["test-results/vitest.json", "test-results/vitest-media.json", "test-results/vitest-node24.json"];
let passed = 0;
let failed = 0;
for (const report of reports) {
  if (!fs.existsSync(report)) continue;
  const json = JSON.parse(fs.readFileSync(report, "utf8"));
  passed += json.numPassedTests;
  failed += json.numFailedTests + (json.numTotalTests === 0 ? 1 : 0);
}
if (status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
