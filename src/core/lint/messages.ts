/**
 * The message catalogue of the lint rules, in every language the extension speaks. Findings
 * carry an id and parameters; the text is made only when diagnostics are emitted, so a cached
 * finding serves any language. Placeholders are `{name}`.
 */
import type { Language, Localized } from '../knowledge/types';
import { reasonFromParams, syntaxReasonText } from './syntaxReasons';

const CATALOGUE = {
  requestMustCarry: {
    en: '{method} request must carry {header} ({ref})',
    'zh-cn': '{method} 请求必须携带 {header} 头（{ref}）',
  },
  requestShouldCarry: {
    en: '{method} request should carry {header} ({ref})',
    'zh-cn': '{method} 请求应当携带 {header} 头（{ref}）',
  },
  responseMustCarry: {
    en: '{status} response must carry {header} ({ref})',
    'zh-cn': '{status} 响应必须携带 {header} 头（{ref}）',
  },
  responseShouldCarry: {
    en: '{status} response should carry {header} ({ref})',
    'zh-cn': '{status} 响应应当携带 {header} 头（{ref}）',
  },
  responseToMustCarry: {
    en: '{status} response to {method} must carry {header} ({ref})',
    'zh-cn': '对 {method} 的 {status} 响应必须携带 {header} 头（{ref}）',
  },
  responseToShouldCarry: {
    en: '{status} response to {method} should carry {header} ({ref})',
    'zh-cn': '对 {method} 的 {status} 响应应当携带 {header} 头（{ref}）',
  },
  reliableMustCarry: {
    en: 'A reliable provisional response ({status}) must carry {header} ({ref})',
    'zh-cn': '可靠临时响应（{status}）必须携带 {header} 头（{ref}）',
  },
  dialogMustCarry: {
    en: '{status} response creating an early dialog must carry Contact ({ref})',
    'zh-cn': '建立早期对话的 {status} 响应必须携带 Contact 头（{ref}）',
  },
  unsupportedMediaMustCarry: {
    en: '415 response must carry Accept, Accept-Encoding or Accept-Language ({ref})',
    'zh-cn': '415 响应必须携带 Accept、Accept-Encoding 或 Accept-Language 头（{ref}）',
  },
  timestampNotCopied: {
    en: '100 response must copy the Timestamp of the request it answers ({ref})',
    'zh-cn': '100 响应必须复制所应答请求中的 Timestamp 头（{ref}）',
  },
  contentLengthShould: {
    en: 'Content-Length should be sent ({ref})',
    'zh-cn': '应当发送 Content-Length 头（{ref}）',
  },
  cseqMethodMismatch: {
    en: 'CSeq method "{cseqMethod}" does not match the request method "{method}" (RFC 3261 §8.1.1.5)',
    'zh-cn': 'CSeq 方法“{cseqMethod}”与请求方法“{method}”不一致（RFC 3261 §8.1.1.5）',
  },
  responseCseqMethodMismatch: {
    en: 'CSeq method "{cseqMethod}" of this response does not match "{method}", the request with the same Call-ID and branch (message {request}) (RFC 3261 §8.2.6.2)',
    'zh-cn': '此响应的 CSeq 方法“{cseqMethod}”与 Call-ID 和 branch 相同的请求（消息 {request}）的方法“{method}”不一致（RFC 3261 §8.2.6.2）',
  },
  contentLengthTooLarge: {
    en: 'Content-Length declares {declared} bytes but the body has {actual} (RFC 3261 §18.3)',
    'zh-cn': 'Content-Length 声明 {declared} 字节，但消息体只有 {actual} 字节（RFC 3261 §18.3）',
  },
  contentLengthTooSmall: {
    en: 'Content-Length declares {declared} bytes but {actual} follow; the {extra} extra bytes are not part of this message (RFC 3261 §18.3)',
    'zh-cn': 'Content-Length 声明 {declared} 字节，但其后有 {actual} 字节；多出的 {extra} 字节不属于本消息（RFC 3261 §18.3）',
  },
  contentLengthInvalid: {
    en: 'Content-Length must be a non-negative decimal number, not "{value}" (RFC 3261 §20.14)',
    'zh-cn': 'Content-Length 必须是非负十进制数，而不是“{value}”（RFC 3261 §20.14）',
  },
  contentLengthMissingStream: {
    en: 'Content-Length is mandatory over {transport}; the body has {actual} bytes (RFC 3261 §18.3, §20.14)',
    'zh-cn': '通过 {transport} 传输时必须携带 Content-Length；消息体为 {actual} 字节（RFC 3261 §18.3、§20.14）',
  },
  startLineUnreadable: {
    en: 'The start line is neither a request line nor a status line (RFC 3261 §7.1, §7.2)',
    'zh-cn': '起始行既不是请求行也不是状态行（RFC 3261 §7.1、§7.2）',
  },
  startLineSpacing: {
    en: 'The elements of the start line must be separated by exactly one space, with no other whitespace (RFC 3261 §7.1)',
    'zh-cn': '起始行各元素之间必须恰好用一个空格分隔，不得有其他空白（RFC 3261 §7.1）',
  },
  methodNotToken: {
    en: 'Method "{method}" is not a token (RFC 3261 §25)',
    'zh-cn': '方法“{method}”不是合法的 token（RFC 3261 §25）',
  },
  statusCodeInvalid: {
    en: 'Status code "{code}" must be three digits from 100 to 699 (RFC 3261 §7.2)',
    'zh-cn': '状态码“{code}”必须是 100 到 699 之间的三位数字（RFC 3261 §7.2）',
  },
  statusCodeUnknown: {
    en: 'Status code {code} is not registered; a UAC treats it as {fallback} (RFC 3261 §8.1.3.2)',
    'zh-cn': '状态码 {code} 未注册；UAC 会把它当作 {fallback} 处理（RFC 3261 §8.1.3.2）',
  },
  reasonPhraseDiffers: {
    en: 'Reason phrase "{reason}" differs from the registered phrase "{canonical}" for {code} (allowed, RFC 3261 §7.2)',
    'zh-cn': '原因短语“{reason}”与 {code} 的注册短语“{canonical}”不同（允许，RFC 3261 §7.2）',
  },
  reasonPhraseEmpty: {
    en: 'Empty reason phrase; the registered phrase for {code} is "{canonical}"',
    'zh-cn': '原因短语为空；{code} 的注册短语是“{canonical}”',
  },
  versionUnsupported: {
    en: 'SIP version "{version}" is not supported; only SIP/2.0 is (RFC 3261 §7.1, §21.5.6)',
    'zh-cn': '不支持 SIP 版本“{version}”，只支持 SIP/2.0（RFC 3261 §7.1、§21.5.6）',
  },
  viaVersionUnsupported: {
    en: 'Via sent-protocol "{protocol}" must be SIP/2.0/<transport> (RFC 3261 §8.1.1.7)',
    'zh-cn': 'Via 的 sent-protocol“{protocol}”必须是 SIP/2.0/<传输协议>（RFC 3261 §8.1.1.7）',
  },
  headerNameNotToken: {
    en: 'Header name "{name}" contains characters not allowed in a token (RFC 3261 §7.3.1)',
    'zh-cn': '头名称“{name}”含有 token 不允许的字符（RFC 3261 §7.3.1）',
  },
  headerEmptyElement: {
    en: 'Extra "{separator}" separator in {header}: the grammar allows no empty elements or parameters (RFC 3261 §25)',
    'zh-cn': '{header} 中有多余的“{separator}”分隔符：语法不允许空元素或空参数（RFC 3261 §25）',
  },
  headerDuplicate: {
    en: '{header} may appear only once in a message (RFC 3261 §7.3.1)',
    'zh-cn': '{header} 在一条消息中只能出现一次（RFC 3261 §7.3.1）',
  },
  maxForwardsInvalid: {
    en: 'Max-Forwards must be an integer from 0 to 255, not "{value}" (RFC 3261 §20.22)',
    'zh-cn': 'Max-Forwards 必须是 0 到 255 之间的整数，而不是“{value}”（RFC 3261 §20.22）',
  },
  fromTagMissing: {
    en: 'From must carry a tag parameter (RFC 3261 §8.1.1.3)',
    'zh-cn': 'From 头必须携带 tag 参数（RFC 3261 §8.1.1.3）',
  },
  toTagMissing: {
    en: 'To of a {status} response must carry a tag (RFC 3261 §8.2.6.2)',
    'zh-cn': '{status} 响应的 To 头必须携带 tag（RFC 3261 §8.2.6.2）',
  },
  branchNoCookie: {
    en: 'Top Via branch "{branch}" does not begin with the magic cookie z9hG4bK: an RFC 2543 peer; transactions are matched the old way (RFC 3261 §8.1.1.7, §17.2.3)',
    'zh-cn': '顶层 Via 的 branch“{branch}”不以魔术 cookie z9hG4bK 开头：来自 RFC 2543 对端，事务按旧方式匹配（RFC 3261 §8.1.1.7、§17.2.3）',
  },
  branchMissing: {
    en: 'Top Via carries no branch parameter: an RFC 2543 peer (RFC 3261 §8.1.1.7)',
    'zh-cn': '顶层 Via 没有 branch 参数：来自 RFC 2543 对端（RFC 3261 §8.1.1.7）',
  },
  branchCookieOnly: {
    en: 'Top Via branch is only the magic cookie z9hG4bK, with no transaction identifier (RFC 3261 §8.1.1.7)',
    'zh-cn': '顶层 Via 的 branch 只有魔术 cookie z9hG4bK，没有事务标识（RFC 3261 §8.1.1.7）',
  },
  contactExpiresMissing: {
    en: 'Each Contact of a 2xx to REGISTER must carry an expires parameter (RFC 3261 §10.3)',
    'zh-cn': 'REGISTER 的 2xx 响应中每个 Contact 都必须带 expires 参数（RFC 3261 §10.3）',
  },
  bodyWithoutContentType: {
    en: 'The message has a body of {length} bytes but no Content-Type (RFC 3261 §20.15)',
    'zh-cn': '消息有 {length} 字节的消息体，但没有 Content-Type 头（RFC 3261 §20.15）',
  },
  requestUriInvalid: {
    en: 'Invalid Request-URI: {reason} (RFC 3261 §7.1, §19.1)',
    'zh-cn': 'Request-URI 无效：{reason}（RFC 3261 §7.1、§19.1）',
  },
  requestUriBracketed: {
    en: 'The Request-URI must not be enclosed in "<>" (RFC 3261 §7.1)',
    'zh-cn': 'Request-URI 不得用“<>”括起来（RFC 3261 §7.1）',
  },
  requestUriHeaders: {
    en: 'A SIP Request-URI must not carry headers ("?…") (RFC 3261 §19.1.1)',
    'zh-cn': 'SIP Request-URI 不得携带头部分（“?…”）（RFC 3261 §19.1.1）',
  },
  registerUriUser: {
    en: 'A REGISTER Request-URI must not contain a user part (RFC 3261 §10.2)',
    'zh-cn': 'REGISTER 的 Request-URI 不得包含用户部分（RFC 3261 §10.2）',
  },
  headerUriInvalid: {
    en: 'Invalid URI in {header}: {reason} (RFC 3261 §19.1)',
    'zh-cn': '{header} 中的 URI 无效：{reason}（RFC 3261 §19.1）',
  },
  displayNameUnquoted: {
    en: 'The display name in {header} has characters that must be quoted (RFC 3261 §25)',
    'zh-cn': '{header} 中的显示名含有必须加引号的字符（RFC 3261 §25）',
  },
  quoteUnterminated: {
    en: 'Unterminated quoted string in {header} (RFC 3261 §25)',
    'zh-cn': '{header} 中的引号字符串没有结束（RFC 3261 §25）',
  },
  spaceInsideBrackets: {
    en: 'No whitespace is allowed inside "<>" in {header} (RFC 3261 §25)',
    'zh-cn': '{header} 的“<>”内不允许有空白（RFC 3261 §25）',
  },
  uriNeedsBrackets: {
    en: 'The URI in {header} contains "{char}" and must be enclosed in "<>" (RFC 3261 §20)',
    'zh-cn': '{header} 中的 URI 含有“{char}”，必须用“<>”括起来（RFC 3261 §20）',
  },
  textAfterAddress: {
    en: 'Unexpected text after ">" in {header} (RFC 3261 §25)',
    'zh-cn': '{header} 中“>”之后有多余文本（RFC 3261 §25）',
  },
  ipv6ThreeColons: {
    en: 'The IPv6 reference in {header} has three colons in a row: the RFC 3261 ABNF allows it but it is not a valid IPv6 address; RFC 5118 §4.10 asks receivers to tolerate it',
    'zh-cn': '{header} 中的 IPv6 引用有三个连续冒号：RFC 3261 的 ABNF 允许，但它不是合法的 IPv6 地址；RFC 5118 §4.10 要求接收方容忍',
  },
  angleUnbalanced: {
    en: 'Unbalanced "<" or ">" in {header} (RFC 3261 §25)',
    'zh-cn': '{header} 中的“<”“>”不成对（RFC 3261 §25）',
  },
  cseqInvalid: {
    en: 'CSeq must be a decimal sequence number followed by a method, not "{value}" (RFC 3261 §20.16)',
    'zh-cn': 'CSeq 必须是十进制序号后跟方法名，而不是“{value}”（RFC 3261 §20.16）',
  },
  cseqTooLarge: {
    en: 'CSeq number {value} is too large: it must be below 2^31 (RFC 3261 §8.1.1.5)',
    'zh-cn': 'CSeq 序号 {value} 过大：必须小于 2^31（RFC 3261 §8.1.1.5）',
  },
  dateInvalid: {
    en: 'Date must be an RFC 1123 date in GMT such as "Sat, 13 Nov 2010 23:29:00 GMT", not "{value}" (RFC 3261 §20.17)',
    'zh-cn': 'Date 必须是 GMT 时区的 RFC 1123 日期，例如“Sat, 13 Nov 2010 23:29:00 GMT”，而不是“{value}”（RFC 3261 §20.17）',
  },
  deltaSecondsInvalid: {
    en: '{header} must be a whole number of seconds from 0 to 4294967295, not "{value}" ({ref})',
    'zh-cn': '{header} 必须是 0 到 4294967295 之间的整数秒，而不是“{value}”（{ref}）',
  },
  warningCodeInvalid: {
    en: 'Warning code "{value}" must be three digits (RFC 3261 §20.43)',
    'zh-cn': 'Warning 代码“{value}”必须是三位数字（RFC 3261 §20.43）',
  },
  contentTypeInvalid: {
    en: 'Content-Type must be "type/subtype", not "{value}" (RFC 3261 §20.15)',
    'zh-cn': 'Content-Type 必须是“类型/子类型”形式，而不是“{value}”（RFC 3261 §20.15）',
  },
  responseCseqNumberMismatch: {
    en: 'CSeq number {actual} of this response differs from {expected} in the request it answers (message {request}) (RFC 3261 §8.2.6.2)',
    'zh-cn': '此响应的 CSeq 序号 {actual} 与其应答的请求（消息 {request}）中的 {expected} 不同（RFC 3261 §8.2.6.2）',
  },
  responseFromTagMismatch: {
    en: 'From tag of this response differs from the request it answers (message {request}) (RFC 3261 §8.2.6.2)',
    'zh-cn': '此响应的 From tag 与其应答的请求（消息 {request}）不同（RFC 3261 §8.2.6.2）',
  },
  responseToTagMismatch: {
    en: 'To tag of this response differs from the To tag of the request it answers (message {request}) (RFC 3261 §8.2.6.2)',
    'zh-cn': '此响应的 To tag 与其应答的请求（消息 {request}）的 To tag 不同（RFC 3261 §8.2.6.2）',
  },
  responseViaMismatch: {
    en: 'Via of this response ({actual} values) does not copy the Via of the request it answers (message {request}, {expected} values) (RFC 3261 §8.2.6.2)',
    'zh-cn': '此响应的 Via（{actual} 个值）没有照抄其应答的请求（消息 {request}，{expected} 个值）的 Via（RFC 3261 §8.2.6.2）',
  },
  responseRecordRouteMismatch: {
    en: 'This response creates a dialog but carries {actual} Record-Route values where the request it answers (message {request}) has {expected} (RFC 3261 §12.1.1)',
    'zh-cn': '此响应建立对话，但携带 {actual} 个 Record-Route 值，而其应答的请求（消息 {request}）有 {expected} 个（RFC 3261 §12.1.1）',
  },
  relatedRequest: {
    en: 'The request this response answers',
    'zh-cn': '此响应所应答的请求',
  },
  retransmission: {
    en: 'Retransmission of message {first}',
    'zh-cn': '消息 {first} 的重传',
  },
  relatedFirstTransmission: {
    en: 'First transmission',
    'zh-cn': '首次发送',
  },
  unanswered: {
    en: '{method} request has no final response in this trace',
    'zh-cn': '此跟踪中没有该 {method} 请求的最终响应',
  },
  parseProblem: {
    en: '{text}',
    'zh-cn': '{text}',
  },
} satisfies Record<string, Localized>;

export type MessageId = keyof typeof CATALOGUE;

/** A template split once into literal text and placeholder names (odd indexes). */
const compiled = new Map<string, readonly string[]>();

function compile(template: string): readonly string[] {
  let parts = compiled.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    compiled.set(template, parts);
  }
  return parts;
}

/** The text of a catalogue message in a language, placeholders filled. */
export function formatMessage(id: MessageId, language: Language, params?: Readonly<Record<string, string | number>>): string {
  const template = CATALOGUE[id][language] ?? CATALOGUE[id].en;
  if (!params) {
    return template;
  }
  const parts = compile(template);
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    let value: string | number | undefined = params[parts[i]];
    if (value === undefined && parts[i] === 'reason') {
      // A parser syntax reason travels as codes (see reasonParams): worded here, in `language`.
      const reason = reasonFromParams(params);
      value = reason === undefined ? undefined : syntaxReasonText(reason, language);
    }
    out += (value === undefined ? `{${parts[i]}}` : String(value)) + parts[i + 1];
  }
  return out;
}

/** All message ids (for the catalogue's own completeness test). */
export function messageIds(): MessageId[] {
  return Object.keys(CATALOGUE) as MessageId[];
}

/** The localized catalogue entry (for tests: every entry has both languages). */
export function catalogueEntry(id: MessageId): Localized {
  return CATALOGUE[id];
}

/**
 * Chinese explanations of the reader's and parser's problem codes. The parser words its own
 * messages in English (they name the exact character or element); in Chinese the explanation of
 * the code comes first and the parser's detail follows in parentheses.
 */
const PARSE_PROBLEM_ZH: Readonly<Record<string, string>> = {
  'invalid-start-line': '起始行既不是请求行也不是状态行（RFC 3261 §7.1、§7.2）',
  'start-line-whitespace': '起始行各元素之间必须恰好用一个空格分隔（RFC 3261 §7.1）',
  'request-uri-whitespace': 'Request-URI 中不得含有空白（RFC 3261 §7.1）',
  'invalid-sip-version': 'SIP 版本格式无效（RFC 3261 §7.1）',
  'invalid-status-code': '状态码必须是 100 到 699 之间的三位数字（RFC 3261 §7.2）',
  'invalid-method': '方法不是合法的 token（RFC 3261 §25）',
  'malformed-header': '头字段格式错误（RFC 3261 §7.3.1）',
  'missing-header-terminator': '头字段之后没有空行（消息可能被截断）',
  'whitespace-blank-line': '只含空白的行被当作头字段结束的空行',
  'stray-cr': '行尾多出一个 CR（CR CR LF），按一个行结束处理（RFC 3261 §7）',
  'truncated-message': '消息被截断：文件结束或 Content-Length 超出了后续内容',
  'unparsed-text': '消息（按其 Content-Length）结束后的文本不属于任何消息',
  'binary-data': '消息之外的二进制数据',
  'unrecognized-message': '日志工具声明此处有 SIP 消息，但其后没有 SIP 起始行',
  'reader-failure': '跟踪读取器处理此文件失败，未读取任何内容',
  'content-length-mismatch': 'Content-Length 与消息体不一致',
};

/** The text of a reader/parser problem in a language. */
export function parseProblemText(code: string, message: string, language: Language): string {
  if (language === 'zh-cn') {
    const zh = PARSE_PROBLEM_ZH[code];
    if (zh) {
      return message ? `${zh}（${message}）` : zh;
    }
  }
  return message;
}
