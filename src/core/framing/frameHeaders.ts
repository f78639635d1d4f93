import type { Framing, TraceFormat } from '../model';
import { normalizeTransport, parseEndpoint, parseEndpointAt } from './endpoints';
import { SP, hasAt, indexWithin, isDigit, lineEnd, nextLine, trimEnd } from './text';

/** How the lines of a framed message are turned into content. */
export type LineStyle =
  /** copied as they are */
  | 'verbatim'
  /** ngrep byline: a trailing `.` stands for a CR; old versions indent every line by one space */
  | 'ngrep'
  /** FreeSWITCH siptrace: every line indented (by 3 spaces) */
  | 'indented'
  /** Asterisk full log: every line may carry a `[date] VERBOSE[pid] file.c: ` prefix */
  | 'asterisk'
  /** Wireshark / tshark packet details: the message is rebuilt from the decoded tree */
  | 'wireshark'
  /** not read: an ngrep ICMP/IGMP packet, whose payload quotes an IP header, not a SIP message */
  | 'skip';

/** Where a framed message's lines end. */
export type BlockEnd =
  | 'next-header'
  | 'rule'
  | 'pjsip-end'
  | 'chan-sip-end'
  | 'kamailio'
  | 'indent-tree';

/** A framing header line recognised at a line start. */
export interface FrameHeader {
  readonly format: TraceFormat;
  readonly framing: Framing;
  /** Offset where the message lines begin (the line after the header line(s)). */
  readonly bodyStart: number;
  readonly lines: LineStyle;
  readonly end: BlockEnd;
  /** The header is only a separator or banner: no message follows. */
  readonly ignore?: boolean;
  /** ngrep: the packet is an IP fragment (the first one, or a `+` continuation). */
  readonly fragment?: { readonly id: string; readonly continuation: boolean };
}

type Fields = Omit<Framing, 'format' | 'headerSpan'>;

// The prefix of an empty message line may lack the space after the colon.
const ASTERISK_PREFIX = /\[[^\]\n]{1,40}\] [A-Z]+\[\d+\](?:\[C-[0-9A-Fa-f]+\])? [^\s:]+:(?: |(?=\r?$))/my;

/**
 * End of an Asterisk full-log prefix (`[Jan  2 10:11:12] VERBOSE[1234][C-00000001] chan_sip.c: `)
 * at `start`, or `start` when there is none.
 */
export function asteriskPrefixEnd(text: string, start: number): number {
  if (text.charCodeAt(start) !== 91 /* [ */) {
    return start;
  }
  ASTERISK_PREFIX.lastIndex = start;
  return ASTERISK_PREFIX.test(text) ? ASTERISK_PREFIX.lastIndex : start;
}

// All patterns are sticky (matched at an offset of the whole text: no per-line substrings) and
// use only [^\n]-bounded classes with no nested quantifiers, so they stay linear on huge lines.
// ngrep: protocol letter (U, T, I; `?` for what it cannot decode, such as GRE), optional time,
// endpoints, IP fragment `[+]ID@offset:length`, TCP flags, packet number.
const NGREP =
  /([UTI?]) (?:(\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d\.\d+|\+\d+\.\d+) )?(\S+) -> (\S+)(?: (\+?)(\d+)@\d+:\d+)?(?: \[[^\]\n]*\])?(?: #\d+)?[ \t\r]*$/my;
// ngrep ICMP/ICMPv6/IGMP packet: `type:code` after the addresses.
const NGREP_ICMP =
  /I (?:(\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d\.\d+|\+\d+\.\d+) )?(\S+) -> (\S+) \d+:\d+(?: \+?\d+@\d+:\d+)?(?: #\d+)?[ \t\r]*$/my;
// An ICMP/IGMP header or any other `I` packet.
const NGREP_ANY_I = new RegExp(`${NGREP_ICMP.source}|${NGREP.source}`, 'my');
// What ngrep prints after `exit` when it stops a live capture (`dropped` before version 1.47).
const NGREP_COUNTS = /\d+ received, \d+ (?:matched|dropped)[ \t\r]*$/my;
const SNGREP = /(\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d(?:\.\d+)?) (\S+) -> (\S+)(?: ([A-Za-z]+))?[ \t\r]*$/my;
const TCPDUMP = /((?:\d{4}-\d\d-\d\d )?\d\d:\d\d:\d\d\.\d+) IP6? (\S+) > (\S+): ([^\n]*)$/my;
const PJSIP =
  /((?:\d{4}-\d\d-\d\d )?\d\d:\d\d:\d\d\.\d+)?[ \t]*(?:[\w.-]+[ \t]+)?\.*(TX|RX) (\d+) bytes (?:Request|Response) msg \S+ \([^)\n]*\) (to|from) ([A-Za-z]+) (\S+)[ \t\r]*$/my;
const FREESWITCH =
  /(?:\S+@\S+> |\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ )?(recv|send) (\d+) bytes (from|to) ([A-Za-z]+)\/(\S+) at (\d\d:\d\d:\d\d(?:\.\d+)?):[ \t\r]*$/my;
const ASTERISK_PJSIP =
  /<--- (Received|Transmitting) SIP (?:request|response) \((\d+) bytes\) (from|to) ([A-Za-z]+):(\S+) --->[ \t\r]*$/my;
const CHAN_SIP_READ = /<--- SIP read from (?:([A-Za-z]+):)?(\S+) --->[ \t\r]*$/my;
const CHAN_SIP_SEND =
  /(?:<--- )?(?:Reliably Transmitting|Retransmitting #\d+|Transmitting) \([^)\n]*\) to (?:([A-Za-z]+):)?(\S+)(?: --->)?[ \t\r]*$/my;
const SIPP_RULE = /-{5,} (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)?)[ \t\r]*$/my;
const SIPP_WHAT = /([A-Za-z]+) message (sent|received) (?:\((\d+) bytes\)|\[(\d+)\] bytes) ?:[ \t\r]*$/my;
const HOMER = /proto:([A-Za-z]+) (\S+) (\S+) ---> (\S+)[ \t\r]*$/my;
const WIRESHARK = /[ \t]*Session Initiation Protocol(?: \([^)\n]*\))?[ \t\r]*$/my;

function at(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

/**
 * Recognises a framing header at the line `[start, end)`. Dispatches on the first character so
 * that the ordinary lines of a trace (headers, SDP) are rejected after one or two comparisons.
 */
export function detectHeader(text: string, start: number, end: number): FrameHeader | undefined {
  if (text.charCodeAt(start) === 35 /* # */) {
    // Before the short-line test: ngrep's mark line is often a single `#`.
    return ngrepMarks(text, start, end);
  }
  if (end - start < 3) {
    return undefined;
  }
  const p = asteriskPrefixEnd(text, start);
  const c = text.charCodeAt(p);
  switch (c) {
    case 85: // U
    case 84: // T
      if (text.charCodeAt(p + 1) === SP) {
        return ngrep(text, start, p, end);
      }
      return c === 84 ? chanSipSend(text, start, p, end) : undefined;
    case 73: // I (ngrep ICMP)
    case 63: // ? (ngrep: protocol it cannot decode)
      return text.charCodeAt(p + 1) === SP ? ngrep(text, start, p, end) : undefined;
    case 101: // e (ngrep's `exit`)
      return p === start ? ngrepExit(text, start, start, end) : undefined;
    case 60: // <
      return asteriskHeader(text, start, p, end);
    case 82: // R
      return chanSipSend(text, start, p, end);
    case 114: // r
    case 115: // s
    case 102: // f (freeswitch@host> prompt)
      return freeswitch(text, start, p, end);
    case 45: // -
      return sipp(text, start, p, end);
    case 112: // p
      return homer(text, start, p, end);
    case 61: // =
      return kamailio(text, start, end);
    case 83: // S
    case 32: // indented Session Initiation Protocol
    case 9:
      return wireshark(text, start, p, end);
    case 105: // i (ngrep banner)
    case 109: // m
      return ngrepBanner(text, start, end);
    default:
      if (isDigit(c)) {
        return digitHeader(text, start, p, end);
      }
      return undefined;
  }
}

function make(
  format: TraceFormat,
  text: string,
  start: number,
  headerEnd: number,
  fields: Fields,
  bodyStart: number,
  lines: LineStyle,
  end: BlockEnd,
): FrameHeader {
  const framing = withFields({ format, headerSpan: { start, end: trimEnd(text, start, headerEnd) } }, fields);
  return { format, framing, bodyStart, lines, end };
}

/**
 * Adds the fields the tool wrote (absent and NaN ones dropped) to `framing`, one assignment each:
 * an object spread per frame costs more than the rest of building it.
 */
function withFields(framing: { -readonly [K in keyof Framing]: Framing[K] }, fields: Fields): Framing {
  if (fields.time !== undefined) {
    framing.time = fields.time;
  }
  if (fields.src !== undefined) {
    framing.src = fields.src;
  }
  if (fields.dst !== undefined) {
    framing.dst = fields.dst;
  }
  if (fields.transport !== undefined) {
    framing.transport = fields.transport;
  }
  if (fields.direction !== undefined) {
    framing.direction = fields.direction;
  }
  if (fields.declaredLength !== undefined && !Number.isNaN(fields.declaredLength)) {
    framing.declaredLength = fields.declaredLength;
  }
  return framing;
}

function ngrep(text: string, start: number, p: number, end: number): FrameHeader | undefined {
  const m = at(NGREP, text, p);
  if (!m) {
    if (text.charCodeAt(p) === 73 /* I */ && at(NGREP_ICMP, text, p)) {
      // Framed so that its payload (a quoted IP header) is neither read nor left as stray text.
      return make('ngrep', text, start, end, {}, nextLine(text, end), 'skip', 'next-header');
    }
    return undefined;
  }
  const continuation = m[5] === '+';
  // Where the addresses are in the line: the capture strings are views of the whole trace, and
  // parsing those costs far more than reading the same characters in the text itself.
  const srcStart = p + 2 + (m[2] === undefined ? 0 : m[2].length + 1);
  const srcEnd = srcStart + m[3].length;
  const dstStart = srcEnd + 4;
  const dstEnd = dstStart + m[4].length;
  const h = make(
    'ngrep',
    text,
    start,
    end,
    {
      time: m[2],
      // A fragment after the first has no ports: keep the address whole.
      src: continuation ? { host: m[3] } : parseEndpointAt(text, srcStart, srcEnd),
      dst: continuation ? { host: m[4] } : parseEndpointAt(text, dstStart, dstEnd),
      transport: m[1] === 'U' ? 'UDP' : m[1] === 'T' ? 'TCP' : undefined,
    },
    nextLine(text, end),
    'ngrep',
    'next-header',
  );
  return m[6] !== undefined ? { ...h, fragment: { id: m[6], continuation } } : h;
}

function ignored(format: TraceFormat, text: string, start: number, end: number): FrameHeader {
  const h = make(format, text, start, end, {}, nextLine(text, end), 'verbatim', 'next-header');
  return { ...h, ignore: true };
}

/**
 * ngrep without -q prints a `#` for every packet it reads, before deciding whether to print the
 * packet; the `#`s run on one line, which the next printed packet's header line ends (its
 * `"\n%c "`), and `exit` follows the last of them when ngrep stops. So a line of `#` only is
 * ngrep's marks where ngrep puts them: right before a packet header line, or as the last line
 * (ngrep still running or killed), or ending in `exit`. Anywhere else, such as a body line of `#`s
 * inside a packet, it is text like any other and stays in the packet.
 */
function ngrepMarks(text: string, start: number, end: number): FrameHeader | undefined {
  const e = trimEnd(text, start, end);
  let i = start;
  while (i < e && text.charCodeAt(i) === 35) {
    i++;
  }
  if (i < e) {
    return ngrepExit(text, start, i, end);
  }
  const next = nextLine(text, end);
  if (next >= text.length || isNgrepPacketHeader(text, next)) {
    // One per packet: only what skipping the line needs (no header span, shared framing).
    return { format: 'ngrep', framing: NGREP_MARKS, bodyStart: next, lines: 'verbatim', end: 'next-header', ignore: true };
  }
  return undefined;
}

const NGREP_MARKS: Framing = { format: 'ngrep' };

/** An ngrep packet header line (UDP, TCP, undecoded, ICMP/IGMP) at `pos`. */
function isNgrepPacketHeader(text: string, pos: number): boolean {
  const c = text.charCodeAt(pos);
  if ((c !== 85 && c !== 84 && c !== 73 && c !== 63) || text.charCodeAt(pos + 1) !== SP) {
    return false;
  }
  // A test, not ngrep(): no match array or framing built for a line the reader detects next anyway.
  const re = c === 73 ? NGREP_ANY_I : NGREP;
  re.lastIndex = pos;
  return re.test(text);
}

/**
 * ngrep's last line `exit` (after the line's `#` marks, from `word` on), with the live capture's
 * `N received, N matched` after it. Only at the end of the text (or before the banner of another
 * run appended to it): a line `exit` elsewhere is not ngrep's.
 */
function ngrepExit(text: string, start: number, word: number, end: number): FrameHeader | undefined {
  if (!hasAt(text, word, 'exit') || trimEnd(text, word, end) !== word + 4) {
    return undefined;
  }
  let last = end;
  let next = nextLine(text, end);
  if (next < text.length && at(NGREP_COUNTS, text, next)) {
    last = lineEnd(text, next);
    next = nextLine(text, last);
  }
  if (!blankToEnd(text, next) && !hasAt(text, next, 'input: ') && !hasAt(text, next, 'interface: ')) {
    return undefined;
  }
  return ignored('ngrep', text, start, last);
}

/** Only blank lines from `pos` to the end of the text (stops at the first other character). */
function blankToEnd(text: string, pos: number): boolean {
  for (let i = pos; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13 && c !== SP && c !== 9) {
      return false;
    }
  }
  return true;
}

function ngrepBanner(text: string, start: number, end: number): FrameHeader | undefined {
  if (hasAt(text, start, 'interface: ') || hasAt(text, start, 'input: ') || hasAt(text, start, 'match: ')) {
    return ignored('ngrep', text, start, end);
  }
  return undefined;
}

function asteriskHeader(text: string, start: number, p: number, end: number): FrameHeader | undefined {
  if (!hasAt(text, p, '<--- ')) {
    return undefined;
  }
  let m = at(ASTERISK_PJSIP, text, p);
  if (m) {
    const inbound = m[1] === 'Received';
    const ep = parseEndpoint(m[5]);
    return make(
      'asterisk-pjsip',
      text,
      start,
      end,
      {
        direction: inbound ? 'in' : 'out',
        declaredLength: Number(m[2]),
        transport: normalizeTransport(m[4]),
        ...(inbound ? { src: ep } : { dst: ep }),
      },
      nextLine(text, end),
      'asterisk',
      'next-header',
    );
  }
  m = at(CHAN_SIP_READ, text, p);
  if (m) {
    return make(
      'asterisk-chan-sip',
      text,
      start,
      end,
      { direction: 'in', transport: normalizeTransport(m[1]), src: parseEndpoint(m[2]) },
      nextLine(text, end),
      'asterisk',
      'chan-sip-end',
    );
  }
  return chanSipSend(text, start, p, end);
}

function chanSipSend(text: string, start: number, p: number, end: number): FrameHeader | undefined {
  // `To:`, `Route:`, `Record-Route:` lines reach here on every message: reject them before the regex.
  if (
    !hasAt(text, p, 'Transmitting') &&
    !hasAt(text, p, 'Reliably') &&
    !hasAt(text, p, 'Retransmitting') &&
    !hasAt(text, p, '<--- ')
  ) {
    return undefined;
  }
  const m = at(CHAN_SIP_SEND, text, p);
  if (!m) {
    return undefined;
  }
  return make(
    'asterisk-chan-sip',
    text,
    start,
    end,
    { direction: 'out', transport: normalizeTransport(m[1]), dst: parseEndpoint(m[2]) },
    nextLine(text, end),
    'asterisk',
    'next-header',
  );
}

function freeswitch(text: string, start: number, p: number, end: number): FrameHeader | undefined {
  const c = text.charCodeAt(p);
  // Message lines starting with r/s (SDP's `s=`, `Record-Route` written lower case) are far
  // more common than headers: without the verb at the start, only the prompt form can match.
  if ((c === 114 || c === 115) && !hasAt(text, p, 'recv ') && !hasAt(text, p, 'send ')) {
    return undefined;
  }
  const m = at(FREESWITCH, text, p);
  if (!m) {
    return undefined;
  }
  const inbound = m[1] === 'recv';
  const ep = parseEndpoint(m[5]);
  // The message sits between two dashed rules (sofia-sip's tport log may omit them).
  let bodyStart = nextLine(text, end);
  const ruleEnd = lineEnd(text, bodyStart);
  if (isRule(text, bodyStart, ruleEnd)) {
    bodyStart = nextLine(text, ruleEnd);
  }
  return make(
    'freeswitch',
    text,
    start,
    end,
    {
      time: m[6],
      direction: inbound ? 'in' : 'out',
      declaredLength: Number(m[2]),
      transport: normalizeTransport(m[4]),
      ...(inbound ? { src: ep } : { dst: ep }),
    },
    bodyStart,
    'indented',
    'rule',
  );
}

/**
 * A line of 20 or more dashes only (FreeSWITCH siptrace's rule). sofia-sip indents the rule like
 * the message (`"%s   " MSG_SEPARATOR` in tport_logging.c), so leading blanks are allowed.
 */
export function isRule(text: string, start: number, end: number): boolean {
  const e = trimEnd(text, start, end);
  let s = start;
  while (s < e && (text.charCodeAt(s) === 32 || text.charCodeAt(s) === 9)) {
    s++;
  }
  if (e - s < 20) {
    return false;
  }
  for (let i = s; i < e; i++) {
    if (text.charCodeAt(i) !== 45) {
      return false;
    }
  }
  return true;
}

function sipp(text: string, start: number, p: number, end: number): FrameHeader | undefined {
  if (!hasAt(text, p, '-----')) {
    return undefined;
  }
  const m = at(SIPP_RULE, text, p);
  if (!m) {
    return undefined;
  }
  const second = nextLine(text, end);
  const secondEnd = lineEnd(text, second);
  const w = at(SIPP_WHAT, text, second);
  if (!w || w.index !== second) {
    return make('sipp', text, start, end, { time: m[1] }, second, 'verbatim', 'next-header');
  }
  const inbound = w[2] === 'received';
  return make(
    'sipp',
    text,
    start,
    secondEnd,
    {
      time: m[1],
      transport: normalizeTransport(w[1]),
      direction: inbound ? 'in' : 'out',
      declaredLength: Number(w[3] ?? w[4]),
    },
    nextLine(text, secondEnd),
    'verbatim',
    'next-header',
  );
}

function homer(text: string, start: number, p: number, end: number): FrameHeader | undefined {
  if (!hasAt(text, p, 'proto:')) {
    return undefined;
  }
  const m = at(HOMER, text, p);
  if (!m) {
    return undefined;
  }
  return make(
    'homer',
    text,
    start,
    end,
    { transport: normalizeTransport(m[1]), time: m[2], src: parseEndpoint(m[3]), dst: parseEndpoint(m[4]) },
    nextLine(text, end),
    'verbatim',
    'next-header',
  );
}

/** Kamailio sipdump: `====` then `key: value` lines up to a `~~~~` line, message, `||||`. */
function kamailio(text: string, start: number, end: number): FrameHeader | undefined {
  const e = trimEnd(text, start, end);
  if (e - start < 10) {
    return undefined;
  }
  for (let i = start; i < e; i++) {
    if (text.charCodeAt(i) !== 61) {
      return undefined;
    }
  }
  const fields: Record<string, string> = {};
  let pos = nextLine(text, end);
  for (let n = 0; n < 16 && pos < text.length; n++) {
    const le = lineEnd(text, pos);
    if (hasAt(text, pos, '~~~~~')) {
      const f = fields;
      const tag = f['tag'];
      const proto = f['proto']?.split(' ')[0];
      const src = f['srcip'] !== undefined ? parseEndpoint(`[${f['srcip']}]:${f['srcport'] ?? ''}`) : undefined;
      const dst = f['dstip'] !== undefined ? parseEndpoint(`[${f['dstip']}]:${f['dstport'] ?? ''}`) : undefined;
      return make(
        'kamailio-sipdump',
        text,
        start,
        le,
        {
          time: f['date'] ?? f['time'] ?? f['tv'],
          transport: normalizeTransport(proto),
          direction: tag === 'rcv' ? 'in' : tag === 'snd' ? 'out' : undefined,
          src,
          dst,
        },
        nextLine(text, le),
        'verbatim',
        'kamailio',
      );
    }
    const colon = indexWithin(text, ':', pos, le);
    if (colon < 0) {
      return undefined;
    }
    fields[text.slice(pos, colon).trim()] = text.slice(colon + 1, trimEnd(text, colon + 1, le)).trim();
    pos = nextLine(text, le);
  }
  return undefined;
}

function wireshark(text: string, start: number, p: number, end: number): FrameHeader | undefined {
  let i = p;
  while (i < end && (text.charCodeAt(i) === SP || text.charCodeAt(i) === 9)) {
    i++;
  }
  if (!hasAt(text, i, 'Session Initiation Protocol')) {
    return undefined;
  }
  const m = at(WIRESHARK, text, p);
  if (!m) {
    return undefined;
  }
  return make('wireshark', text, start, end, {}, nextLine(text, end), 'wireshark', 'indent-tree');
}

/** Headers starting with a digit (or indentation): tcpdump, pjsip, sngrep, FreeSWITCH with a timestamp. */
function digitHeader(text: string, start: number, p: number, end: number): FrameHeader | undefined {
  // YYYY/MM/DD: sngrep's text export.
  if (text.charCodeAt(p + 4) === 47) {
    const m = at(SNGREP, text, p);
    if (m) {
      return make(
        'sngrep',
        text,
        start,
        end,
        { time: m[1], src: parseEndpoint(m[2]), dst: parseEndpoint(m[3]), transport: normalizeTransport(m[4]) },
        nextLine(text, end),
        'verbatim',
        'next-header',
      );
    }
    return undefined;
  }
  return tcpdump(text, start, p, end) ?? pjsip(text, start, p, end) ?? freeswitch(text, start, p, end);
}

function tcpdump(text: string, start: number, p: number, end: number): FrameHeader | undefined {
  const m = at(TCPDUMP, text, p);
  if (!m) {
    return undefined;
  }
  const rest = m[4];
  const transport = rest.startsWith('UDP') ? 'UDP' : rest.includes('Flags [') ? 'TCP' : undefined;
  const len = /length:? (\d+)/.exec(rest);
  return make(
    'tcpdump',
    text,
    start,
    end,
    {
      time: m[1],
      src: parseEndpoint(m[2], true),
      dst: parseEndpoint(m[3], true),
      transport,
      declaredLength: len ? Number(len[1]) : undefined,
    },
    nextLine(text, end),
    'verbatim',
    'next-header',
  );
}

function pjsip(text: string, start: number, p: number, end: number): FrameHeader | undefined {
  const m = at(PJSIP, text, p);
  if (!m) {
    return undefined;
  }
  const inbound = m[2] === 'RX';
  const ep = parseEndpoint(m[6]);
  return make(
    'pjsip',
    text,
    start,
    end,
    {
      time: m[1],
      direction: inbound ? 'in' : 'out',
      declaredLength: Number(m[3]),
      transport: normalizeTransport(m[5]),
      ...(inbound ? { src: ep } : { dst: ep }),
    },
    nextLine(text, end),
    'verbatim',
    'pjsip-end',
  );
}

/** The pjsip end marker `--end msg--`. */
export function isPjsipEnd(text: string, start: number, end: number): boolean {
  return hasAt(text, start, '--end msg--') && trimEnd(text, start, end) === start + 11;
}

/** chan_sip's `<------------->` after a received message (maybe behind a full-log prefix). */
export function isChanSipEnd(text: string, start: number, end: number): boolean {
  const p = asteriskPrefixEnd(text, start);
  const e = trimEnd(text, p, end);
  if (e - p < 5 || text.charCodeAt(p) !== 60 /* < */ || text.charCodeAt(e - 1) !== 62 /* > */) {
    return false;
  }
  for (let i = p + 1; i < e - 1; i++) {
    if (text.charCodeAt(i) !== 45) {
      return false;
    }
  }
  return true;
}
