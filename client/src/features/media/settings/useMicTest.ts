import { useEffect, useState } from "react";
import { MicTest, type MicReading } from "./micTest.ts";
import { micProblemOf, type MicProblem } from "./microphone.ts";

export type MicTestState = "idle" | "starting" | "running";

/** The microphone test for the settings panel; it stops when the panel unmounts. */
export function useMicTest() {
  const [reading, setReading] = useState<MicReading>({ level: 0, heard: false });
  const [state, setState] = useState<MicTestState>("idle");
  const [problem, setProblem] = useState<MicProblem | null>(null);
  const [test] = useState(() => new MicTest(setReading));

  useEffect(() => () => test.stop(), [test]);

  const start = async (micId: string | undefined) => {
    setState("starting");
    try {
      // false: stopped or restarted meanwhile, and that call has set the state.
      if (!(await test.start(micId))) return;
      setProblem(null);
      setState("running");
    } catch (error) {
      setProblem(micProblemOf(error));
      setState("idle");
    }
  };
  const stop = () => {
    test.stop();
    setState("idle");
  };
  return { reading, state, problem, start, stop };
}
