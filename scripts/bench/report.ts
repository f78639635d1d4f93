/** Rows of the bench report and their plain-text table. */

/** One timed measurement. */
export interface BenchRow {
  readonly id: string;
  readonly name: string;
  /** What the timed region includes, in words. */
  readonly timed: string;
  readonly medianMs: number;
  readonly runsMs: readonly number[];
  /** Median CPU time of the runs (see Timing.cpuMs). */
  readonly cpuMs: number;
  /** Median wall time of the first run after each forced collection (see Timing.afterGcMs). */
  readonly afterGcMs?: number;
  /** Bytes (file size, or the total UTF-16 length of the messages) the region handles. */
  readonly bytes: number;
  readonly messages: number;
  readonly mbPerS: number;
  readonly messagesPerS: number;
  /** Free-form remark, e.g. how many messages a parser accepted. */
  readonly note?: string;
}

/** Builds a row from a median time; MB = 10^6 bytes. */
export function makeRow(
  id: string,
  name: string,
  timed: string,
  t: { medianMs: number; runsMs: readonly number[]; cpuMs: number; afterGcMs?: number },
  bytes: number,
  messages: number,
  note?: string,
): BenchRow {
  const seconds = t.medianMs / 1000;
  return {
    id,
    name,
    timed,
    medianMs: t.medianMs,
    runsMs: t.runsMs,
    cpuMs: t.cpuMs,
    ...(t.afterGcMs !== undefined ? { afterGcMs: t.afterGcMs } : {}),
    bytes,
    messages,
    mbPerS: bytes / 1e6 / seconds,
    messagesPerS: messages / seconds,
    ...(note !== undefined ? { note } : {}),
  };
}

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

/** The rows as an aligned table; the `timed` texts are listed below it, keyed by id. */
export function formatRows(rows: readonly BenchRow[]): string {
  const head = ['row', 'median ms', 'cpu ms', 'after GC', 'MB/s', 'msg/s', 'note'];
  const cells = rows.map((r) => [
    r.name,
    r.medianMs.toFixed(1),
    r.cpuMs.toFixed(1),
    r.afterGcMs !== undefined ? r.afterGcMs.toFixed(1) : '',
    r.mbPerS.toFixed(1),
    Math.round(r.messagesPerS).toLocaleString('en-US'),
    r.note ?? '',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]): string =>
    c
      .map((v, i) => pad(v, widths[i], i > 0 && i < 6))
      .join('  ')
      .trimEnd();
  const out = [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)];
  out.push('', 'timed regions:');
  for (const r of rows) {
    out.push(`  ${r.name}: ${r.timed}`);
  }
  return out.join('\n');
}

/** `1.23x` or `n/a`. */
export function ratio(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(2)}x` : 'n/a';
}

/** `PASS`/`MISS` against a goal. */
export function verdict(ok: boolean): string {
  return ok ? 'PASS' : 'MISS';
}

/**
 * The verdict of a goal measured in wall time and in CPU time: PASS or MISS when the two agree.
 * On a shared machine other load can stretch one row's wall time several-fold (a 370 ms parse
 * once took 3.4 s of wall time and 1.0 s of CPU), which can flip a wall-time ratio either way;
 * then the two disagree and the line says so instead of passing or failing on the noise.
 */
export function verdictWallCpu(wallOk: boolean, cpuOk: boolean): string {
  if (wallOk === cpuOk) {
    return verdict(wallOk);
  }
  return `UNSURE (wall ${verdict(wallOk)}, cpu ${verdict(cpuOk)}: other load disturbed the timing; run again)`;
}
