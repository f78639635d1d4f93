import type { MessageSegment } from '../../../src/core/model';

/** The source text a content range of a segment maps to. */
export function sourceOf(text: string, segment: MessageSegment, start: number, end: number): string {
  const span = segment.map.spanToSource({ start, end });
  return text.slice(span.start, span.end);
}

/** Source text of the first occurrence of `needle` in the segment's content. */
export function sourceOfContent(text: string, segment: MessageSegment, needle: string): string {
  const at = segment.content.indexOf(needle);
  if (at < 0) {
    throw new Error(`${JSON.stringify(needle)} not in content`);
  }
  return sourceOf(text, segment, at, at + needle.length);
}

/** First line of each segment's content, without its line end. */
export function startLines(segments: readonly MessageSegment[]): string[] {
  return segments.map((s) => s.content.split('\n')[0].replace(/\r$/, ''));
}

/** Joins lines with CRLF, as SIP puts them on the wire. */
export function crlf(...lines: string[]): string {
  return lines.join('\r\n');
}

export const INVITE_SDP_BODY = 'v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n';

/** A small INVITE with an SDP body and a correct Content-Length, CRLF line ends. */
export function invite(callId = 'a1@192.0.2.1'): string {
  return crlf(
    'INVITE sip:bob@example.com SIP/2.0',
    'Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK1',
    'From: <sip:alice@example.com>;tag=1',
    'To: <sip:bob@example.com>',
    `Call-ID: ${callId}`,
    'CSeq: 1 INVITE',
    'Content-Type: application/sdp',
    `Content-Length: ${INVITE_SDP_BODY.length}`,
    '',
    '',
  ) + INVITE_SDP_BODY;
}

/** A 200 OK without body. */
export function ok(callId = 'a1@192.0.2.1'): string {
  return crlf(
    'SIP/2.0 200 OK',
    'Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK1',
    'From: <sip:alice@example.com>;tag=1',
    'To: <sip:bob@example.com>;tag=2',
    `Call-ID: ${callId}`,
    'CSeq: 1 INVITE',
    'Content-Length: 0',
    '',
    '',
  );
}
