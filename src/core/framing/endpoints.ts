import type { Endpoint } from '../model';
import { indexWithin } from './text';

/**
 * Parses `host:port`, `[v6]:port`, a bare IPv6 address followed by `:port` (ngrep prints them
 * that way) or, with `dotPort`, tcpdump's `host.port`.
 */
export function parseEndpoint(written: string, dotPort = false): Endpoint {
  return parseEndpointAt(written, 0, written.length, dotPort);
}

/**
 * {@link parseEndpoint} of `text[from, to)`, read in place: a framing header line's endpoints
 * are parsed without first cutting them out of the trace as strings of their own.
 */
export function parseEndpointAt(text: string, from: number, to: number, dotPort = false): Endpoint {
  const end = to > from && text.charCodeAt(to - 1) === 58 /* : */ ? to - 1 : to;
  if (end > from && text.charCodeAt(from) === 91 /* [ */) {
    const close = indexWithin(text, ']', from, end);
    if (close > from) {
      const host = text.slice(from + 1, close);
      const port = close + 1 < end && text.charCodeAt(close + 1) === 58 /* : */ ? toPort(text, close + 2, end) : undefined;
      return port === undefined ? { host } : { host, port };
    }
  }
  const sep = lastIndexWithin(text, dotPort ? 46 /* . */ : 58 /* : */, from, end);
  if (sep > from) {
    const port = toPort(text, sep + 1, end);
    if (port !== undefined) {
      return { host: text.slice(from, sep), port };
    }
  }
  return { host: text.slice(from, end) };
}

/** Offset of the last `code` in `text[from, to)`, or -1 (bounded, unlike `lastIndexOf`). */
function lastIndexWithin(text: string, code: number, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) {
    if (text.charCodeAt(i) === code) {
      return i;
    }
  }
  return -1;
}

/** The port number written in `text[from, to)` (offsets, so no substring per endpoint). */
function toPort(text: string, from: number, to: number): number | undefined {
  if (to <= from || to - from > 5) {
    return undefined;
  }
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) {
      return undefined;
    }
    n = n * 10 + (c - 48);
  }
  return n <= 65535 ? n : undefined;
}

/** Upper-case transport name as the model wants it (`udp` -> `UDP`). */
export function normalizeTransport(written: string | undefined): string | undefined {
  if (!written) {
    return undefined;
  }
  const t = written.toUpperCase();
  return t.length > 0 && t.length <= 5 ? t : undefined;
}
