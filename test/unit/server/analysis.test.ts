import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AnalysisCache } from '../../../src/server/analysis';
import { DEFAULT_SETTINGS } from '../../../src/server/settings';
import { CALL_FLOW, NOT_ALLOWED, SUBSCRIBE } from '../features/traces';

describe('AnalysisCache', () => {
  it('analyses a version once', () => {
    const cache = new AnalysisCache(DEFAULT_SETTINGS, 'en');
    let reads = 0;
    const text = (): string => {
      reads++;
      return CALL_FLOW;
    };
    const first = cache.get('u', 1, text);
    assert.equal(cache.get('u', 1, text), first);
    assert.equal(reads, 1);
  });

  it('reuses the parse of every message an edit did not touch', () => {
    const cache = new AnalysisCache(DEFAULT_SETTINGS, 'en');
    const v1 = cache.get('u', 1, () => CALL_FLOW + SUBSCRIBE + NOT_ALLOWED);
    const edited = CALL_FLOW + SUBSCRIBE.replace('Event: presence', 'Event: dialog') + NOT_ALLOWED;
    const v2 = cache.get('u', 2, () => edited);
    assert.equal(v2.trace.messages.length, v1.trace.messages.length);
    v2.trace.messages.forEach((m, i) => {
      if (i === 7) {
        assert.notEqual(m.parsed, v1.trace.messages[i].parsed, 'the edited SUBSCRIBE is parsed again');
      } else {
        assert.equal(m.parsed, v1.trace.messages[i].parsed, `message ${i} keeps its parse`);
      }
    });
  });

  it('redoes the analysis after new settings', () => {
    const cache = new AnalysisCache(DEFAULT_SETTINGS, 'en');
    const before = cache.get('u', 1, () => SUBSCRIBE + NOT_ALLOWED);
    assert.ok(before.findings.some((d) => d.code === 'missing-header'));
    cache.configure({ ...DEFAULT_SETTINGS, rules: { 'missing-header': 'off' } }, 'en');
    const after = cache.get('u', 1, () => SUBSCRIBE + NOT_ALLOWED);
    assert.equal(after.findings.some((d) => d.code === 'missing-header'), false);
  });
});
