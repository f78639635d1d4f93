/**
 * The `sipTrace.*` settings as the server uses them. A bad value never breaks analysis: it is
 * reported (the caller shows the problems through window/showMessage) and the default is used.
 */
import type { Language } from '../core/knowledge/types';
import type { RuleSetting } from '../core/lint/types';
import { serverText } from './texts';

export interface ServerSettings {
  readonly enable: boolean;
  readonly rules: Readonly<Record<string, RuleSetting>>;
  /** Files above this size get no analysis (highlighting only, done by the client's grammar). */
  readonly maxFileSizeMB: number;
}

export const DEFAULT_SETTINGS: ServerSettings = { enable: true, rules: {}, maxFileSizeMB: 100 };

const RULE_SETTINGS: ReadonlySet<string> = new Set(['off', 'error', 'warning', 'information', 'hint']);

export interface SettingsResult {
  readonly settings: ServerSettings;
  /** One sentence per bad value, in the server's language. */
  readonly problems: string[];
}

/**
 * Validates the `sipTrace` section as the client returned it. `knownRules` are the rule codes
 * `sipTrace.rules` may name.
 */
export function readSettings(raw: unknown, knownRules: ReadonlySet<string>, lang: Language): SettingsResult {
  const problems: string[] = [];
  const section = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  let enable = DEFAULT_SETTINGS.enable;
  if (section.enable !== undefined && section.enable !== null) {
    if (typeof section.enable === 'boolean') {
      enable = section.enable;
    } else {
      problems.push(serverText('badEnable', lang));
    }
  }
  let maxFileSizeMB = DEFAULT_SETTINGS.maxFileSizeMB;
  if (section.maxFileSizeMB !== undefined && section.maxFileSizeMB !== null) {
    const n = section.maxFileSizeMB;
    if (typeof n === 'number' && Number.isFinite(n) && n >= 1) {
      maxFileSizeMB = n;
    } else {
      problems.push(serverText('badMaxSize', lang, DEFAULT_SETTINGS.maxFileSizeMB));
    }
  }
  const rules: Record<string, RuleSetting> = {};
  const rawRules = section.rules;
  if (rawRules !== undefined && rawRules !== null) {
    if (typeof rawRules !== 'object' || Array.isArray(rawRules)) {
      problems.push(serverText('badRules', lang));
    } else {
      for (const [code, value] of Object.entries(rawRules as Record<string, unknown>)) {
        if (!knownRules.has(code)) {
          problems.push(serverText('unknownRule', lang, code));
        } else if (typeof value !== 'string' || !RULE_SETTINGS.has(value)) {
          problems.push(serverText('badSeverity', lang, code, String(value)));
        } else {
          rules[code] = value as RuleSetting;
        }
      }
    }
  }
  return { settings: { enable, rules, maxFileSizeMB }, problems };
}
