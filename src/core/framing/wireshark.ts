import { ContentBuilder } from './contentBuilder';
import { indexWithin, lineEnd, nextLine, trimEnd } from './text';

function indentOf(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) {
    i++;
  }
  return i - start;
}

/** End of the decoded SIP tree: the first blank line or line not indented deeper than the header. */
export function wiresharkTreeEnd(text: string, headerStart: number, bodyStart: number): number {
  const base = indentOf(text, headerStart, lineEnd(text, headerStart));
  let pos = bodyStart;
  while (pos < text.length) {
    const le = lineEnd(text, pos);
    const e = trimEnd(text, pos, le);
    if (e === pos || indentOf(text, pos, e) <= base) {
      return pos;
    }
    pos = nextLine(text, le);
  }
  return pos;
}

/** How the excerpt shows the message body: not at all, line by line, or only as a dissector's name. */
export type WiresharkBody = 'none' | 'rebuilt' | 'opaque';

/**
 * Rebuilds a SIP message from Wireshark's packet-details text (`tshark -V -O sip`, or copied from
 * the GUI): the start line from `Request-Line:`/`Status-Line:`, one header per line directly
 * under `Message Header` (the dissector's deeper sub-tree lines and `[generated]` lines skipped),
 * and an SDP body from the `Name (x): value` lines. Each copied value maps back to its source
 * characters; the CRLFs and `x=` prefixes are synthesised.
 */
export function rebuildWireshark(
  text: string,
  from: number,
  to: number,
): { builder: ContentBuilder; body: WiresharkBody } | undefined {
  const out = new ContentBuilder();
  let childIndent = -1;
  let section: 'top' | 'headers' | 'body' = 'top';
  let sectionIndent = -1;
  let bodyMode: 'sdp' | 'text' | 'none' = 'none';
  let fieldIndent = -1;
  let haveStart = false;
  let bodyStarted = false;
  let body: WiresharkBody = 'none';
  let pos = from;
  while (pos < to) {
    const le = Math.min(lineEnd(text, pos), to);
    const e = trimEnd(text, pos, le);
    const ind = indentOf(text, pos, e);
    const cs = pos + ind;
    if (childIndent < 0) {
      childIndent = ind;
    }
    if (ind === childIndent) {
      if (text.startsWith('Request-Line: ', cs) || text.startsWith('Status-Line: ', cs)) {
        const v = text.indexOf(': ', cs) + 2;
        out.push(text.slice(v, e), v);
        out.push('\r\n', e);
        haveStart = true;
        section = 'top';
      } else if (text.startsWith('Message Header', cs)) {
        section = 'headers';
        sectionIndent = -1;
      } else if (text.startsWith('Message Body', cs)) {
        section = 'body';
        sectionIndent = -1;
        bodyMode = 'none';
        if (haveStart && !bodyStarted) {
          out.push('\r\n', e);
          bodyStarted = true;
          body = 'opaque';
        }
      } else {
        section = 'top';
      }
    } else if (section === 'headers' && haveStart) {
      if (sectionIndent < 0) {
        sectionIndent = ind;
      }
      if (ind === sectionIndent && text.charCodeAt(cs) !== 91 /* [ */) {
        out.push(text.slice(cs, e), cs);
        out.push('\r\n', e);
      }
    } else if (section === 'body' && haveStart) {
      if (sectionIndent < 0) {
        sectionIndent = ind;
      }
      if (ind === sectionIndent) {
        // Which dissector shows the body decides how its lines are read back.
        bodyMode = text.startsWith('Session Description Protocol', cs)
          ? 'sdp'
          : text.startsWith('Line-based text data', cs)
            ? 'text'
            : 'none';
        fieldIndent = -1;
      } else if (bodyMode !== 'none') {
        if (fieldIndent < 0) {
          fieldIndent = ind;
        }
        if (ind === fieldIndent) {
          body = 'rebuilt';
          if (bodyMode === 'sdp') {
            pushSdpField(out, text, cs, e);
          } else {
            pushTextLine(out, text, cs, e);
          }
        }
      }
    }
    pos = nextLine(text, le);
  }
  if (!haveStart) {
    return undefined;
  }
  if (!bodyStarted) {
    out.push('\r\n', to > from ? trimEnd(text, from, to) : from);
  }
  return { builder: out, body };
}

/** `Session Description Protocol Version (v): 0` -> `v=0`. */
function pushSdpField(out: ContentBuilder, text: string, cs: number, e: number): void {
  const k = indexWithin(text, '):', cs, e + 1);
  if (k > cs + 1 && text.charCodeAt(k - 2) === 40 /* ( */) {
    const v = Math.min(k + 3, e);
    out.push(text[k - 1], k - 1);
    out.push('=', k);
    out.push(text.slice(v, e), v);
    out.push('\r\n', e);
  }
}

/** A `Line-based text data` line, shown with its line end escaped (`\r\n`) at the end. */
function pushTextLine(out: ContentBuilder, text: string, cs: number, e: number): void {
  let lineEndAt = e;
  if (text.endsWith('\\r\\n', e)) {
    lineEndAt = e - 4;
  } else if (text.endsWith('\\n', e)) {
    lineEndAt = e - 2;
  }
  out.push(text.slice(cs, lineEndAt), cs);
  out.push('\r\n', lineEndAt);
}
