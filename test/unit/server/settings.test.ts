import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS, readSettings } from '../../../src/server/settings';
import { languageOf } from '../../../src/server/server';

const RULES = new Set(['missing-header', 'missing-tag']);

describe('readSettings', () => {
  it('takes valid values as they are', () => {
    const { settings, problems } = readSettings({ enable: false, maxFileSizeMB: 5, rules: { 'missing-tag': 'hint' } }, RULES, 'en');
    assert.deepEqual(settings, { enable: false, maxFileSizeMB: 5, rules: { 'missing-tag': 'hint' } });
    assert.deepEqual(problems, []);
  });

  it('uses the defaults for a missing section', () => {
    assert.deepEqual(readSettings(undefined, RULES, 'en'), { settings: DEFAULT_SETTINGS, problems: [] });
  });

  it('names each bad value and falls back to the default', () => {
    const { settings, problems } = readSettings({ enable: 'yes', maxFileSizeMB: 0, rules: { nope: 'off', 'missing-tag': 'fatal' } }, RULES, 'en');
    assert.deepEqual(settings, DEFAULT_SETTINGS);
    assert.equal(problems.length, 4);
    assert.match(problems.join('\n'), /sipTrace\.enable/);
    assert.match(problems.join('\n'), /"nope" is not a rule code/);
    assert.match(problems.join('\n'), /"fatal" is not a severity for missing-tag/);
  });

  it('rejects a rules value that is not an object', () => {
    const { settings, problems } = readSettings({ rules: ['off'] }, RULES, 'zh-cn');
    assert.deepEqual(settings.rules, {});
    assert.match(problems[0], /sipTrace\.rules/);
    assert.match(problems[0], /[\u4e00-\u9fff]/);
  });
});

describe('languageOf', () => {
  it('maps any zh locale to zh-cn and everything else to English', () => {
    assert.equal(languageOf('zh-CN'), 'zh-cn');
    assert.equal(languageOf('zh-tw'), 'zh-cn');
    assert.equal(languageOf('en-US'), 'en');
    assert.equal(languageOf(undefined), 'en');
  });
});
