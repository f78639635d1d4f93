/**
 * Micro-benchmark: this project's parseMessage against the `sip` npm package's parser
 * (`require('sip').parse`) on the same few thousand realistic CRLF messages.
 *
 *   npx tsc -p . && node out/scripts/bench/parser-micro.js [count] [rounds]
 *
 * The messages are generated here (a call flow with SDP, registration with digest auth,
 * OPTIONS, NOTIFY, with random tags and branches), so the benchmark needs no corpus files.
 * Both parsers see identical strings; each round parses all of them; the best round counts.
 */
import { parseMessage } from '../../src/core/parser';
import { sdp } from './synth';

let seed = 12345;
function rnd(): number {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed;
}
function id(len: number): string {
  let s = '';
  while (s.length < len) {
    s += rnd().toString(36);
  }
  return s.slice(0, len);
}

const SDP = sdp('192.0.2.10', 16384, 3912345678);

function msg(lines: string[], body = ''): string {
  return [...lines, `Content-Length: ${body.length}`, '', body].join('\r\n');
}

function callFlow(): string[] {
  const callId = `${id(20)}@192.0.2.10`;
  const ftag = id(10);
  const ttag = id(10);
  const b1 = `z9hG4bK${id(16)}`;
  const via = `Via: SIP/2.0/UDP 192.0.2.10:5060;branch=${b1};rport`;
  const via2 = `Via: SIP/2.0/UDP 198.51.100.1:5060;branch=z9hG4bK${id(12)};received=198.51.100.1`;
  const from = `From: "Alice Smith" <sip:alice@example.com>;tag=${ftag}`;
  const to = 'To: <sip:bob@example.org>';
  const toT = `${to};tag=${ttag}`;
  const common = [`Call-ID: ${callId}`, 'Max-Forwards: 70'];
  const invite = msg(
    [
      'INVITE sip:bob@example.org SIP/2.0',
      via2,
      via,
      'Max-Forwards: 69',
      from,
      to,
      `Call-ID: ${callId}`,
      'CSeq: 1 INVITE',
      'Contact: <sip:alice@192.0.2.10:5060;transport=udp>;+sip.instance="<urn:uuid:00000000-0000-1000-8000-000000000001>"',
      'Record-Route: <sip:198.51.100.1;lr>',
      'Allow: INVITE, ACK, CANCEL, BYE, OPTIONS, NOTIFY, REFER, UPDATE, PRACK',
      'Supported: replaces, timer, 100rel',
      'Session-Expires: 1800;refresher=uac',
      'User-Agent: ExamplePhone/1.2.3 (build 456)',
      'Content-Type: application/sdp',
    ],
    SDP,
  );
  const resp = (code: string, extra: string[], body = ''): string =>
    msg([`SIP/2.0 ${code}`, via2, via, from, code.startsWith('100') ? to : toT, `Call-ID: ${callId}`, 'CSeq: 1 INVITE', ...extra], body);
  return [
    invite,
    resp('100 Trying', []),
    resp('180 Ringing', ['Contact: <sip:bob@203.0.113.5:5060>', 'Record-Route: <sip:198.51.100.1;lr>']),
    resp(
      '200 OK',
      [
        'Contact: <sip:bob@203.0.113.5:5060>',
        'Record-Route: <sip:198.51.100.1;lr>',
        'Allow: INVITE, ACK, CANCEL, BYE, OPTIONS',
        'Content-Type: application/sdp',
      ],
      SDP,
    ),
    msg(['ACK sip:bob@203.0.113.5:5060 SIP/2.0', via, ...common, from, toT, 'CSeq: 1 ACK', 'Route: <sip:198.51.100.1;lr>']),
    msg(['BYE sip:bob@203.0.113.5:5060 SIP/2.0', via, ...common, from, toT, 'CSeq: 2 BYE', 'Route: <sip:198.51.100.1;lr>']),
    msg([`SIP/2.0 200 OK`, via, from, toT, `Call-ID: ${callId}`, 'CSeq: 2 BYE']),
  ];
}

function registration(): string[] {
  const callId = id(24);
  const tag = id(8);
  const via = `Via: SIP/2.0/TCP 192.0.2.20:5060;branch=z9hG4bK${id(14)};rport`;
  const head = [
    'REGISTER sip:example.com SIP/2.0',
    via,
    'Max-Forwards: 70',
    `From: <sip:carol@example.com>;tag=${tag}`,
    'To: <sip:carol@example.com>',
    `Call-ID: ${callId}`,
  ];
  return [
    msg([...head, 'CSeq: 1 REGISTER', 'Contact: <sip:carol@192.0.2.20:5060;transport=tcp>;expires=3600', 'Expires: 3600']),
    msg([
      'SIP/2.0 401 Unauthorized',
      via,
      `From: <sip:carol@example.com>;tag=${tag}`,
      `To: <sip:carol@example.com>;tag=${id(8)}`,
      `Call-ID: ${callId}`,
      'CSeq: 1 REGISTER',
      `WWW-Authenticate: Digest realm="example.com", nonce="${id(32)}", algorithm=MD5, qop="auth"`,
    ]),
    msg([
      ...head,
      'CSeq: 2 REGISTER',
      'Contact: <sip:carol@192.0.2.20:5060;transport=tcp>;expires=3600',
      `Authorization: Digest username="carol", realm="example.com", nonce="${id(32)}", uri="sip:example.com", response="${id(32)}", algorithm=MD5, cnonce="${id(8)}", qop=auth, nc=00000001`,
    ]),
    msg([
      'OPTIONS sip:carol@192.0.2.20:5060 SIP/2.0',
      `Via: SIP/2.0/UDP 198.51.100.1;branch=z9hG4bK${id(12)}`,
      'Max-Forwards: 70',
      `From: <sip:ping@198.51.100.1>;tag=${id(8)}`,
      'To: <sip:carol@192.0.2.20:5060>',
      `Call-ID: ${id(20)}`,
      'CSeq: 100 OPTIONS',
      'Accept: application/sdp',
    ]),
    msg(
      [
        'NOTIFY sip:carol@192.0.2.20:5060 SIP/2.0',
        `Via: SIP/2.0/UDP 198.51.100.1;branch=z9hG4bK${id(12)}`,
        'Max-Forwards: 70',
        `From: <sip:carol@example.com>;tag=${id(8)}`,
        `To: <sip:carol@example.com>;tag=${tag}`,
        `Call-ID: ${id(20)}`,
        'CSeq: 5 NOTIFY',
        'Event: message-summary',
        'Subscription-State: active;expires=3500',
        'Content-Type: application/simple-message-summary',
      ],
      'Messages-Waiting: yes\r\nVoice-Message: 2/8 (0/2)\r\n',
    ),
  ];
}

/** `count` realistic CRLF messages (deterministic: a fixed-seed generator). */
export function benchMessages(count: number): string[] {
  const out: string[] = [];
  while (out.length < count) {
    out.push(...callFlow(), ...registration());
  }
  return out.slice(0, count);
}

/**
 * CPU time (user + system) of one run in ms: on a shared, loaded machine it is far steadier than
 * wall time, which also counts the time the process waited for a core.
 */
function cpuMs(run: () => void): number {
  const before = process.cpuUsage();
  run();
  const d = process.cpuUsage(before);
  return (d.user + d.system) / 1000;
}

function main(): void {
  const count = Number(process.argv[2] ?? 5000);
  const rounds = Number(process.argv[3] ?? 30);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sip = require('sip') as { parse: (s: string) => unknown };
  const msgs = benchMessages(count);
  const bytes = msgs.reduce((n, m) => n + m.length, 0);
  let sink = 0;
  // Sanity: both parsers must understand every message, or the comparison means nothing.
  for (const m of msgs) {
    if (!sip.parse(m)) {
      throw new Error(`sip.parse rejected a benchmark message:\n${m}`);
    }
    const p = parseMessage(m);
    if (p.problems.length > 0) {
      throw new Error(`parseMessage found problems in a benchmark message: ${JSON.stringify(p.problems)}`);
    }
  }
  const runs: Record<string, () => void> = {
    parseMessage: () => {
      for (const m of msgs) {
        sink += parseMessage(m).headers.length;
      }
    },
    // Header tokens and values are built on first access; this touches all of them.
    'parseMessage + all values': () => {
      for (const m of msgs) {
        for (const h of parseMessage(m).headers) {
          sink += h.name.span.end + h.value.text.length;
          for (const v of h.values) {
            sink += v.params.length + v.main.span.start;
          }
        }
      }
    },
    'sip.parse': () => {
      for (const m of msgs) {
        sink += sip.parse(m) ? 1 : 0;
      }
    },
  };
  // Alternate the parsers round by round so machine noise hits all alike; keep each one's best.
  const best: Record<string, number> = {};
  for (let r = 0; r < rounds; r++) {
    for (const [name, run] of Object.entries(runs)) {
      best[name] = Math.min(best[name] ?? Infinity, cpuMs(run));
    }
  }
  const mib = bytes / 1024 / 1024;
  console.log(`${count} messages, ${(bytes / 1024).toFixed(0)} KiB, best CPU time of ${rounds} rounds`);
  for (const [name, ms] of Object.entries(best)) {
    console.log(`${name.padEnd(26)} ${ms.toFixed(2).padStart(8)} ms  ${(mib / (ms / 1000)).toFixed(0).padStart(5)} MiB/s`);
  }
  const sipMs = best['sip.parse'];
  console.log(`ratio vs sip.parse: parseMessage ${(sipMs / best.parseMessage).toFixed(2)}x, with all values ${(sipMs / best['parseMessage + all values']).toFixed(2)}x (sink ${sink})`);
}

if (require.main === module) {
  main();
}
