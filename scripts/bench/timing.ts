/**
 * Timing helpers for the benchmark: warm-up runs, then the median of measured runs, with a
 * full garbage collection before each run so one run's garbage is not billed to the next.
 */

/** Result of timing one piece of work several times. */
export interface Timing {
  /** Median wall time of the measured runs, in milliseconds. */
  readonly medianMs: number;
  /** Every measured run, in milliseconds, in the order they ran. */
  readonly runsMs: readonly number[];
  /**
   * Median CPU time (user + system, all threads of this process) of the measured runs: less
   * disturbed than wall time when other processes compete for the cores, but it includes the
   * GC's helper threads.
   */
  readonly cpuMs: number;
}

export interface TimingOptions {
  readonly warmup: number;
  readonly runs: number;
}

/** Runs `work` `warmup` times untimed, then `runs` times timed; returns the median. */
export function timeIt(work: () => unknown, options: TimingOptions): Timing {
  let sink: unknown;
  for (let i = 0; i < options.warmup; i++) {
    collectGarbage();
    sink = work();
  }
  const runsMs: number[] = [];
  const cpuRunsMs: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    collectGarbage();
    const cpuStart = process.cpuUsage();
    const start = process.hrtime.bigint();
    sink = work();
    runsMs.push(Number(process.hrtime.bigint() - start) / 1e6);
    const cpu = process.cpuUsage(cpuStart);
    cpuRunsMs.push((cpu.user + cpu.system) / 1000);
  }
  keep(sink);
  return { medianMs: median(runsMs), runsMs, cpuMs: median(cpuRunsMs) };
}

/**
 * Like {@link timeIt}, but each run (warm-ups included) first calls `prepare`, untimed, and hands
 * its result to `work`: for work that must start from fresh state every time (a first lint of a
 * fresh parse, not a re-lint served by the caches the previous run filled).
 */
export function timeItPrepared<T>(prepare: () => T, work: (state: T) => unknown, options: TimingOptions): Timing {
  let sink: unknown;
  for (let i = 0; i < options.warmup; i++) {
    const state = prepare();
    collectGarbage();
    sink = work(state);
  }
  const runsMs: number[] = [];
  const cpuRunsMs: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    const state = prepare();
    collectGarbage();
    const cpuStart = process.cpuUsage();
    const start = process.hrtime.bigint();
    sink = work(state);
    runsMs.push(Number(process.hrtime.bigint() - start) / 1e6);
    const cpu = process.cpuUsage(cpuStart);
    cpuRunsMs.push((cpu.user + cpu.system) / 1000);
  }
  keep(sink);
  return { medianMs: median(runsMs), runsMs, cpuMs: median(cpuRunsMs) };
}

/** Median of a non-empty list (mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) {
    return Number.NaN;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Forces a full GC when node runs with --expose-gc (the `bench` script does); a no-op otherwise. */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
  }
}

let kept: unknown;
/**
 * Keeps a result observable so the optimiser cannot drop the work that produced it.
 * Only the last value is held, so nothing accumulates.
 */
export function keep(value: unknown): void {
  kept = value;
}

/** The last value passed to {@link keep} (read so the store is not dead code). */
export function lastKept(): unknown {
  return kept;
}
