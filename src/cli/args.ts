/**
 * Command-line parsing for `sip-trace`. Hand-written (no dependency): two commands, a few
 * options, and errors that say exactly what was wrong.
 */
import type { Language } from '../core/knowledge/types';
import type { RuleSetting } from '../core/lint/types';

export type Command = 'messages' | 'lint';
export type OutputFormat = 'text' | 'json';

export interface CliOptions {
  readonly command: Command;
  readonly format: OutputFormat;
  readonly rules: Readonly<Record<string, RuleSetting>>;
  readonly language: Language;
  readonly files: readonly string[];
}

export type ParsedArgs =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'run'; readonly options: CliOptions }
  | { readonly kind: 'error'; readonly message: string };

const SETTINGS: readonly RuleSetting[] = ['off', 'error', 'warning', 'information', 'hint'];
const LANGUAGES: readonly Language[] = ['en', 'zh-cn'];

/** Parses argv (without `node` and the script). `isRule` says whether a code exists. */
export function parseArgs(argv: readonly string[], isRule: (code: string) => boolean): ParsedArgs {
  let command: Command | undefined;
  let format: OutputFormat = 'text';
  let language: Language = 'en';
  const rules: Record<string, RuleSetting> = {};
  const files: string[] = [];
  let onlyFiles = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyFiles || arg === '-' || !arg.startsWith('-')) {
      if (command === undefined && !onlyFiles) {
        if (arg !== 'messages' && arg !== 'lint') {
          return { kind: 'error', message: `unknown command "${arg}" (expected "messages" or "lint"; see --help)` };
        }
        command = arg;
      } else {
        files.push(arg);
      }
      continue;
    }
    if (arg === '--') {
      onlyFiles = true;
      continue;
    }
    if (arg === '--help' || arg === '-h') {
      return { kind: 'help' };
    }
    if (arg === '--version' || arg === '-v') {
      return { kind: 'version' };
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    let value: string | undefined = eq > 0 ? arg.slice(eq + 1) : undefined;
    if (name !== '--format' && name !== '--rule' && name !== '--language') {
      return { kind: 'error', message: `unknown option "${name}" (see --help)` };
    }
    if (value === undefined) {
      if (i + 1 >= argv.length) {
        return { kind: 'error', message: `option ${name} needs a value` };
      }
      value = argv[++i];
    }
    if (name === '--format') {
      if (value !== 'text' && value !== 'json') {
        return { kind: 'error', message: `--format must be "text" or "json", not "${value}"` };
      }
      format = value;
    } else if (name === '--language') {
      const lang = value.toLowerCase();
      if (!LANGUAGES.includes(lang as Language)) {
        return { kind: 'error', message: `--language must be one of ${LANGUAGES.join(', ')}, not "${value}"` };
      }
      language = lang as Language;
    } else {
      const at = value.lastIndexOf('=');
      const code = at > 0 ? value.slice(0, at) : '';
      const setting = at > 0 ? value.slice(at + 1) : '';
      if (!code || !SETTINGS.includes(setting as RuleSetting)) {
        return { kind: 'error', message: `--rule takes CODE=${SETTINGS.join('|')}, not "${value}"` };
      }
      if (!isRule(code)) {
        return { kind: 'error', message: `unknown rule code "${code}" (see docs/rules for the list)` };
      }
      rules[code] = setting as RuleSetting;
    }
  }
  if (command === undefined) {
    return { kind: 'error', message: 'no command given (expected "messages" or "lint"; see --help)' };
  }
  if (command === 'messages' && Object.keys(rules).length > 0) {
    return { kind: 'error', message: '--rule applies to the lint command only' };
  }
  if (files.length === 0) {
    return { kind: 'error', message: `no FILE given to "${command}"` };
  }
  return { kind: 'run', options: { command, format, rules, language, files } };
}

export const HELP = `Usage: sip-trace <command> [options] FILE...

Reads SIP traces (raw .sip files and logs of ngrep, sngrep, Asterisk, FreeSWITCH, Kamailio,
SIPp, pjsip, Homer, tcpdump -A, Wireshark text) and lists or checks their messages.

Commands:
  messages   List the SIP messages found in each FILE.
  lint       Check each message against RFC 3261 and its extensions.

Options:
  --format text|json          Output format (default: text).
  --rule CODE=SEVERITY        Override a rule's severity; SEVERITY is off, error, warning,
                              information or hint. Repeatable. (lint only)
  --language en|zh-cn         Language of lint messages (default: en).
  -h, --help                  Show this help.
  -v, --version               Show the version.

Exit status: 0 success; 1 lint found at least one error; 2 usage error or unreadable file.
`;
