/**
 * Timing helpers for the benchmark: warm-up runs, then the median of measured runs.
 *
 * Before each measured run a full garbage collection clears the previous run's garbage, so it is
 * not billed to the next. But the first ~100 ms of allocating code after a forced full collection
 * pay a fixed toll (V8 sweeps the old generation concurrently and the allocator waits on it): on
 * this project's 2-core machines about 20-25 ms, a third of a 70 ms parse of the bench trace and
 * nothing measurable of a 450 ms one, which skewed every ratio against the faster code. So each
 * measured run is timed twice in a row after the collection: the first time ("after GC") is
 * reported beside the row, the second (steady state, the throughput a long-running parser sees)
 * is the row's time.
 */

/** Result of timing one piece of work several times. */
export interface Timing {
  /** Median wall time of the measured (steady-state) runs, in milliseconds. */
  readonly medianMs: number;
  /** Median wall time of the runs made right after each forced collection (see the module doc). */
  readonly afterGcMs: number;
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
  const afterGcRunsMs: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    collectGarbage();
    let start = process.hrtime.bigint();
    sink = work();
    afterGcRunsMs.push(Number(process.hrtime.bigint() - start) / 1e6);
    const cpuStart = process.cpuUsage();
    start = process.hrtime.bigint();
    sink = work();
    runsMs.push(Number(process.hrtime.bigint() - start) / 1e6);
    const cpu = process.cpuUsage(cpuStart);
    cpuRunsMs.push((cpu.user + cpu.system) / 1000);
  }
  keep(sink);
  return { medianMs: median(runsMs), runsMs, cpuMs: median(cpuRunsMs), afterGcMs: median(afterGcRunsMs) };
}

/**
 * Like {@link timeIt}, but each run (warm-ups included) first calls `prepare`, untimed, and hands
 * its result to `work`: for work that must start from fresh state every time (a first lint of a
 * fresh parse, not a re-lint served by the caches the previous run filled). A measured run
 * prepares two states before the collection: the first is worked on right after it ("after
 * GC"), the second is the timed steady-state run.
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
  const afterGcRunsMs: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    const first = prepare();
    const second = prepare();
    collectGarbage();
    let start = process.hrtime.bigint();
    sink = work(first);
    afterGcRunsMs.push(Number(process.hrtime.bigint() - start) / 1e6);
    const cpuStart = process.cpuUsage();
    start = process.hrtime.bigint();
    sink = work(second);
    runsMs.push(Number(process.hrtime.bigint() - start) / 1e6);
    const cpu = process.cpuUsage(cpuStart);
    cpuRunsMs.push((cpu.user + cpu.system) / 1000);
  }
  keep(sink);
  return { medianMs: median(runsMs), runsMs, cpuMs: median(cpuRunsMs), afterGcMs: median(afterGcRunsMs) };
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
