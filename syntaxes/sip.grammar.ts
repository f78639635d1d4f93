/**
 * Source of the TextMate grammar `source.sip` (compiled to sip.tmLanguage.json by
 * scripts/build-grammar.ts; `npm run build:grammar`).
 *
 * Written with real RegExp literals (Angular's approach) so no pattern is double-escaped. The
 * literals are only containers for Oniguruma patterns: they are never run by JavaScript, we take
 * their `.source`. Every pattern is written to stay linear on long lines (a trace line can be
 * kilobytes): no nested unbounded quantifiers over the same characters, alternatives that cannot
 * both match the same text, lazy runs only where a single anchored start bounds them.
 *
 * Scopes pair one standard scope that Dark+ and Light+ colour (entity.name.function, string,
 * constant.numeric, keyword, variable, support.type, markup.*, invalid, comment ...) with a
 * `.sip` domain suffix. The table of choices is SCOPES below.
 */
/* eslint-disable no-useless-escape -- these literals hold Oniguruma patterns, where `\G` is an anchor and
   escaped `-` and `/` keep the character classes readable; JavaScript never runs them. */
import { COMPACT_FORMS } from '../src/core/knowledge/headerNames';

/** One TextMate rule, as VS Code's grammar JSON spells it. */
export interface GrammarRule {
  name?: string;
  contentName?: string;
  match?: string;
  begin?: string;
  end?: string;
  captures?: Captures;
  beginCaptures?: Captures;
  endCaptures?: Captures;
  patterns?: GrammarRule[];
  include?: string;
  comment?: string;
}

export type Captures = Record<string, GrammarRule>;

export interface Grammar {
  $schema: string;
  name: string;
  scopeName: string;
  fileTypes: string[];
  comment: string;
  patterns: GrammarRule[];
  repository: Record<string, GrammarRule>;
}

/**
 * Every scope the grammar assigns. The first segment is the standard scope a theme colours; the
 * comment says its Dark+ / Light+ colour, chosen so neighbouring tokens differ in both themes.
 */
export const SCOPES = {
  // start lines
  method: 'entity.name.function.method.sip', // yellow / brown
  version: 'keyword.other.version.sip', // blue / blue
  reasonPhrase: 'entity.name.function.reason-phrase.sip', // yellow / brown
  status1xx: 'support.type.status-code.provisional.sip', // teal / teal
  status2xx: 'markup.inserted.status-code.success.sip', // pale green / green
  status3xx: 'variable.other.status-code.redirection.sip', // light blue / navy
  status4xx: 'markup.deleted.status-code.client-error.sip', // orange / dark red
  status5xx: 'invalid.illegal.status-code.server-error.sip', // red / red
  status6xx: 'keyword.control.status-code.global-failure.sip', // purple / purple
  statusOther: 'constant.numeric.status-code.unregistered.sip',
  // URIs
  scheme: 'support.type.scheme.sip', // teal
  user: 'variable.other.user.sip', // light blue / navy
  password: 'variable.parameter.password.sip',
  host: 'string.unquoted.host.sip', // orange / dark red
  ipv4: 'constant.numeric.ipv4.sip', // pale green / green
  ipv6: 'constant.numeric.ipv6.sip',
  port: 'constant.numeric.port.sip',
  paramName: 'entity.other.attribute-name.parameter.sip', // light blue / red
  paramValue: 'string.unquoted.parameter-value.sip', // orange / dark red
  tagValue: 'keyword.control.tag.sip', // purple
  branchValue: 'entity.name.function.branch.sip', // yellow / brown
  angleOpen: 'punctuation.definition.uri.begin.sip',
  angleClose: 'punctuation.definition.uri.end.sip',
  // headers
  headerKnown: 'keyword.other.header-name.sip', // blue / blue
  headerCompact: 'keyword.control.header-name.compact.sip', // purple
  headerExtension: 'entity.name.type.header-name.extension.sip', // teal
  colon: 'punctuation.separator.key-value.sip',
  displayName: 'string.quoted.double.display-name.sip',
  displayNameUnquoted: 'string.unquoted.display-name.sip',
  quoted: 'string.quoted.double.sip',
  quoteBegin: 'punctuation.definition.string.begin.sip',
  quoteEnd: 'punctuation.definition.string.end.sip',
  number: 'constant.numeric.integer.sip',
  transport: 'support.type.transport.sip', // teal
  comma: 'punctuation.separator.comma.sip',
  semicolon: 'punctuation.separator.parameter.sip',
  equals: 'keyword.operator.assignment.sip',
  // SDP
  sdpField: 'entity.name.tag.sdp-field.sip', // blue / maroon
  sdpAttribute: 'entity.other.attribute-name.sdp-attribute.sip',
  sdpMedia: 'support.type.media.sip',
  sdpProtocol: 'keyword.other.protocol.sip',
  sdpNetwork: 'keyword.other.network-type.sip',
  sdpPayload: 'constant.numeric.payload-type.sip',
  sdpCodec: 'entity.name.function.codec.sip',
  sdpDirection: 'keyword.control.direction.sdp.sip',
  // framing
  framing: (format: string): string => `comment.line.framing.${format}.sip`, // green, dimmed
  rule: 'comment.line.rule.sip',
  logLine: 'comment.line.log.sip',
  time: 'variable.other.timestamp.sip', // light blue / navy inside the green framing
  arrow: 'keyword.operator.arrow.sip',
  byteCount: 'constant.numeric.byte-count.sip',
  directionIn: 'keyword.control.direction.in.sip',
  directionOut: 'keyword.control.direction.out.sip',
  frameKey: 'entity.other.attribute-name.framing-key.sip',
  crMarker: 'comment.other.cr-marker.ngrep.sip',
  garbage: 'comment.other.binary-prefix.sip',
  sdpBody: 'meta.body.sdp.sip',
  message: 'meta.message.sip',
  longLine: 'meta.long-line.sip', // no colour: the rest of a line past LONG_LINE_THRESHOLD
} as const;

// ---------------------------------------------------------------------------------------------
// Building blocks (RegExp sources)

const src = (r: RegExp): string => r.source;
/** Case-insensitive group; Oniguruma accepts `(?i:...)`, JavaScript literals do not, hence a string. */
const ci = (alternatives: readonly string[]): string => `(?i:${alternatives.join('|')})`;

/** Header names this grammar knows by their full spelling (RFC 3261 and the extension RFCs). */
const KNOWN_HEADERS: readonly string[] = [
  'Accept-Contact', 'Accept-Encoding', 'Accept-Language', 'Accept-Resource-Priority', 'Accept',
  'Alert-Info', 'Allow-Events', 'Allow', 'Answer-Mode', 'Authentication-Info', 'Authorization',
  'Call-ID', 'Call-Info', 'Contact', 'Content-Disposition', 'Content-Encoding', 'Content-ID',
  'Content-Language', 'Content-Length', 'Content-Type', 'CSeq', 'Date', 'Diversion', 'Error-Info',
  'Event', 'Expires', 'Flow-Timer', 'From', 'Geolocation-Error', 'Geolocation-Routing', 'Geolocation',
  'History-Info', 'Identity-Info', 'Identity', 'In-Reply-To', 'Join', 'Max-Breadth', 'Max-Forwards',
  'MIME-Version', 'Min-Expires', 'Min-SE', 'Organization', 'P-Access-Network-Info',
  'P-Asserted-Identity', 'P-Associated-URI', 'P-Called-Party-ID', 'P-Charging-Function-Addresses',
  'P-Charging-Vector', 'P-Early-Media', 'P-Preferred-Identity', 'P-Visited-Network-ID', 'Path',
  'Priority', 'Privacy', 'Proxy-Authenticate', 'Proxy-Authorization', 'Proxy-Require', 'RAck',
  'Reason', 'Record-Route', 'Recv-Info', 'Refer-Sub', 'Refer-To', 'Referred-By', 'Reject-Contact',
  'Remote-Party-ID', 'Replaces', 'Reply-To', 'Request-Disposition', 'Require', 'Resource-Priority',
  'Retry-After', 'Route', 'RSeq', 'Security-Client', 'Security-Server', 'Security-Verify', 'Server',
  'Service-Route', 'Session-Expires', 'Session-ID', 'SIP-ETag', 'SIP-If-Match', 'Subject',
  'Subscription-State', 'Supported', 'Target-Dialog', 'Timestamp', 'To', 'Unsupported',
  'User-Agent', 'User-to-User', 'Via', 'Warning', 'WWW-Authenticate',
].map((n) => n.replace(/-/g, '\\-'));

/** Methods coloured as methods inside header values (CSeq, Allow, RAck...). */
const METHODS = [
  'INVITE', 'ACK', 'BYE', 'CANCEL', 'REGISTER', 'OPTIONS', 'PRACK', 'SUBSCRIBE', 'NOTIFY',
  'PUBLISH', 'INFO', 'REFER', 'MESSAGE', 'UPDATE',
];

/** Compact header letters (v, f, t, i, m, l ...), from the core's table. */
const COMPACT_LETTERS = Object.keys(COMPACT_FORMS).sort().join('');

/** A token as RFC 3261 §25.1 defines it (header names, methods, parameter names). */
const TOKEN_CHAR = String.raw`[A-Za-z0-9!%*_+\x60'~.\-]`;

/** A date and/or time as trace tools print them. */
const TIME = src(
  /(?:\d{4}[-\/]\d\d[-\/]\d\d(?:[ T]\d\d:\d\d:\d\d(?:[.,:]\d+)?(?:Z|[+-]\d\d:?\d\d)?)?|\d\d:\d\d:\d\d(?:[.,]\d+)?|\d{9,}\.\d+)/,
);

/** An address as framing lines print it: `ip:port`, `[v6]:port`, `host:port`, `transport:ip:port`. */
const ENDPOINT = src(/(?:\[[0-9A-Fa-f:.]+\](?::\d+)?|[\w.\-]+(?::\d+)?(?![\w:])|[0-9A-Fa-f:.]+)/);

/** Any line that starts another framed message: a message, header block or body ends before it. */
const FRAMING_STARTS: readonly string[] = [
  src(/[UTI] (?:\d{4}\/|\+\d|\d{1,3}\.|\[)/), // ngrep
  src(/#+\s*$/), // ngrep separator
  src(/\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d/), // sngrep
  src(/\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d/), // log lines (FreeSWITCH, sofia, Asterisk 13+)
  src(/\d\d:\d\d:\d\d\.\d+ +IP6? /), // tcpdump
  src(/(?:\d\d:\d\d:\d\d\.\d+ +)?(?:[\w.]+ +)?\.*[TR]X \d+ bytes /), // pjsip
  src(/\s*--end msg--/), // pjsip
  src(/(?:\[[^\]]{1,40}\] *)?(?:\w+\[\d+\](?:\[[^\]]{1,40}\])? +[\w.]+: +)?<-{3}/), // Asterisk
  src(/<-{5,}>/), // chan_sip
  src(/-{3} \(\d+ headers/), // chan_sip
  src(/(?:Reliably )?(?:Re)?[Tt]ransmitting\b/), // chan_sip
  src(/(?:recv|send) \d+ bytes /), // FreeSWITCH / sofia-sip
  src(/\s*-{20,}\s*$/), // FreeSWITCH rule
  src(/={4,}\s*$/), // Kamailio sipdump
  src(/~{4,}\s*$/),
  src(/\|{4,}\s*$/),
  src(/-{5,} +\d/), // SIPp
  src(/(?:UDP|TCP|TLS|SCTP|WSS?) message (?:sent|received)/), // SIPp
  src(/proto:\w+ /), // Homer
  src(/Session Initiation Protocol\b/), // Wireshark text
  src(/Frame \d+:/),
];

/** The start of a request or status line (used only in look-aheads). */
const START_LINE_AHEAD = src(/\s*(?:[A-Za-z][A-Za-z0-9!%*_+\x60'~.\-]* +\S+ +SIP\/\d|SIP\/\d+\.\d+ +\d)/);

/** Look-ahead for whatever ends a message: the next start line or framing line. */
// `^` outside the look-ahead: Oniguruma then tries line starts only, not every position of a long line.
const MESSAGE_END = `^(?=${START_LINE_AHEAD}|${FRAMING_STARTS.join('|')})`;

/**
 * Lines of at least this many characters are coloured coarsely: the header name (or SDP field, or
 * start-line parts) as usual, and the rest of the line as ONE plain token (SCOPES.longLine).
 *
 * Why: vscode-textmate's cost is per token (one scan of every pattern of the context per token),
 * so a 100 KB Via/Route list, an SDP line with thousands of payload types or a header with
 * thousands of `;param=value` took 90-300 ms to tokenize, and a 100 KB line of few tokens still
 * 10-50 ms (each pattern scans the rest of the line for its next match). Matching the whole line
 * at its first position makes it a handful of tokens. VS Code itself stops tokenizing lines longer
 * than 20,000 characters by default (editor.maxTokenizationLineLength). 8,000 keeps every ordinary
 * long header fully coloured (a 20-hop Via or Route set, a STIR/SHAKEN Identity, P-headers, SDP
 * with dozens of codecs are all well under 4 KB) while bounding the cost of the densest line below
 * the threshold to a few milliseconds (bench:grammar times one).
 */
export const LONG_LINE_THRESHOLD = 8000;

/**
 * Look-ahead true at a line start when the line has LONG_LINE_THRESHOLD characters. Linear: a
 * fixed count of `.` has no alternatives to backtrack into, and behind `^` it is tried at the line
 * start only, so a short line costs its own length once.
 */
const LONG_LINE_AHEAD = `(?=.{${LONG_LINE_THRESHOLD}})`;

// ---------------------------------------------------------------------------------------------
// Variant-free rules: URIs, addresses, parameters.

const n = (name: string): GrammarRule => ({ name });

const sharedRepository: Record<string, GrammarRule> = {
  'ipv4': {
    name: SCOPES.ipv4,
    match: src(/(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w\-]|\.\w)/),
  },
  'ipv6': {
    comment:
      'Bracketed references only (RFC 3261 URIs and Via need the brackets). Bare addresses are matched ' +
      'only where they occur (received=, SDP IP6): a free-standing bare-IPv6 pattern costs a scan per colon.',
    patterns: [
      {
        match: src(/(\[)((?:\d{1,3}\.){3}\d{1,3})(\])/),
        captures: { 1: n('punctuation.definition.address.begin.sip'), 2: n(SCOPES.ipv4), 3: n('punctuation.definition.address.end.sip') },
      },
      { name: SCOPES.ipv6, match: src(/\[[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*\]/) },
    ],
  },
  'uri': {
    comment: 'scheme:user:password@host:port (parameters are left to #parameter).',
    patterns: [
      {
        match: src(/\b(tel)(:)([+\d*#().\-A-Fa-f]+)/),
        captures: { 1: n(SCOPES.scheme), 2: n('punctuation.separator.scheme.sip'), 3: n(SCOPES.user) },
      },
      {
        match:
          src(/\b(sips?|urn|mailto|https?|im|pres|wss?)(:)(?:([^\s@<>;:"?,]+)(?::([^\s@<>;"?,]*))?(@))?/) +
          src(/(?:(\[[0-9A-Fa-f:.]+\])|((?:\d{1,3}\.){3}\d{1,3})(?![\w\-]|\.\w)|([A-Za-z0-9_][A-Za-z0-9_\-]*(?:\.[A-Za-z0-9_\-]+)*))?/) +
          src(/(?:(:)(\d+))?/),
        captures: {
          1: n(SCOPES.scheme),
          2: n('punctuation.separator.scheme.sip'),
          3: n(SCOPES.user),
          4: n(SCOPES.password),
          5: n('punctuation.separator.user.sip'),
          6: n(SCOPES.ipv6),
          7: n(SCOPES.ipv4),
          8: n(SCOPES.host),
          9: n('punctuation.separator.port.sip'),
          10: n(SCOPES.port),
        },
      },
    ],
  },
  'parameter': {
    comment: 'A value never takes a final "." at the line end: in ngrep output that dot is the CR.',
    patterns: [
      {
        match: src(/(;)\s*(tag)\s*(=)\s*((?:[^\s;,>".]|\.(?!$))+)/),
        captures: { 1: n(SCOPES.semicolon), 2: n(SCOPES.paramName), 3: n(SCOPES.equals), 4: n(SCOPES.tagValue) },
      },
      {
        match: src(/(;)\s*(branch)\s*(=)\s*((?:[^\s;,>".]|\.(?!$))+)/),
        captures: { 1: n(SCOPES.semicolon), 2: n(SCOPES.paramName), 3: n(SCOPES.equals), 4: n(SCOPES.branchValue) },
      },
      {
        match: new RegExp(
          String.raw`(;)\s*(${TOKEN_CHAR}+?)(?:\s*(=)\s*(?:(\[[0-9A-Fa-f:.]+\]|[0-9A-Fa-f]{0,4}:[0-9A-Fa-f:.]*:[0-9A-Fa-f.]*(?=[\s;,>?&]|\.?$))|((?:\d{1,3}\.){3}\d{1,3})(?![\w\-]|\.\w)|("(?:[^"\\]|\\.)*")|(\d+(?:\.\d+)?(?=[\s;,>?&]|\.?$))|((?:[^\s;,>"?&.]|\.(?!$))+)))?(?=[\s;,>?&]|\.?$)`,
        ).source,
        captures: {
          1: n(SCOPES.semicolon),
          2: n(SCOPES.paramName),
          3: n(SCOPES.equals),
          4: n(SCOPES.ipv6),
          5: n(SCOPES.ipv4),
          6: n(SCOPES.quoted),
          7: n(SCOPES.number),
          8: n(SCOPES.paramValue),
        },
      },
      {
        comment: 'URI headers: ?name=value&name=value',
        match: src(/([?&])([\w.\-]+)(=)((?:[^\s;,>"&.]|\.(?!$))*)/),
        captures: { 1: n(SCOPES.semicolon), 2: n(SCOPES.paramName), 3: n(SCOPES.equals), 4: n(SCOPES.paramValue) },
      },
    ],
  },
  'quoted-string': {
    name: SCOPES.quoted,
    match: src(/(")(?:[^"\\]|\\.)*(")/),
    captures: { 1: n(SCOPES.quoteBegin), 2: n(SCOPES.quoteEnd) },
  },
  'name-addr': {
    comment: 'A display name (quoted or not) before <uri>, and the <uri> itself.',
    patterns: [
      {
        match: src(/(")((?:[^"\\]|\\.)*)(")(?=\s*<)/),
        captures: { 0: n(SCOPES.displayName), 1: n(SCOPES.quoteBegin), 3: n(SCOPES.quoteEnd) },
      },
      {
        comment: 'Unquoted display name: only at the start of the value or after a comma, so the scan stays linear.',
        match: src(/(?:\G|(?<=,))\s*([A-Za-z0-9!%*_+\x60'~.\-](?:[A-Za-z0-9!%*_+\x60'~.\- ]*[A-Za-z0-9!%*_+\x60'~.\-])?)(?=\s*<)/),
        captures: { 1: n(SCOPES.displayNameUnquoted) },
      },
      {
        comment:
          'Begin/end rather than one match whose capture has patterns: vscode-textmate tokenizes a ' +
          "capture's patterns on a copy of the line up to that capture, so a Route or Contact list of " +
          'thousands of <uri> cost time quadratic in the line length. The look-ahead keeps the old ' +
          'meaning (a ">" before any "<" on this line); the end also stops at the line end, so a quoted ' +
          'parameter running over the ">" cannot carry the context into the next line.',
        begin: src(/(<)(?=[^<>\n]*>)/),
        beginCaptures: { 1: n(SCOPES.angleOpen) },
        end: src(/(>)|$/),
        endCaptures: { 1: n(SCOPES.angleClose) },
        patterns: [{ include: '#uri' }, { include: '#parameter' }],
      },
    ],
  },
  'sent-protocol': {
    comment: 'Via: SIP/2.0/UDP sent-by (host and port)',
    match: new RegExp(
      String.raw`\b(SIP\/\d+\.\d+)(\/)([A-Za-z\-]+)\b(?:[ \t]+` +
        String.raw`(?:(\[[0-9A-Fa-f:.]+\])|((?:\d{1,3}\.){3}\d{1,3})(?![\w\-]|\.\w)|([A-Za-z0-9_][A-Za-z0-9_\-]*(?:\.[A-Za-z0-9_\-]+)*))` +
        String.raw`(?:(:)(\d+))?)?`,
    ).source,
    captures: {
      1: n(SCOPES.version),
      2: n('punctuation.separator.protocol.sip'),
      3: n(SCOPES.transport),
      4: n(SCOPES.ipv6),
      5: n(SCOPES.ipv4),
      6: n(SCOPES.host),
      7: n('punctuation.separator.port.sip'),
      8: n(SCOPES.port),
    },
  },
  'method-name': {
    name: SCOPES.method,
    match: `\\b(?:${METHODS.join('|')})\\b`,
  },
  'attribute-pair': {
    comment: 'name=value lists without ";" (Digest challenges and credentials).',
    match: src(/(?<=^|[\s,])([A-Za-z][\w\-]*)(=)(?:(?=")|((?:[\w\-:\/+]|\.(?!$))+))/),
    captures: { 1: n(SCOPES.paramName), 2: n(SCOPES.equals), 3: n(SCOPES.paramValue) },
  },
  'number': {
    name: SCOPES.number,
    match: src(/(?<![\w.\-])\d+(?:\.\d+)?(?![\w\-]|\.\d)/),
  },
  'comma': { name: SCOPES.comma, match: ',' },
  'cr-marker': {
    comment: 'ngrep prints each CR as "." at the line end: dim it, it is not part of the value.',
    name: SCOPES.crMarker,
    match: src(/\.$/),
  },
  'endpoint': {
    comment: 'An address inside a framing line.',
    patterns: [
      {
        comment: 'tcpdump prints the port after a dot: 10.0.0.1.5060',
        match: src(/((?:\d{1,3}\.){3}\d{1,3})(\.)(\d+)(?![\w.])/),
        captures: { 1: n(SCOPES.ipv4), 2: n('punctuation.separator.port.sip'), 3: n(SCOPES.port) },
      },
      { include: '#ipv6' },
      { include: '#ipv4' },
      { match: src(/\b(?:UDP|TCP|TLS|SCTP|WSS?|udp|tcp|tls|sctp|wss?)\b/), name: SCOPES.transport },
      { match: src(/(?<=\d|\])(:)(\d+)\b/), captures: { 1: n('punctuation.separator.port.sip'), 2: n(SCOPES.port) } },
      { match: src(/(?<=[A-Za-z0-9])(\.)(\d+)(?![\w.])/), captures: { 1: n('punctuation.separator.port.sip'), 2: n(SCOPES.port) } },
      { match: src(/[A-Za-z][\w\-]*(?:\.[A-Za-z][\w\-]*)+/), name: SCOPES.host },
    ],
  },
};

// ---------------------------------------------------------------------------------------------
// Message rules, built twice: plain, and for ngrep blocks (where a final "." is the CR marker).

interface Variant {
  /** Suffix of the repository keys of this variant. */
  readonly suffix: string;
  /** Whether a final "." is ngrep's CR marker. */
  readonly cr: boolean;
}

const PLAIN: Variant = { suffix: '', cr: false };
const NGREP: Variant = { suffix: '-ngrep', cr: true };

function messageRepository(v: Variant): Record<string, GrammarRule> {
  const ref = (key: string): GrammarRule => ({ include: `#${key}${v.suffix}` });
  const cr: GrammarRule[] = v.cr ? [{ include: '#cr-marker' }] : [];
  const tail = v.cr ? String.raw`(\.)?[ \t]*$` : String.raw`[ \t]*$`;
  const crCapture = (i: number): Captures => (v.cr ? { [i]: n(SCOPES.crMarker) } : {});

  const requestLine = new RegExp(
    String.raw`^(?:(\s*)(?:(Request-Line)(:)\s+)?|(\S*?\.\.)(?=[A-Z]{2,12} ))` +
      String.raw`([A-Za-z!%*_+\x60'~\-][A-Za-z0-9!%*_+\x60'~.\-]*)( +)(\S+)( +)(SIP\/\d+\.\d+)` +
      tail,
  ).source;
  const statusLine = new RegExp(
    String.raw`^(?:(\s*)(?:(Status-Line)(:)\s+)?|(\S*?\.\.)(?=SIP\/2\.0 ))(SIP\/\d+\.\d+)( +)` +
      String.raw`(?:(1\d\d)|(2\d\d)|(3\d\d)|(4\d\d)|(5\d\d)|(6\d\d)|(\d+))(?!\d)` +
      (v.cr ? String.raw`(?:( +)(.*?))?(\.)?$` : String.raw`(?:( +)(.*))?$`),
  ).source;

  const headerValue: GrammarRule[] = [
    ...cr,
    { include: '#name-addr' },
    { include: '#quoted-string' },
    { include: '#sent-protocol' },
    { include: '#uri' },
    { include: '#parameter' },
    { include: '#attribute-pair' },
    { include: '#ipv6' },
    { include: '#ipv4' },
    { include: '#method-name' },
    { include: '#number' },
    { include: '#comma' },
  ];

  const headerSectionEnd = `^[ \\t]*(\\.)?[ \\t]*$|${MESSAGE_END}`;
  const headerName =
    String.raw`([ \t]*)(?:(${ci(KNOWN_HEADERS)})(?=[ \t]*:)|([${COMPACT_LETTERS}${COMPACT_LETTERS.toUpperCase()}])(?=[ \t]*:)|` +
    String.raw`(?!(?:sips?|tel|urn|https?|mailto)[ \t]*:)(${TOKEN_CHAR}+))([ \t]*)(:)`;
  const headerNameCaptures: Captures = {
    2: n(SCOPES.headerKnown),
    3: n(SCOPES.headerCompact),
    4: n(SCOPES.headerExtension),
    6: n(SCOPES.colon),
  };
  // The rest of a long line, one token; in ngrep output its final "." is still the CR marker.
  // The lazy run is linear: at each character it only tests `\.?$`.
  const longRest = v.cr ? String.raw`(.*?)(\.)?$` : String.raw`(.*)$`;
  const longRestCaptures = (i: number): Captures => (v.cr ? { [i + 1]: n(SCOPES.crMarker) } : {});
  const longLineInMessage: GrammarRule[] = [
    {
      comment: 'A header line of LONG_LINE_THRESHOLD or more characters: its name as usual, its value one token.',
      name: SCOPES.longLine,
      match: `^${LONG_LINE_AHEAD}${headerName}${longRest}`,
      captures: { ...headerNameCaptures, ...longRestCaptures(7) },
    },
    {
      comment: 'Any other long line of a header section (a folded continuation, junk): one token.',
      name: SCOPES.longLine,
      match: `^${LONG_LINE_AHEAD}${longRest}`,
      captures: longRestCaptures(1),
    },
  ];
  const messagePatterns = [...longLineInMessage, ref('header'), ...headerValue];
  const longRequestLine = `^${LONG_LINE_AHEAD}${requestLine.slice(1)}`;

  return {
    [`message${v.suffix}`]: {
      comment:
        'A request or a response up to the blank line that ends its headers. The body is left to the ' +
        'top level (an SDP body is recognised there by its v= line; any other body stays plain).',
      patterns: [
        {
          comment:
            'A request line of LONG_LINE_THRESHOLD or more characters: its Request-URI one token (a URI ' +
            'with thousands of parameters would otherwise be thousands of tokens).',
          name: SCOPES.message,
          begin: longRequestLine,
          beginCaptures: {
            2: n(SCOPES.frameKey),
            3: n(SCOPES.colon),
            4: n(SCOPES.garbage),
            5: n(SCOPES.method),
            7: n(SCOPES.longLine),
            9: n(SCOPES.version),
            ...crCapture(10),
          },
          end: headerSectionEnd,
          endCaptures: { 1: n(SCOPES.crMarker) },
          patterns: messagePatterns,
        },
        {
          name: SCOPES.message,
          begin: requestLine,
          beginCaptures: {
            2: n(SCOPES.frameKey),
            3: n(SCOPES.colon),
            4: n(SCOPES.garbage),
            5: n(SCOPES.method),
            7: { patterns: [{ include: '#uri' }, { include: '#parameter' }] },
            9: n(SCOPES.version),
            ...crCapture(10),
          },
          end: headerSectionEnd,
          endCaptures: { 1: n(SCOPES.crMarker) },
          patterns: messagePatterns,
        },
        {
          name: SCOPES.message,
          begin: statusLine,
          beginCaptures: {
            2: n(SCOPES.frameKey),
            3: n(SCOPES.colon),
            4: n(SCOPES.garbage),
            5: n(SCOPES.version),
            7: n(SCOPES.status1xx),
            8: n(SCOPES.status2xx),
            9: n(SCOPES.status3xx),
            10: n(SCOPES.status4xx),
            11: n(SCOPES.status5xx),
            12: n(SCOPES.status6xx),
            13: n(SCOPES.statusOther),
            15: n(SCOPES.reasonPhrase),
            ...crCapture(16),
          },
          end: headerSectionEnd,
          endCaptures: { 1: n(SCOPES.crMarker) },
          patterns: messagePatterns,
        },
      ],
    },
    [`header${v.suffix}`]: {
      begin: `^${headerName}`,
      beginCaptures: headerNameCaptures,
      end: '$',
      patterns: headerValue,
    },
    [`long-line${v.suffix}`]: {
      comment:
        'A line of LONG_LINE_THRESHOLD or more characters outside a message (a body, a framing or log ' +
        'line, binary junk): one token. Not a line that opens a message, an SDP body or an ngrep block: ' +
        'those rules handle their own long lines, and the lines after them need the context they open.',
      name: SCOPES.longLine,
      match:
        `^${LONG_LINE_AHEAD}(?!${requestLine}|${statusLine}|[ \\t]*v=\\d` +
        (v.cr ? '' : `|${NGREP_BLOCK_BEGIN}`) +
        `)${longRest}`,
      captures: longRestCaptures(1),
    },
    [`sdp-body${v.suffix}`]: {
      comment: 'An SDP body starts with v= and runs to the next start line or framing line.',
      name: SCOPES.sdpBody,
      begin: src(/^(?=[ \t]*v=\d)/),
      end: MESSAGE_END,
      patterns: [
        {
          comment: 'An SDP line of LONG_LINE_THRESHOLD or more characters: field and attribute name as usual, the rest one token.',
          name: SCOPES.longLine,
          match: String.raw`^${LONG_LINE_AHEAD}(\s*)([a-z])(=)(?:(?<=a=)([\w.\-]+)(:))?` + longRest,
          captures: {
            2: n(SCOPES.sdpField),
            3: n(SCOPES.equals),
            4: n(SCOPES.sdpAttribute),
            5: n(SCOPES.colon),
            ...longRestCaptures(6),
          },
        },
        ref('sdp-line'),
      ],
    },
    [`sdp-line${v.suffix}`]: {
      patterns: [
        {
          match: src(/^(\s*)(m)(=)(\w+)( +)(\d+)(?:(\/)(\d+))?( +)([\w\/.]+)(.*)$/),
          captures: {
            2: n(SCOPES.sdpField),
            3: n(SCOPES.equals),
            4: n(SCOPES.sdpMedia),
            6: n(SCOPES.port),
            8: n(SCOPES.number),
            10: n(SCOPES.sdpProtocol),
            11: { patterns: [...cr, { name: SCOPES.sdpPayload, match: src(/\b\d+\b/) }] },
          },
        },
        {
          match: src(/^(\s*)(a)(=)(rtpmap)(:)(\d+)( +)([\w.\-]+)(?:(\/)(\d+))?(?:(\/)(\d+))?(.*)$/),
          captures: {
            2: n(SCOPES.sdpField),
            3: n(SCOPES.equals),
            4: n(SCOPES.sdpAttribute),
            5: n(SCOPES.colon),
            6: n(SCOPES.sdpPayload),
            8: n(SCOPES.sdpCodec),
            10: n(SCOPES.number),
            12: n(SCOPES.number),
            13: { patterns: cr },
          },
        },
        {
          match: src(/^(\s*)(a)(=)(fmtp|rtcp-fb)(:)(\d+|\*)(.*)$/),
          captures: {
            2: n(SCOPES.sdpField),
            3: n(SCOPES.equals),
            4: n(SCOPES.sdpAttribute),
            5: n(SCOPES.colon),
            6: n(SCOPES.sdpPayload),
            7: { patterns: [...cr, { include: '#sdp-value' }] },
          },
        },
        {
          match: src(/^(\s*)(a)(=)(sendrecv|sendonly|recvonly|inactive)\b(.*)$/),
          captures: { 2: n(SCOPES.sdpField), 3: n(SCOPES.equals), 4: n(SCOPES.sdpDirection), 5: { patterns: cr } },
        },
        {
          match: src(/^(\s*)(a)(=)([\w.\-]+)(?:(:)(.*))?$/),
          captures: {
            2: n(SCOPES.sdpField),
            3: n(SCOPES.equals),
            4: n(SCOPES.sdpAttribute),
            5: n(SCOPES.colon),
            6: { patterns: [...cr, { include: '#sdp-value' }] },
          },
        },
        {
          match: src(/^(\s*)([a-z])(=)(.*)$/),
          captures: {
            2: n(SCOPES.sdpField),
            3: n(SCOPES.equals),
            4: { patterns: [...cr, { include: '#sdp-value' }] },
          },
        },
        ...cr,
      ],
    },
  };
}

const sdpValue: GrammarRule = {
  patterns: [
    { name: SCOPES.sdpNetwork, match: src(/\b(?:IN|IP4|IP6)\b/) },
    { name: SCOPES.ipv6, match: src(/(?<=IP6 )[0-9A-Fa-f:.]+/) },
    { include: '#ipv6' },
    { include: '#ipv4' },
    { include: '#uri' },
    {
      comment: 'fmtp-style name=value',
      match: src(/([A-Za-z][\w\-]*)(=)/),
      captures: { 1: n(SCOPES.paramName), 2: n(SCOPES.equals) },
    },
    { include: '#number' },
  ],
};

// ---------------------------------------------------------------------------------------------
// Framing lines of every format the trace reader supports.

const f = SCOPES.framing;

/** The ngrep packet line that opens an ngrep block ("U 2024/01/02 10:11:12.1 a:5060 -> b:5060"). */
const NGREP_BLOCK_BEGIN = new RegExp(
  String.raw`^([UTI])(?: +(?:(${TIME}) +)?(?:(${TIME}) +)?|( +\+\d+(?:\.\d+)? +))(${ENDPOINT}) +(->) +(${ENDPOINT})(.*)$`,
).source;
const ep = (): GrammarRule => ({ patterns: [{ include: '#endpoint' }] });
const dir = (scope: string): GrammarRule => n(scope);

const framingRepository: Record<string, GrammarRule> = {
  'framing': {
    patterns: [
      { include: '#framing-ngrep' },
      { include: '#framing-sngrep' },
      { include: '#framing-asterisk' },
      { include: '#framing-freeswitch' },
      { include: '#framing-homer' },
      { include: '#framing-kamailio' },
      { include: '#framing-sipp' },
      { include: '#framing-pjsip' },
      { include: '#framing-tcpdump' },
      { include: '#framing-wireshark' },
      { include: '#rule-line' },
    ],
  },
  'ngrep-block': {
    comment: 'ngrep: "U 2024/01/02 10:11:12.123456 10.0.0.1:5060 -> 10.0.0.2:5060" then the message, every line ending in "." for its CR.',
    begin: NGREP_BLOCK_BEGIN,
    beginCaptures: {
      0: n(f('ngrep')),
      1: n(SCOPES.transport),
      2: n(SCOPES.time),
      3: n(SCOPES.time),
      4: n(SCOPES.time),
      5: ep(),
      6: n(SCOPES.arrow),
      7: ep(),
    },
    end: src(/^(?=#+\s*$|[UTI] (?:\d{4}\/|\+\d|\d{1,3}\.|\[))/),
    patterns: [{ include: '#long-line-ngrep' }, { include: '#message-ngrep' }, { include: '#sdp-body-ngrep' }, { include: '#cr-marker' }],
  },
  'framing-ngrep': {
    patterns: [
      { name: f('ngrep'), match: src(/^#+\s*$/) },
      // One literal-led pattern per banner key: a 5-way alternation after ^ makes Oniguruma try
      // every position of a long line that starts with one of the first letters.
      ...['interface', 'filter', 'match', 'input', 'output'].map((key) => ({
        name: f('ngrep'),
        match: `^(${key})(:)\\s.*$`,
        captures: { 1: n(SCOPES.frameKey), 2: n(SCOPES.colon) },
      })),
    ],
  },
  'framing-sngrep': {
    comment: 'sngrep text export: "2024/01/02 10:11:12.123456 10.0.0.1:5060 -> 10.0.0.2:5060"',
    name: f('sngrep'),
    match: new RegExp(String.raw`^(\d{4}\/\d\d\/\d\d +\d\d:\d\d:\d\d(?:\.\d+)?) +(${ENDPOINT}) +(->) +(${ENDPOINT})(.*)$`).source,
    captures: { 1: n(SCOPES.time), 2: ep(), 3: n(SCOPES.arrow), 4: ep() },
  },
  'framing-asterisk': {
    patterns: [
      {
        comment: 'res_pjsip_logger: "<--- Received SIP request (1432 bytes) from UDP:10.0.0.1:5060 --->"; chan_sip: "<--- SIP read from UDP:10.0.0.1:5060 --->"',
        name: f('asterisk'),
        match: new RegExp(
          String.raw`^(\[[^\]]{1,40}\] *)?(?:\w+\[\d+\](?:\[[^\]]{1,40}\])? +[\w.]+: +)?(<-{3}) +(?:(Received)|(Transmitting)|(SIP read))(?: +SIP +(?:request|response))?(?: +\((\d+) +bytes\))? +(?:from|to) +(\S+?) +(-{3}>)\s*$`,
        ).source,
        captures: {
          1: n(SCOPES.time),
          2: n(SCOPES.arrow),
          3: dir(SCOPES.directionIn),
          4: dir(SCOPES.directionOut),
          5: dir(SCOPES.directionIn),
          6: n(SCOPES.byteCount),
          7: ep(),
          8: n(SCOPES.arrow),
        },
      },
      {
        comment: 'chan_sip: "Reliably Transmitting (NAT) to 10.0.0.1:5060:" / "Retransmitting #2 (no NAT) to ...:"',
        name: f('asterisk'),
        match: new RegExp(
          String.raw`^((?:Reliably +)?(?:Re)?[Tt]ransmitting)(?: +#(\d+))?(?: +\([^)]{0,20}\))? +to +(${ENDPOINT})(:?)\s*$`,
        ).source,
        captures: { 1: dir(SCOPES.directionOut), 2: n(SCOPES.number), 3: ep() },
      },
      { name: f('asterisk'), match: src(/^(?:<-{5,}>|-{3})\s*$/) },
      {
        name: f('asterisk'),
        match: src(/^-{3} +\((\d+) +headers +(\d+) +lines\)(?: +-{3})?.*$/),
        captures: { 1: n(SCOPES.number), 2: n(SCOPES.number) },
      },
    ],
  },
  'framing-freeswitch': {
    comment: 'FreeSWITCH / sofia-sip: "recv 494 bytes from udp/[192.168.1.1]:5060 at 11:46:10.771343:"',
    name: f('freeswitch'),
    match: new RegExp(
      String.raw`^(?:(${TIME}) +)?(?:(recv)|(send)) +(\d+) +bytes +(?:from|to) +(\w+)(\/)(${ENDPOINT})(?: +at +(${TIME}))?(:)?\s*$`,
    ).source,
    captures: {
      1: n(SCOPES.time),
      2: dir(SCOPES.directionIn),
      3: dir(SCOPES.directionOut),
      4: n(SCOPES.byteCount),
      5: n(SCOPES.transport),
      7: ep(),
      8: n(SCOPES.time),
    },
  },
  'framing-kamailio': {
    patterns: [
      { comment: 'sipdump: ==== opens a record, ~~~~ precedes the message, |||| closes it.', name: f('kamailio'), match: src(/^(?:={4,}|~{4,}|\|{4,})\s*$/) },
      {
        name: f('kamailio'),
        match: src(/^(tag|pid|process|time|date|proto|af|srcip|srcport|dstip|dstport|socket)(:)[ \t]+(.*)$/),
        captures: {
          1: n(SCOPES.frameKey),
          2: n(SCOPES.colon),
          3: {
            patterns: [
              { match: src(/\b(?:rcv|snd|in|out)\b/), name: SCOPES.directionIn },
              { match: new RegExp(String.raw`(?<![\w.:])(?:${TIME}|\w{3} \w{3} +\d+ \d\d:\d\d:\d\d \d{4})(?![\w.:])`).source, name: SCOPES.time },
              { include: '#endpoint' },
              { include: '#number' },
            ],
          },
        },
      },
    ],
  },
  'framing-sipp': {
    patterns: [
      {
        comment: 'SIPp -trace_msg: "----------------------------------------------- 2024-01-02 10:11:12.123456"',
        name: f('sipp'),
        match: new RegExp(String.raw`^-{5,} +(${TIME})(.*)$`).source,
        captures: { 1: n(SCOPES.time) },
      },
      {
        comment: 'SIPp: "UDP message sent (543 bytes):" / "UDP message received [300] bytes :"',
        name: f('sipp'),
        match: src(/^(UDP|TCP|TLS|SCTP|WSS?) +message +(?:(received)|(sent)) +(?:\((\d+) +bytes\)|\[(\d+)\] +bytes) *:\s*$/),
        captures: { 1: n(SCOPES.transport), 2: dir(SCOPES.directionIn), 3: dir(SCOPES.directionOut), 4: n(SCOPES.byteCount), 5: n(SCOPES.byteCount) },
      },
    ],
  },
  'framing-pjsip': {
    patterns: [
      {
        comment: 'pjsip: "18:14:38.687  pjsua_core.c  .TX 523 bytes Request msg REGISTER/cseq=55470 (tdta0x7f83) to UDP 91.121.209.194:5060:"',
        name: f('pjsip'),
        match: new RegExp(
          String.raw`^(?:(\d\d:\d\d:\d\d\.\d+) +)?(?:([\w.]+) +)?\.*(?:(RX)|(TX)) +(\d+) +bytes +(?:Request|Response) +msg +(?:(\d{3})(\/))?([A-Za-z]+)(?:(\/cseq=)(\d+))?(?: +\([^)]{0,80}\))? +(?:from|to) +(\w+) +(${ENDPOINT})(:?)\s*$`,
        ).source,
        captures: {
          1: n(SCOPES.time),
          3: dir(SCOPES.directionIn),
          4: dir(SCOPES.directionOut),
          5: n(SCOPES.byteCount),
          6: n(SCOPES.number),
          8: n(SCOPES.method),
          10: n(SCOPES.number),
          11: n(SCOPES.transport),
          12: ep(),
        },
      },
      { name: f('pjsip'), match: src(/^\s*--end msg--\s*$/) },
    ],
  },
  'framing-homer': {
    comment: 'Homer export: "proto:UDP 2024-01-02T10:11:12.123456Z 10.0.0.1:5060 ---> 10.0.0.2:5060"',
    name: f('homer'),
    match: new RegExp(
      String.raw`^(proto)(:)(\w+)(?: +(${TIME}))?(?: +(${TIME}))? +(${ENDPOINT}) +(-{1,3}>) +(${ENDPOINT})(.*)$`,
    ).source,
    captures: {
      1: n(SCOPES.frameKey),
      2: n(SCOPES.colon),
      3: n(SCOPES.transport),
      4: n(SCOPES.time),
      5: n(SCOPES.time),
      6: ep(),
      7: n(SCOPES.arrow),
      8: ep(),
    },
  },
  'framing-tcpdump': {
    comment: 'tcpdump: "12:13:58.723867 IP 10.5.3.27.5060 > 10.5.3.236.39184: SIP, length: 527"',
    name: f('tcpdump'),
    match: src(
      /^(\d\d:\d\d:\d\d\.\d+) +(IP6?) +([\w.:\-]+) +(>) +([\w.:\-]+?)(:) +(?:(UDP|TCP|SIP|Flags)\b(?:[^\n]*?length:? +(\d+))?[^\n]*)?$/,
    ),
    captures: {
      1: n(SCOPES.time),
      2: n(SCOPES.transport),
      3: ep(),
      4: n(SCOPES.arrow),
      5: ep(),
      7: n(SCOPES.transport),
      8: n(SCOPES.byteCount),
    },
  },
  'framing-wireshark': {
    patterns: [
      {
        name: f('wireshark'),
        match: src(/^\s*(Session Initiation Protocol)(?: +\(([A-Za-z0-9]+)\))?\s*$/),
        captures: { 2: n(SCOPES.method) },
      },
      {
        name: f('wireshark'),
        match: src(/^(Frame) +(\d+)(:)(.*)$/),
        captures: { 2: n(SCOPES.number), 4: { patterns: [{ include: '#number' }] } },
      },
      { name: f('wireshark'), match: src(/^\s*(?:Message Header|Message Body)\s*$/) },
    ],
  },
  'rule-line': {
    comment: 'Dashed rules around FreeSWITCH messages and similar separators.',
    name: SCOPES.rule,
    match: src(/^\s*-{20,}\s*$/),
  },
  'log-line': {
    comment: 'Any other timestamped log line between messages: dimmed, its time marked.',
    name: SCOPES.logLine,
    match: src(/^(\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(?:[.,]\d+)?)\b.*$/),
    captures: { 1: n(SCOPES.time) },
  },
};

/** Builds the whole grammar object (what sip.tmLanguage.json holds). */
export function buildGrammar(): Grammar {
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'SIP Trace',
    scopeName: 'source.sip',
    fileTypes: ['sip', 'siptrace', 'ngrep'],
    comment: 'GENERATED by scripts/build-grammar.ts from syntaxes/sip.grammar.ts: edit the source, then npm run build:grammar.',
    patterns: [
      { include: '#long-line' },
      { include: '#framing' },
      { include: '#ngrep-block' },
      { include: '#message' },
      { include: '#sdp-body' },
      { include: '#log-line' },
    ],
    repository: {
      ...framingRepository,
      ...messageRepository(PLAIN),
      ...messageRepository(NGREP),
      ...sharedRepository,
      'sdp-value': sdpValue,
    },
  };
}
