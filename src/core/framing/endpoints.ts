import type { Endpoint } from '../model';

/**
 * Parses `host:port`, `[v6]:port`, a bare IPv6 address followed by `:port` (ngrep prints them
 * that way) or, with `dotPort`, tcpdump's `host.port`.
 */
export function parseEndpoint(written: string, dotPort = false): Endpoint {
  let s = written;
  if (s.endsWith(':')) {
    s = s.slice(0, -1);
  }
  if (s.startsWith('[')) {
    const close = s.indexOf(']');
    if (close > 0) {
      const host = s.slice(1, close);
      const port = s.charCodeAt(close + 1) === 58 /* : */ ? toPort(s, close + 2, s.length) : undefined;
      return port === undefined ? { host } : { host, port };
    }
  }
  const sep = s.lastIndexOf(dotPort ? '.' : ':');
  if (sep > 0) {
    const port = toPort(s, sep + 1, s.length);
    if (port !== undefined) {
      return { host: s.slice(0, sep), port };
    }
  }
  return { host: s };
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
