import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { timeIt, timeItPrepared } from '../../../scripts/bench/timing';

/** Keeps the CPU busy for `ms` milliseconds. */
function busy(ms: number): void {
  const end = process.hrtime.bigint() + BigInt(Math.round(ms * 1e6));
  while (process.hrtime.bigint() < end) {
    // spin
  }
}

describe('bench timing', () => {
  it('times each run twice after the collection and reports the second as the row, the first apart', () => {
    let calls = 0;
    // After the warm-up, odd calls are the first run after a collection: make them slow.
    const result = timeIt(
      () => {
        calls++;
        busy(calls > 1 && calls % 2 === 0 ? 25 : 2);
        return calls;
      },
      { warmup: 1, runs: 3 },
    );
    assert.equal(calls, 1 + 2 * 3);
    assert.equal(result.runsMs.length, 3);
    assert.ok(result.afterGcMs >= 20, `after GC ${result.afterGcMs}`);
    assert.ok(result.medianMs < 15, `steady ${result.medianMs}`);
  });

  it('prepares a fresh state for each of the two runs of a prepared measurement', () => {
    const prepared: number[] = [];
    const worked: number[] = [];
    timeItPrepared(
      () => {
        prepared.push(prepared.length);
        return prepared.length - 1;
      },
      (state) => {
        worked.push(state);
        return state;
      },
      { warmup: 1, runs: 2 },
    );
    assert.equal(prepared.length, 1 + 2 * 2);
    assert.deepEqual(worked, [0, 1, 2, 3, 4]);
  });
});
