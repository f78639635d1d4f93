import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { summarizeProfile } from '../../../scripts/bench/profile';
import { median } from '../../../scripts/bench/timing';

const frame = (functionName: string): { functionName: string; url: string; lineNumber: number } => ({
  functionName,
  url: 'file:///repo/out/x.js',
  lineNumber: 9,
});

// root -> main -> readTrace -> cut ; main -> parseMessage -> parseMessage (recursion)
const profile = {
  nodes: [
    { id: 1, callFrame: frame('(root)'), children: [2, 7] },
    { id: 2, callFrame: frame('main'), children: [3, 5] },
    { id: 3, callFrame: frame('readTrace'), children: [4] },
    { id: 4, callFrame: frame('cut') },
    { id: 5, callFrame: frame('parseMessage'), children: [6] },
    { id: 6, callFrame: frame('parseMessage') },
    { id: 7, callFrame: frame('(garbage collector)') },
  ],
  samples: [4, 4, 3, 6, 5, 7],
  timeDeltas: [10, 10, 10, 30, 20, 20],
};

void describe('bench profile summary', () => {
  void it('counts self time in the sampled function and total time once per sample, recursion included', () => {
    const spots = summarizeProfile(profile, '/repo');
    const get = (name: string): { selfPct: number; totalPct: number } | undefined => spots.find((s) => s.name === name);
    assert.deepEqual(get('cut'), { name: 'cut', where: 'out/x.js:10', selfPct: 20, totalPct: 20 });
    assert.equal(get('parseMessage')?.selfPct, 50);
    assert.equal(get('parseMessage')?.totalPct, 50);
    assert.equal(get('main')?.totalPct, 80);
    assert.equal(get('(garbage collector)')?.selfPct, 20);
    assert.equal(spots[0].name, 'parseMessage');
  });

  void it('gives percentages of the focused function’s samples only', () => {
    const spots = summarizeProfile(profile, '/repo', 'readTrace');
    assert.equal(spots.find((s) => s.name === 'cut')?.selfPct.toFixed(2), '66.67');
    assert.equal(spots.find((s) => s.name === 'readTrace')?.totalPct, 100);
    assert.equal(spots.find((s) => s.name === 'parseMessage'), undefined);
  });
});

void describe('bench median', () => {
  void it('takes the middle run, or the mean of the two middle runs', () => {
    assert.equal(median([5, 1, 3]), 3);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.ok(Number.isNaN(median([])));
  });
});
