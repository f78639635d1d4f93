/**
 * The words the feature functions add around the knowledge base's texts (labels of hovers,
 * outline entries, quick fix titles), in every language the extension speaks.
 */
import type { Language, Localized } from '../knowledge/types';

const TEXTS = {
  nextStep: { en: 'Next step', 'zh-cn': '下一步' },
  requires: { en: 'This response must carry', 'zh-cn': '此响应必须携带' },
  shouldCarry: { en: 'should', 'zh-cn': '应当' },
  unregistered: {
    en: 'Not in the IANA registry: a receiver treats it as {0}.',
    'zh-cn': '未在 IANA 注册：接收方按 {0} 处理。',
  },
  phraseDiffers: {
    en: 'The reason phrase "{0}" differs from the registered "{1}" (allowed: reason phrases are free text, RFC 3261 §7.2).',
    'zh-cn': '原因短语“{0}”与注册的“{1}”不同（允许：原因短语是自由文本，RFC 3261 §7.2）。',
  },
  respondsTo: { en: 'Response to {0}', 'zh-cn': '{0} 的响应' },
  requestMust: { en: 'A {0} request must carry', 'zh-cn': '{0} 请求必须携带' },
  unknownMethod: {
    en: 'Not a method this extension knows: a server that does not support it answers 501 (Not Implemented), RFC 3261 §21.5.2.',
    'zh-cn': '本扩展不认识此方法：不支持它的服务器应回复 501 (Not Implemented)，RFC 3261 §21.5.2。',
  },
  compactOf: { en: '`{0}` is the compact form of **{1}** (RFC 3261 §7.3.3).', 'zh-cn': '`{0}` 是 **{1}** 的紧凑形式（RFC 3261 §7.3.3）。' },
  compactIs: { en: 'Compact form: `{0}`', 'zh-cn': '紧凑形式：`{0}`' },
  unknownHeader: {
    en: 'An extension header this extension has no description for; receivers ignore header fields they do not understand (RFC 3261 §8.2.2).',
    'zh-cn': '本扩展没有此扩展头部的说明；接收方会忽略不理解的头部（RFC 3261 §8.2.2）。',
  },
  idCallId: { en: 'Call-ID', 'zh-cn': 'Call-ID' },
  idBranch: { en: 'Via branch', 'zh-cn': 'Via branch' },
  idTag: { en: 'Tag', 'zh-cn': '标签 (tag)' },
  carriedBy: { en: 'Carried by {0} message(s):', 'zh-cn': '共 {0} 条消息携带：' },
  line: { en: 'line {0}', 'zh-cn': '第 {0} 行' },
  andMore: { en: '… and {0} more', 'zh-cn': '… 另有 {0} 条' },
  noCallId: { en: '(no Call-ID)', 'zh-cn': '（无 Call-ID）' },
  messagesCount: { en: '{0} message(s)', 'zh-cn': '{0} 条消息' },
  fixInsertHeader: { en: 'Insert {0} header', 'zh-cn': '插入 {0} 头部' },
  fixContentLength: { en: 'Set Content-Length to {0}', 'zh-cn': '将 Content-Length 设为 {0}' },
  fixCSeqMethod: { en: 'Change the CSeq method to {0}', 'zh-cn': '将 CSeq 方法改为 {0}' },
  fixReason: { en: 'Use the registered reason phrase "{0}"', 'zh-cn': '使用注册的原因短语“{0}”' },
  fixTag: { en: 'Add a tag to {0}', 'zh-cn': '为 {0} 添加 tag' },
  fixAllMessage: { en: 'Fix all auto-fixable problems in this message', 'zh-cn': '修复此消息中所有可自动修复的问题' },
  fixAllFile: { en: 'Fix all auto-fixable SIP problems', 'zh-cn': '修复所有可自动修复的 SIP 问题' },
} satisfies Record<string, Localized>;

type TextKey = keyof typeof TEXTS;

/** A feature text in a language, with `{0}`, `{1}`... replaced by the arguments. */
export function say(key: TextKey, lang: Language, ...args: (string | number)[]): string {
  const text: string = TEXTS[key][lang];
  return text.replace(/\{(\d+)\}/g, (whole, i: string) => {
    const arg = args[Number(i)];
    return arg === undefined ? whole : String(arg);
  });
}
