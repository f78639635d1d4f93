import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { verdict, verdictWallCpu } from '../../../scripts/bench/report';

void describe('bench goal verdicts', () => {
  void it('pass or miss only when wall and CPU time agree, and say which passed when they do not', () => {
    assert.equal(verdictWallCpu(true, true), 'PASS');
    assert.equal(verdictWallCpu(false, false), 'MISS');
    assert.match(verdictWallCpu(true, false), /^UNSURE \(wall PASS, cpu MISS/);
    assert.match(verdictWallCpu(false, true), /^UNSURE \(wall MISS, cpu PASS/);
    assert.equal(verdict(true), 'PASS');
  });
});
