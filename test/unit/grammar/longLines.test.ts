import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { IGrammar } from 'vscode-textmate';
import { loadSipGrammar, longLines, tokenizeText, underThresholdLines } from '../../../scripts/bench/grammar';
import type { LineToken } from '../../../scripts/bench/grammar';
import { LONG_LINE_THRESHOLD, SCOPES } from '../../../syntaxes/sip.grammar';

/** Tokens of every line of `lines`, the rule stack carried from line to line as in the editor. */
function tokenize(g: IGrammar, lines: readonly string[]): LineToken[][] {
  return tokenizeText(g, lines.join('\n'));
}

function tokenWith(tokens: readonly LineToken[], text: string): LineToken {
  const t = tokens.find((x) => x.text === text);
  assert.ok(t, `no token "${text}" in ${JSON.stringify(tokens.map((x) => x.text.slice(0, 40)))}`);
  return t;
}

/** The one token of the line that is longer than the threshold: the coarse rest of the line. */
function longToken(tokens: readonly LineToken[]): LineToken {
  const t = tokens.find((x) => x.text.length >= LONG_LINE_THRESHOLD / 2);
  assert.ok(t, 'no long token');
  return t;
}

const pad = (unit: string, length: number): string => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

void describe('SIP grammar on long lines', () => {
  void it('turns every 100 KB line shape into a handful of tokens', async () => {
    const g = await loadSipGrammar();
    for (const [label, sample] of Object.entries(longLines())) {
      const tokens = tokenize(g, sample).at(-1) ?? [];
      // The start-line parts, header name, colon, CR marker and the rest: never per-parameter tokens.
      assert.ok(tokens.length <= 16, `${label}: ${tokens.length} tokens`);
    }
  });

  void it('keeps the header name of a 100 KB header and gives its value one meta.long-line token', async () => {
    const g = await loadSipGrammar();
    const lines = tokenize(g, [...(longLines()['Via with 100 KB of params'] ?? []), 'CSeq: 1 INVITE', 'X-Big: ' + pad(';a=1', 100_000)]);
    const via = lines[1] ?? [];
    assert.ok(tokenWith(via, 'Via').scopes.includes(SCOPES.headerKnown));
    assert.ok(tokenWith(via, ':').scopes.includes(SCOPES.colon));
    const value = longToken(via);
    assert.ok(value.scopes.includes(SCOPES.longLine));
    assert.ok(value.scopes.includes(SCOPES.message), 'the long line stays inside its message');
    // The message goes on: the next, ordinary header is coloured in full.
    assert.ok(tokenWith(lines[2] ?? [], 'CSeq').scopes.includes(SCOPES.headerKnown));
    assert.ok(tokenWith(lines[2] ?? [], 'INVITE').scopes.includes(SCOPES.method));
    assert.ok(tokenWith(lines[3] ?? [], 'X-Big').scopes.includes(SCOPES.headerExtension));
  });

  void it('colours a header just under the threshold parameter by parameter', async () => {
    const g = await loadSipGrammar();
    const value = pad(';received=10.0.0.1;rport', LONG_LINE_THRESHOLD - 40);
    const line = `Via: SIP/2.0/UDP h.example.com${value}`;
    assert.ok(line.length < LONG_LINE_THRESHOLD);
    const tokens = tokenize(g, ['INVITE sip:b@h SIP/2.0', line])[1] ?? [];
    assert.ok(tokens.length > 1000, `${tokens.length} tokens`);
    assert.ok(tokens.every((t) => !t.scopes.includes(SCOPES.longLine)));
    assert.ok(tokenWith(tokens, 'received').scopes.includes(SCOPES.paramName));
    assert.ok(tokenWith(tokens, '10.0.0.1').scopes.includes(SCOPES.ipv4));
  });

  void it('colours every <uri> of a Route set just under the threshold', async () => {
    const g = await loadSipGrammar();
    const sample = underThresholdLines()['Route set of 100 KB (URI list)'] ?? [];
    const tokens = tokenize(g, sample).at(-1) ?? [];
    const opens = tokens.filter((t) => t.text === '<' && t.scopes.includes(SCOPES.angleOpen)).length;
    const hosts = tokens.filter((t) => t.text === 'p1.example.com' && t.scopes.includes(SCOPES.host)).length;
    // Every complete <sip:p1.example.com:5060;lr> has its host coloured; the final <sip:x@y> adds one "<".
    assert.ok(opens > 200 && hosts === opens - 1, `${opens} <, ${hosts} hosts`);
    assert.ok(tokenWith(tokens, 'x').scopes.includes(SCOPES.user), 'the last <sip:x@y> too');
  });

  void it('ends an angle bracket context at the line end when a quoted parameter runs over the ">"', async () => {
    const g = await loadSipGrammar();
    const lines = tokenize(g, ['SIP/2.0 200 OK', 'Contact: <sip:a@b;x="1>2>', 'CSeq: 1 INVITE']);
    assert.ok(tokenWith(lines[1] ?? [], '<').scopes.includes(SCOPES.angleOpen));
    assert.ok(tokenWith(lines[2] ?? [], 'CSeq').scopes.includes(SCOPES.headerKnown));
  });

  void it('keeps the method and version of a 100 KB request line and opens its message', async () => {
    const g = await loadSipGrammar();
    const lines = tokenize(g, [...(longLines()['Request-URI of 100 KB'] ?? []), 'Max-Forwards: 70']);
    const start = lines[0] ?? [];
    assert.ok(tokenWith(start, 'INVITE').scopes.includes(SCOPES.method));
    assert.ok(tokenWith(start, 'SIP/2.0').scopes.includes(SCOPES.version));
    assert.ok(longToken(start).scopes.includes(SCOPES.longLine));
    assert.ok(tokenWith(lines[1] ?? [], 'Max-Forwards').scopes.includes(SCOPES.headerKnown));
  });

  void it('still opens the message after a 100 KB status line', async () => {
    const g = await loadSipGrammar();
    const lines = tokenize(g, [...(longLines()['status phrase with spaces'] ?? []), 'CSeq: 1 INVITE']);
    assert.ok(tokenWith(lines[0] ?? [], '200').scopes.includes(SCOPES.status2xx));
    assert.ok(tokenWith(lines[1] ?? [], 'CSeq').scopes.includes(SCOPES.headerKnown));
  });

  void it('keeps the SDP field and attribute name of a 100 KB SDP line, and the body after it', async () => {
    const g = await loadSipGrammar();
    const lines = tokenize(g, [...(longLines()['SDP fmtp 100 KB'] ?? []), 'a=sendrecv']);
    const fmtp = lines[3] ?? [];
    assert.ok(tokenWith(fmtp, 'a').scopes.includes(SCOPES.sdpField));
    assert.ok(tokenWith(fmtp, 'fmtp').scopes.includes(SCOPES.sdpAttribute));
    assert.ok(longToken(fmtp).scopes.includes(SCOPES.sdpBody));
    assert.ok(tokenWith(lines[4] ?? [], 'sendrecv').scopes.includes(SCOPES.sdpDirection));
  });

  void it('keeps ngrep\'s CR marker at the end of a 100 KB ngrep header', async () => {
    const g = await loadSipGrammar();
    const lines = tokenize(g, [...(longLines()['ngrep header 100 KB with trailing dot'] ?? []), 'CSeq: 1 INVITE.']);
    const contact = lines[2] ?? [];
    assert.ok(tokenWith(contact, 'Contact').scopes.includes(SCOPES.headerKnown));
    const last = contact.at(-1);
    assert.equal(last?.text, '.');
    assert.ok(last.scopes.includes(SCOPES.crMarker));
    assert.ok(!longToken(contact).text.endsWith('.'));
    assert.ok(tokenWith(lines[3] ?? [], '.').scopes.includes(SCOPES.crMarker));
  });

  void it('colours a long header of a 3-space-indented FreeSWITCH message and the headers after it', async () => {
    const g = await loadSipGrammar();
    const lines = tokenize(g, [
      'recv 498 bytes from udp/[192.0.2.77]:5060 at 10:11:12.771343:',
      '   ' + '-'.repeat(72),
      '   INVITE sip:1000@192.0.2.5 SIP/2.0',
      `   Record-Route: ${pad('<sip:192.0.2.1;lr>,', 20_000)}<sip:192.0.2.9;lr>`,
      '   Call-ID: 1d393ec9824cf660c6b7',
    ]);
    const rr = lines[3] ?? [];
    assert.ok(rr.length <= 6, `${rr.length} tokens`);
    assert.ok(tokenWith(rr, 'Record-Route').scopes.includes(SCOPES.headerKnown));
    assert.ok(longToken(rr).scopes.includes(SCOPES.longLine));
    assert.ok(tokenWith(lines[4] ?? [], 'Call-ID').scopes.includes(SCOPES.headerKnown));
  });

  void it('leaves a 100 KB line outside a message as one plain token and colours the framing line after it', async () => {
    const g = await loadSipGrammar();
    const lines = tokenize(g, [...(longLines()['binary junk 100 KB'] ?? []), 'recv 498 bytes from udp/[192.0.2.77]:5060 at 10:11:12.771343:']);
    assert.equal(lines[0]?.length, 1);
    assert.ok(lines[0]?.[0]?.scopes.includes(SCOPES.longLine));
    assert.ok(tokenWith(lines[1] ?? [], 'recv').scopes.includes(SCOPES.directionIn));
  });
});
