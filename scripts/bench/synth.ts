/**
 * Fallback trace builder for machines without SIPp/tshark/ngrep: writes large traces in the
 * ngrep, raw SIP and SIPp-log framings by repeating either real messages from a folder (one
 * message per file, e.g. ../shared/corpus/messages/from_pcap) or a built-in INVITE dialog.
 * The real-traffic path is scripts/gen-traces.sh; this only keeps the bench usable everywhere.
 */
import * as fs from 'fs';
import * as path from 'path';

/** Where the messages of a synthetic trace came from. */
export type SynthSource = { kind: 'corpus'; dir: string; files: number } | { kind: 'built-in-dialog' };

/** One message to write, with the endpoints the framings print. */
export interface WireMessage {
  readonly text: string;
  readonly src: string;
  readonly dst: string;
}

const CALLER = '10.20.30.40:5060';
const CALLEE = '10.20.30.50:5060';

/** The body an offer/answer carries; ends with CRLF as SDP on the wire does. */
export function sdp(host: string, port: number, session: number): string {
  return [
    'v=0',
    `o=- ${session} ${session} IN IP4 ${host}`,
    's=-',
    `c=IN IP4 ${host}`,
    't=0 0',
    `m=audio ${port} RTP/AVP 0 8 101`,
    'a=rtpmap:0 PCMU/8000',
    'a=rtpmap:8 PCMA/8000',
    'a=rtpmap:101 telephone-event/8000',
    'a=fmtp:101 0-16',
    'a=ptime:20',
    'a=sendrecv',
    '',
  ].join('\r\n');
}

function message(startLine: string, headers: string[], body = ''): string {
  const lines = [startLine, ...headers];
  if (body.length > 0) {
    lines.push('Content-Type: application/sdp');
  }
  lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
  return lines.join('\r\n') + '\r\n\r\n' + body;
}

/**
 * The seven messages of one basic call (INVITE/100/180/200/ACK/BYE/200), with per-call
 * Call-ID, tags and branches so consecutive calls differ as real ones do.
 */
export function builtInDialog(call: number): WireMessage[] {
  const callId = `${(call * 2654435761) >>> 0}-${call}@10.20.30.40`;
  const fromTag = `ft${call.toString(36)}a9`;
  const toTag = `tt${call.toString(36)}7c`;
  const inviteBranch = `z9hG4bK-${call}-1-0`;
  const byeBranch = `z9hG4bK-${call}-2-0`;
  const from = `From: "Alice" <sip:alice@example.com>;tag=${fromTag}`;
  const toNoTag = 'To: <sip:bob@example.net>';
  const to = `${toNoTag};tag=${toTag}`;
  const uaHeaders = ['Max-Forwards: 70', 'User-Agent: bench-uac/1.0'];
  const inviteVia = `Via: SIP/2.0/UDP 10.20.30.40:5060;branch=${inviteBranch};rport`;
  const byeVia = `Via: SIP/2.0/UDP 10.20.30.40:5060;branch=${byeBranch};rport`;
  const answeredVia = `Via: SIP/2.0/UDP 10.20.30.40:5060;branch=${inviteBranch};rport=5060;received=10.20.30.40`;
  const contactA = 'Contact: <sip:alice@10.20.30.40:5060>';
  const contactB = 'Contact: <sip:bob@10.20.30.50:5060>';
  const allow = 'Allow: INVITE, ACK, CANCEL, BYE, OPTIONS, UPDATE, PRACK, INFO';
  const invite = message(
    'INVITE sip:bob@example.net SIP/2.0',
    [inviteVia, ...uaHeaders, from, toNoTag, `Call-ID: ${callId}`, 'CSeq: 1 INVITE', contactA, allow, 'Supported: replaces, timer'],
    sdp('10.20.30.40', 20000 + (call % 10000) * 2, call),
  );
  const trying = message('SIP/2.0 100 Trying', [answeredVia, from, toNoTag, `Call-ID: ${callId}`, 'CSeq: 1 INVITE']);
  const ringing = message('SIP/2.0 180 Ringing', [answeredVia, from, to, `Call-ID: ${callId}`, 'CSeq: 1 INVITE', contactB]);
  const ok = message(
    'SIP/2.0 200 OK',
    [answeredVia, from, to, `Call-ID: ${callId}`, 'CSeq: 1 INVITE', contactB, allow],
    sdp('10.20.30.50', 40000 + (call % 10000) * 2, call + 1),
  );
  const ack = message('ACK sip:bob@10.20.30.50:5060 SIP/2.0', [
    `Via: SIP/2.0/UDP 10.20.30.40:5060;branch=z9hG4bK-${call}-1-1;rport`,
    ...uaHeaders,
    from,
    to,
    `Call-ID: ${callId}`,
    'CSeq: 1 ACK',
  ]);
  const bye = message('BYE sip:bob@10.20.30.50:5060 SIP/2.0', [byeVia, ...uaHeaders, from, to, `Call-ID: ${callId}`, 'CSeq: 2 BYE']);
  const byeOk = message('SIP/2.0 200 OK', [
    `Via: SIP/2.0/UDP 10.20.30.40:5060;branch=${byeBranch};rport=5060;received=10.20.30.40`,
    from,
    to,
    `Call-ID: ${callId}`,
    'CSeq: 2 BYE',
  ]);
  const out = (text: string): WireMessage => ({ text, src: CALLER, dst: CALLEE });
  const back = (text: string): WireMessage => ({ text, src: CALLEE, dst: CALLER });
  return [out(invite), back(trying), back(ringing), back(ok), out(ack), out(bye), back(byeOk)];
}

/** Reads every regular file of a folder as one message (latin1 keeps bytes = chars). */
export function loadMessageFolder(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .sort()
    .map((name) => path.join(dir, name))
    .filter((file) => fs.statSync(file).isFile())
    .map((file) => fs.readFileSync(file, 'latin1'));
}

/** `2026/11/21 05:30:00.123456`-style time for message `n`, 1 ms apart. */
function stamp(n: number, dateSep: string, between: string): string {
  const base = Date.UTC(2026, 10, 21, 5, 30, 0);
  const ms = base + n;
  const d = new Date(ms);
  const p2 = (v: number): string => String(v).padStart(2, '0');
  const micros = String(d.getUTCMilliseconds() * 1000 + (n % 1000)).padStart(6, '0');
  const date = [d.getUTCFullYear(), p2(d.getUTCMonth() + 1), p2(d.getUTCDate())].join(dateSep);
  return `${date}${between}${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${micros}`;
}

/** One UDP packet as `ngrep -I file -qt -W byline` prints it: CR shown as `.`, two line ends after. */
export function renderNgrep(m: WireMessage, n: number): string {
  const body = m.text.replace(/[^\n\x20-\x7e]/g, '.');
  return `U ${stamp(n, '/', ' ')} ${m.src} -> ${m.dst} #${n + 1}\n${body}\n\n`;
}

/** Raw SIP: the wire bytes, a blank line between messages. */
export function renderRaw(m: WireMessage): string {
  return m.text + '\r\n';
}

/** One message as SIPp's `-trace_msg` log writes it. */
export function renderSippLog(m: WireMessage, n: number, sent: boolean): string {
  const bytes = Buffer.byteLength(m.text, 'latin1');
  const what = sent ? `UDP message sent (${bytes} bytes):` : `UDP message received [${bytes}] bytes :`;
  return `----------------------------------------------- ${stamp(n, '-', '\t')}\n${what}\n\n${m.text}\n\n`;
}

export interface SynthResult {
  readonly files: { readonly ngrep: string; readonly raw: string; readonly sipp: string; readonly payloadsHex: string };
  readonly messages: number;
  readonly source: SynthSource;
}

/**
 * Writes `synth-ngrep.txt`, `synth-raw.sip` and `synth-sipp-msg.log` into `outDir`, each about
 * `targetBytes` long (the ngrep one sets the message count; the other two carry the same messages),
 * and `synth-payloads.hex`: each message hex-encoded on its own line, as gen-traces.sh writes tshark's.
 */
export function writeSyntheticTraces(outDir: string, corpusDir: string | undefined, targetBytes: number): SynthResult {
  fs.mkdirSync(outDir, { recursive: true });
  let source: SynthSource = { kind: 'built-in-dialog' };
  let corpus: string[] = [];
  if (corpusDir !== undefined && fs.existsSync(corpusDir)) {
    corpus = loadMessageFolder(corpusDir);
    if (corpus.length > 0) {
      source = { kind: 'corpus', dir: corpusDir, files: corpus.length };
    }
  }
  const files = {
    ngrep: path.join(outDir, 'synth-ngrep.txt'),
    raw: path.join(outDir, 'synth-raw.sip'),
    sipp: path.join(outDir, 'synth-sipp-msg.log'),
    payloadsHex: path.join(outDir, 'synth-payloads.hex'),
  };
  const fdNgrep = fs.openSync(files.ngrep, 'w');
  const fdRaw = fs.openSync(files.raw, 'w');
  const fdSipp = fs.openSync(files.sipp, 'w');
  const fdHex = fs.openSync(files.payloadsHex, 'w');
  let written = 0;
  let n = 0;
  try {
    fs.writeSync(fdNgrep, 'input: synthetic.pcap\nfilter: ((ip || ip6) || (vlan && (ip || ip6)))\n\n');
    for (let call = 0; written < targetBytes; call++) {
      const batch: WireMessage[] =
        corpus.length > 0 ? [{ text: corpus[call % corpus.length], src: CALLER, dst: CALLEE }] : builtInDialog(call);
      let ngrep = '';
      let raw = '';
      let sipp = '';
      let hex = '';
      for (const m of batch) {
        hex += Buffer.from(m.text, 'latin1').toString('hex') + '\n';
        ngrep += renderNgrep(m, n);
        raw += renderRaw(m);
        sipp += renderSippLog(m, n, m.src === CALLER);
        n++;
      }
      written += fs.writeSync(fdNgrep, ngrep, null, 'latin1');
      fs.writeSync(fdRaw, raw, null, 'latin1');
      fs.writeSync(fdSipp, sipp, null, 'latin1');
      fs.writeSync(fdHex, hex);
    }
  } finally {
    fs.closeSync(fdNgrep);
    fs.closeSync(fdRaw);
    fs.closeSync(fdSipp);
    fs.closeSync(fdHex);
  }
  return { files, messages: n, source };
}
