/**
 * A local centre on a free port for one test file, with what the CLI prints captured: call inside a
 * `describe` or at the top of a test file.
 */
import { type LocalCentre, startLocalCentre } from "../../local/centre";

export interface RunningCentre {
  /** The centre (set once `beforeAll` ran). */
  readonly centre: LocalCentre;
  /** Lines written with console.log since the current test began. */
  readonly printed: string[];
}

/**
 * @example
 * const running = runningCentre();
 * it("...", () => expect(running.printed.join("\n")).toContain("…"));
 */
export function runningCentre(): RunningCentre {
  const state = { centre: undefined as unknown as LocalCentre, printed: [] as string[] };
  beforeAll(async () => {
    state.centre = await startLocalCentre({ port: 0 });
  });
  afterAll(() => state.centre.stop());
  beforeEach(() => {
    state.printed.length = 0;
    jest.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
      state.printed.push(args.join(" "));
    });
    jest.spyOn(process.stderr, "write").mockImplementation(() => true);
  });
  afterEach(() => jest.restoreAllMocks());
  return state;
}
