import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../../src/cli/main';
import type { CliIo } from '../../../src/cli/main';

const root = path.join(__dirname, '..', '..', '..', '..');
const fixtures = path.join(root, 'test', 'fixtures', 'lint');
const BAD = path.join(fixtures, 'bad-call.sip');
const CLEAN = path.join(fixtures, 'clean.sip');
const NGREP = path.join(fixtures, 'options.ngrep');

interface Run {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs the CLI in-process with captured streams and the real file system. */
function run(...argv: string[]): Run {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: (t) => {
      out += t;
    },
    stderr: (t) => {
      err += t;
    },
    readFile: (f) => fs.readFileSync(f, 'utf8'),
  };
  const code = main(argv, io);
  return { code, out, err };
}

void describe('sip-trace lint', () => {
  void it('prints file:line:col: severity code message and exits 1 on errors', () => {
    const r = run('lint', BAD);
    assert.equal(r.code, 1);
    assert.equal(r.err, '');
    const lines = r.out.trimEnd().split('\n');
    assert.deepEqual(lines, [
      `${BAD}:3:15: error invalid-max-forwards Max-Forwards must be an integer from 0 to 255, not "300" (RFC 3261 §20.22)`,
      `${BAD}:12:1: error missing-header 405 response must carry Allow (RFC 3261 §21.4.6)`,
    ]);
  });

  void it('exits 0 with no output on a clean trace', () => {
    const r = run('lint', CLEAN);
    assert.deepEqual(r, { code: 0, out: '', err: '' });
  });

  void it('prints JSON with 1-based lines and columns', () => {
    const r = run('lint', '--format', 'json', BAD);
    const rows = JSON.parse(r.out) as Record<string, unknown>[];
    assert.deepEqual(rows[0], {
      file: BAD,
      line: 3,
      column: 15,
      endLine: 3,
      endColumn: 18,
      severity: 'error',
      code: 'invalid-max-forwards',
      message: 'Max-Forwards must be an integer from 0 to 255, not "300" (RFC 3261 §20.22)',
    });
    assert.equal(r.code, 1);
  });

  void it('applies --rule overrides, in both spellings, and exits 0 when no error remains', () => {
    const r = run('lint', '--rule', 'invalid-max-forwards=off', '--rule=missing-header=warning', BAD);
    assert.equal(r.code, 0);
    assert.match(r.out, /warning missing-header/);
    assert.doesNotMatch(r.out, /invalid-max-forwards/);
  });

  void it('lints several files and speaks Chinese on request', () => {
    const r = run('lint', '--language', 'zh-cn', CLEAN, BAD);
    assert.equal(r.code, 1);
    assert.match(r.out, /405 响应必须携带 Allow 头/);
  });

  void it('exits 2 with one line on stderr for an unknown rule code, a bad severity, a missing file', () => {
    const cases: [string[], RegExp][] = [
      [['lint', '--rule', 'no-such-rule=off', BAD], /unknown rule code "no-such-rule"/],
      [['lint', '--rule', 'missing-header=loud', BAD], /--rule takes CODE=/],
      [['lint', path.join(fixtures, 'does-not-exist.sip')], /no such file/],
      [['lint', fixtures], /is a directory/],
      [['lint'], /no FILE given/],
      [['frobnicate', BAD], /unknown command/],
      [['lint', '--format', 'xml', BAD], /--format must be/],
      [['lint', '--colour', BAD], /unknown option "--colour"/],
      [[], /no command given/],
    ];
    for (const [argv, message] of cases) {
      const r = run(...argv);
      assert.equal(r.code, 2, argv.join(' '));
      assert.equal(r.out, '');
      assert.match(r.err, message);
      assert.equal(r.err.trimEnd().split('\n').length, 1, 'one line, no stack trace');
    }
  });
});

void describe('sip-trace messages', () => {
  void it('lists one line per message with its position, framing and identifiers', () => {
    const r = run('messages', NGREP);
    assert.equal(r.code, 0);
    assert.deepEqual(r.out.trimEnd().split('\n'), [
      `${NGREP}:5: #1 2024/01/02 10:11:12.123456 192.0.2.1:5060 -> 192.0.2.2:5060 UDP OPTIONS CSeq: 63104 OPTIONS Call-ID: a84b4c76e66710`,
      `${NGREP}:17: #2 2024/01/02 10:11:12.125000 192.0.2.2:5060 -> 192.0.2.1:5060 UDP 200 OK CSeq: 63104 OPTIONS Call-ID: a84b4c76e66710`,
    ]);
  });

  void it('prints the documented JSON fields', () => {
    const rows = JSON.parse(run('messages', '--format=json', NGREP).out) as Record<string, unknown>[];
    assert.equal(rows.length, 2);
    assert.deepEqual(rows[1], {
      file: NGREP,
      index: 1,
      line: 17,
      endLine: 28,
      kind: 'response',
      method: null,
      status: 200,
      reason: 'OK',
      callId: 'a84b4c76e66710',
      cseq: { number: 63104, method: 'OPTIONS' },
      format: 'ngrep',
      time: '2024/01/02 10:11:12.125000',
      src: '192.0.2.2:5060',
      dst: '192.0.2.1:5060',
      transport: 'UDP',
    });
  });

  void it('refuses --rule', () => {
    assert.equal(run('messages', '--rule', 'missing-header=off', CLEAN).code, 2);
  });
});

void describe('sip-trace --help and --version', () => {
  void it('prints usage and the package version', () => {
    const help = run('--help');
    assert.equal(help.code, 0);
    assert.match(help.out, /Usage: sip-trace <command>/);
    const version = run('--version');
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    assert.equal(version.out, `${pkg.version}\n`);
  });
});

void describe('bin/sip-trace.js as a child process', () => {
  void it('lints a file, prints to stdout and exits 1', () => {
    const r = spawnSync(process.execPath, [path.join(root, 'bin', 'sip-trace.js'), 'lint', BAD], { encoding: 'utf8', timeout: 30000 });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /bad-call\.sip:12:1: error missing-header 405 response must carry Allow/);
  });

  void it('exits 2 with one stderr line for a missing file', () => {
    const r = spawnSync(process.execPath, [path.join(root, 'bin', 'sip-trace.js'), 'lint', 'nope.sip'], { encoding: 'utf8', timeout: 30000 });
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'sip-trace: nope.sip: no such file\n');
  });
});
