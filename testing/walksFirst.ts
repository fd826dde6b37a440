// Vitest's order puts projects one after another by name, so the unit project's random walks
// (core/meeting.fuzz.test.ts, ~4.5 min in one file) started last and were the run's tail, with one
// worker idle. Started first, they run beside the other files.
import { BaseSequencer, type TestSpecification } from "vitest/node";

const isWalk = (file: TestSpecification) => file.moduleId.endsWith("/core/meeting.fuzz.test.ts");

export class WalksFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    return [...sorted.filter(isWalk), ...sorted.filter((file) => !isWalk(file))];
  }
}
