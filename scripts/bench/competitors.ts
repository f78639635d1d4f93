/**
 * The other JavaScript SIP parsers the bench compares against, loaded at run time:
 * - `sip` (kirm/sip.js, CommonJS): `require('sip').parse(text)`.
 * - `sip.js` (OnSIP, ESM only): `Parser.parseMessage(text, logger)` from
 *   `sip.js/lib/core/messages/parser.js`, the parser its transport layer calls on every
 *   incoming message.
 * Both need CRLF line ends (they split on `\r\n`), which wire messages have.
 */

/** A parser under test: parses one message, returns something truthy when it succeeded. */
export interface Competitor {
  readonly name: string;
  readonly version: string;
  /** The call the timed region makes per message. */
  readonly call: string;
  readonly parse: (message: string) => unknown;
}

// tsc (module commonjs) rewrites `import()` into `require()`, which cannot load an ESM-only
// package on node 20; a Function keeps a real dynamic import.
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- constant source text, nothing user-supplied
const importEsm = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;

function packageVersion(name: string): string {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the name is only known at run time
    return (require(`${name}/package.json`) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** Loads the `sip` package's message parser, or explains why not. */
export function loadSip(): Competitor | string {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- optional dev dependency, loaded only when benchmarked
    const sip = require('sip') as { parse: (s: string) => unknown };
    return { name: 'sip', version: packageVersion('sip'), call: "require('sip').parse(message)", parse: (s) => sip.parse(s) };
  } catch (e) {
    return `cannot load sip: ${String(e)}`;
  }
}

interface SipJsParser {
  parseMessage(data: string, logger: unknown): unknown;
}

/** Loads sip.js's message parser, or explains why not. */
export async function loadSipJs(): Promise<Competitor | string> {
  try {
    const mod = (await importEsm('sip.js/lib/core/messages/parser.js')) as { Parser: SipJsParser };
    const silent = { error(): void {}, warn(): void {}, log(): void {}, debug(): void {} };
    const parser = mod.Parser;
    return {
      name: 'sip.js',
      version: packageVersion('sip.js'),
      call: "Parser.parseMessage(message, logger) from 'sip.js/lib/core/messages/parser.js'",
      parse: (s) => parser.parseMessage(s, silent),
    };
  } catch (e) {
    return `cannot load sip.js: ${String(e)}`;
  }
}
