import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { reasonFromParams, reasonParams, syntaxReasonCodes, syntaxReasonText } from '../../../src/core/lint/syntaxReasons';
import type { SyntaxReason } from '../../../src/core/parser/reasons';
import { parseNameAddr, parseVia, validateUri } from '../../../src/core/parser/uri';

void describe('syntax reason texts', () => {
  void it('has an English and a Chinese text for every reason code, with no placeholder left unfilled', () => {
    for (const code of syntaxReasonCodes()) {
      const r: SyntaxReason = { code, part: 'param-value', name: 'n', char: 32, text: 't' };
      const en = syntaxReasonText(r, 'en');
      const zh = syntaxReasonText(r, 'zh-cn');
      assert.ok(en.length > 0 && zh.length > 0, code);
      assert.notEqual(en, zh, code);
      assert.doesNotMatch(en + zh, /\{\w+\}/, code);
      assert.match(zh, /[\u4e00-\u9fff]/, code);
    }
  });

  void it('describes the offending character and the URI part in the language', () => {
    const r = validateUri('sip:al^ice@example.com');
    assert.ok(r);
    assert.equal(syntaxReasonText(r, 'en'), 'the user part contains "^", which must be escaped or is not allowed there');
    assert.equal(syntaxReasonText(r, 'zh-cn'), '用户部分含有“^”，该字符必须转义或不允许出现在此处');
    const tab = parseNameAddr('<sip:a@example.com>;x="a\u0001b"');
    assert.equal(tab.error && syntaxReasonText(tab.error, 'zh-cn'), '参数“x”：引号字符串含有控制字符 U+0001，必须用“\\”转义');
  });

  void it('prefixes a reason found inside a parameter, a display name or a sent-by', () => {
    const p = parseNameAddr('<sip:a@example.com>;x="unterminated');
    assert.equal(p.error && syntaxReasonText(p.error, 'en'), 'parameter "x": unterminated quoted string (no closing \'"\')');
    const v = parseVia('SIP/2.0/UDP exa_mple.com;branch=z9hG4bK1');
    assert.equal(v.error && syntaxReasonText(v.error, 'zh-cn'), 'sent-by：“exa_mple.com”不是有效的主机名或 IPv4 地址');
  });

  void it('round-trips a reason through finding parameters', () => {
    const r: SyntaxReason = { code: 'param-needs-quoting', name: 'tag', char: 94, context: 'parameter' };
    assert.deepEqual(reasonFromParams(reasonParams(r)), r);
    assert.equal(reasonFromParams({ header: 'To' }), undefined);
  });
});
