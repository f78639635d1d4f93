/** Messages the server itself shows (through window/showMessage), in each language. */
import type { Language, Localized } from '../core/knowledge/types';

const TEXTS = {
  tooLarge: {
    en: '{0} is {1} MB, above sipTrace.maxFileSizeMB ({2} MB): only highlighting runs, no diagnostics, hovers or outline.',
    'zh-cn': '{0} 大小为 {1} MB，超过 sipTrace.maxFileSizeMB（{2} MB）：只做语法高亮，不做诊断、悬停或大纲。',
  },
  badEnable: {
    en: 'sipTrace.enable must be true or false; using true.',
    'zh-cn': 'sipTrace.enable 必须是 true 或 false；已使用 true。',
  },
  badMaxSize: {
    en: 'sipTrace.maxFileSizeMB must be a number of at least 1; using {0}.',
    'zh-cn': 'sipTrace.maxFileSizeMB 必须是不小于 1 的数字；已使用 {0}。',
  },
  badRules: {
    en: 'sipTrace.rules must be an object such as { "missing-branch-cookie": "off" }; ignoring it.',
    'zh-cn': 'sipTrace.rules 必须是对象，例如 { "missing-branch-cookie": "off" }；已忽略。',
  },
  unknownRule: {
    en: 'sipTrace.rules: "{0}" is not a rule code; ignoring it.',
    'zh-cn': 'sipTrace.rules：“{0}”不是规则代码；已忽略。',
  },
  badSeverity: {
    en: 'sipTrace.rules: "{1}" is not a severity for {0} (use off, error, warning, information or hint); using the default.',
    'zh-cn': 'sipTrace.rules：“{1}”不是 {0} 的有效级别（可用 off、error、warning、information、hint）；已使用默认值。',
  },
  analysisFailed: {
    en: 'Analysing {0} failed: {1}',
    'zh-cn': '分析 {0} 失败：{1}',
  },
} satisfies Record<string, Localized>;

export type ServerTextKey = keyof typeof TEXTS;

/** A server message in a language, `{0}`... replaced by the arguments. */
export function serverText(key: ServerTextKey, lang: Language, ...args: (string | number)[]): string {
  return TEXTS[key][lang].replace(/\{(\d+)\}/g, (whole, i: string) => {
    const arg = args[Number(i)];
    return arg === undefined ? whole : String(arg);
  });
}
