import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { findRepoRoot } from '../../../scripts/build-grammar';
import { parseTrace } from '../../../src/core/trace';
import { lintTrace } from '../../../src/core/lint';
import { requestRequirements, responseRequirements } from '../../../src/core/knowledge/presence';
import { getCSeq } from '../../../src/core/parser/headerAccess';
import { expandSnippet } from './expand';

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description: string;
}

const snippets = JSON.parse(
  fs.readFileSync(path.join(findRepoRoot(__dirname), 'snippets', 'sip.code-snippets'), 'utf8'),
) as Record<string, Snippet>;

const RESPONSE_CODES = [100, 180, 183, 200, 202, 301, 302, 401, 403, 404, 405, 407, 408, 415, 420, 423, 480, 481, 486, 487, 488, 491, 500, 503, 603];
const METHODS = ['INVITE', 'ACK', 'BYE', 'CANCEL', 'REGISTER', 'OPTIONS', 'PRACK', 'SUBSCRIBE', 'NOTIFY', 'REFER', 'MESSAGE', 'UPDATE', 'INFO', 'PUBLISH'];

function errorsOf(text: string): string[] {
  const trace = parseTrace(text);
  assert.equal(trace.messages.length, 1, `expected one message in:\n${text}`);
  return lintTrace(trace)
    .filter((d) => d.severity === 'error')
    .map((d) => `${d.code}: ${d.message}`);
}

function snippetFor(startsWith: string): [string, Snippet] {
  const hit = Object.entries(snippets).find(([, s]) => {
    const first = Array.isArray(s.body) ? s.body[0] : s.body.split('\n')[0];
    return (first ?? '').startsWith(startsWith);
  });
  assert.ok(hit, `no snippet starts with ${startsWith}`);
  return hit;
}

void describe('SIP snippets', () => {
  void it('offers a snippet for every common response code and every method', () => {
    for (const code of RESPONSE_CODES) {
      snippetFor(`SIP/2.0 ${code} `);
    }
    for (const method of METHODS) {
      snippetFor(`${method} sip:`);
    }
    assert.equal(Object.keys(snippets).length, RESPONSE_CODES.length + METHODS.length);
  });

  for (const [name, snippet] of Object.entries(snippets)) {
    void it(`expands "${name}" to a message without lint errors, with LF and with CRLF line ends`, () => {
      const { text } = expandSnippet(snippet.body);
      assert.deepEqual(errorsOf(text), []);
      assert.deepEqual(errorsOf(text.replace(/\n/g, '\r\n')), []);
    });
  }

  void it('carries every header the code requires for the default method', () => {
    for (const code of RESPONSE_CODES) {
      const [name, snippet] = snippetFor(`SIP/2.0 ${code} `);
      const message = parseTrace(expandSnippet(snippet.body).text).messages[0];
      assert.ok(message, name);
      const method = getCSeq(message.parsed)?.method ?? '';
      const present = new Set(message.parsed.headers.map((h) => h.key));
      for (const req of responseRequirements(code, method).filter((r) => r.level === 'must')) {
        assert.ok(present.has(req.header.toLowerCase()), `${name} (${method}) lacks ${req.header}`);
      }
    }
  });

  void it('carries every header the method requires', () => {
    for (const method of METHODS) {
      const [name, snippet] = snippetFor(`${method} sip:`);
      const message = parseTrace(expandSnippet(snippet.body).text).messages[0];
      assert.ok(message, name);
      const present = new Set(message.parsed.headers.map((h) => h.key));
      for (const req of requestRequirements(method).filter((r) => r.level === 'must')) {
        assert.ok(present.has(req.header.toLowerCase()), `${name} lacks ${req.header}`);
      }
    }
  });

  void it('leaves the To tag out of 100 Trying only', () => {
    for (const code of RESPONSE_CODES) {
      const [, snippet] = snippetFor(`SIP/2.0 ${code} `);
      const to = expandSnippet(snippet.body).text.split('\n').find((l) => l.startsWith('To:')) ?? '';
      assert.equal(to.includes(';tag='), code !== 100, to);
    }
  });

  void it('lets the user choose the transport and the method with choices, and ends at $0', () => {
    for (const [name, snippet] of Object.entries(snippets)) {
      const body = Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body;
      assert.match(body, /\$\{\d+\|UDP,TCP,TLS\|\}/, name);
      assert.match(body, /\$0/, name);
    }
  });
});
