import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { iterateTrace, readTrace, type TraceSummary } from '../../../src/core/framing';
import type { MessageSegment } from '../../../src/core/model';
import { crlf, invite, ok, startLines } from './helpers';

function packet(header: string, payload: string): string {
  return `${header}\n${payload.replace(/\r\n/g, '.\n')}\n\n`;
}

/** Drives the generator by hand, as a streaming caller does, keeping its return value. */
function drain(text: string): { segments: MessageSegment[]; summary: TraceSummary } {
  const it = iterateTrace(text);
  const segments: MessageSegment[] = [];
  for (let r = it.next(); ; r = it.next()) {
    if (r.done === true) {
      return { segments, summary: r.value };
    }
    segments.push(r.value);
  }
}

void describe('iterateTrace', () => {
  void it('yields the segments readTrace returns, in file order, and returns format and problems', () => {
    const whole = invite('flow@a');
    const cut = whole.indexOf('m=audio');
    // A TCP message waits for its flow's next packet while a message of another flow completes:
    // the waiting one still comes first, since it starts first in the file.
    const text =
      packet('T 2024/01/02 10:11:12.1 192.0.2.1:5060 -> 198.51.100.7:5060 [AP] #1', whole.slice(0, cut)) +
      packet('U 2024/01/02 10:11:12.2 198.51.100.9:5060 -> 192.0.2.1:5060 #2', ok('udp@b')) +
      packet('T 2024/01/02 10:11:12.3 192.0.2.1:5060 -> 198.51.100.7:5060 [AP] #3', whole.slice(cut)) +
      packet('U 2024/01/02 10:11:12.4 198.51.100.9:5060 -> 192.0.2.1:5060 #4', ok('udp@c').replace('Content-Length: 0', 'Content-Length: 40'));
    const streamed = drain(text);
    const collected = readTrace(text);
    assert.deepEqual(
      streamed.segments.map((s) => s.content),
      collected.segments.map((s) => s.content),
    );
    assert.deepEqual(startLines(streamed.segments), ['INVITE sip:bob@example.com SIP/2.0', 'SIP/2.0 200 OK', 'SIP/2.0 200 OK']);
    assert.equal(streamed.segments[0].content, whole);
    assert.equal(streamed.summary.format, 'ngrep');
    assert.deepEqual(
      streamed.summary.problems.map((p) => p.code),
      ['truncated-message'],
    );
    assert.deepEqual(streamed.summary.problems, collected.problems);
  });

  void it('hands over the first message before reading the rest of the file', () => {
    const parts: string[] = [];
    for (let i = 0; i < 200; i++) {
      parts.push(invite(`call-${i}@x`));
    }
    const text = parts.join('\r\n');
    const it = iterateTrace(text);
    const first = it.next();
    assert.equal(first.done, false);
    assert.ok(!first.done && first.value.content.includes('Call-ID: call-0@x'));
    let count = 1;
    for (let r = it.next(); r.done !== true; r = it.next()) {
      count++;
    }
    assert.equal(count, 200);
  });

  void it('reports NUL bytes between messages only outside the messages it has already handed over', () => {
    const text = crlf(ok('n1'), '') + '\u0000\u0000junk\n\n' + ok('n2');
    const { segments, summary } = drain(text);
    assert.equal(segments.length, 2);
    const binary = summary.problems.filter((p) => p.code === 'binary-data');
    assert.equal(binary.length >= 1, true);
    for (const p of binary) {
      assert.ok(text.slice(p.span.start, p.span.end).includes('\u0000'));
    }
  });
});
