/**
 * The texts of the parser's syntax reasons (src/core/parser/reasons.ts) in every language the
 * extension speaks, so an `invalid-uri` diagnostic is worded entirely in the user's language.
 * Placeholders: `{name}`, `{text}`, `{char}` (a described character), `{part}` (a described URI part).
 */
import type { Language, Localized } from '../knowledge/types';
import type { ReasonContext, SyntaxReason, SyntaxReasonCode, UriPart } from '../parser/reasons';
import type { MessageParams } from './rule';

const TEXTS: Readonly<Record<SyntaxReasonCode, Localized>> = {
  'bad-escape': { en: '{part} has a "%" that is not followed by two hex digits', 'zh-cn': '{part}中的“%”后面不是两位十六进制数字' },
  'bad-char': { en: '{part} contains {char}, which must be escaped or is not allowed there', 'zh-cn': '{part}含有{char}，该字符必须转义或不允许出现在此处' },
  'uri-param-no-name': { en: 'a URI parameter has no name', 'zh-cn': '有一个 URI 参数没有名称' },
  'uri-param-empty': { en: 'the URI has an empty parameter (";;" or a trailing ";")', 'zh-cn': 'URI 含有空参数（“;;”或结尾的“;”）' },
  'uri-param-no-value': { en: 'URI parameter "{name}" has "=" but no value', 'zh-cn': 'URI 参数“{name}”有“=”却没有值' },
  'uri-header-no-name': { en: 'a URI header has no name', 'zh-cn': '有一个 URI 头没有名称' },
  'uri-header-no-value': { en: 'URI header "{name}" has no "=value"', 'zh-cn': 'URI 头“{name}”缺少“=值”' },
  'multiple-at': { en: 'the URI contains more than one "@"', 'zh-cn': 'URI 含有多个“@”' },
  'empty-user': { en: 'the user part before "@" is empty', 'zh-cn': '“@”之前的用户部分为空' },
  'ipv6-unbracketed': {
    en: '"{text}" is an IPv6 address without the "[ ]" an IPv6 reference needs (RFC 3261 §25.1, RFC 5118 §4.2)',
    'zh-cn': '“{text}”是 IPv6 地址，但缺少 IPv6 引用所需的“[ ]”（RFC 3261 §25.1、RFC 5118 §4.2）',
  },
  'port-empty': { en: 'the port after ":" is empty', 'zh-cn': '“:”之后的端口为空' },
  'port-not-number': { en: 'the port "{text}" is not a number', 'zh-cn': '端口“{text}”不是数字' },
  'port-out-of-range': { en: 'the port {text} is out of range (0-65535)', 'zh-cn': '端口 {text} 超出范围（0-65535）' },
  'char-after-host': { en: 'unexpected {char} after the host', 'zh-cn': '主机之后出现了意外的{char}' },
  'tel-empty': { en: 'the telephone number is empty', 'zh-cn': '电话号码为空' },
  'tel-bad-char': { en: 'the telephone number contains {char}', 'zh-cn': '电话号码含有{char}' },
  'tel-no-digits': { en: 'the telephone number has no digits', 'zh-cn': '电话号码中没有数字' },
  'tel-needs-context': {
    en: 'a local telephone number needs a ";phone-context=" parameter (RFC 3966 §5.1.5)',
    'zh-cn': '本地电话号码需要“;phone-context=”参数（RFC 3966 §5.1.5）',
  },
  'nothing-after-scheme': { en: 'nothing follows the scheme', 'zh-cn': '协议名（scheme）之后没有内容' },
  'uri-empty': { en: 'the URI is empty', 'zh-cn': 'URI 为空' },
  'request-uri-bracketed': { en: 'the Request-URI must not be enclosed in "<>" (RFC 3261 §7.1)', 'zh-cn': 'Request-URI 不得用“<>”括起（RFC 3261 §7.1）' },
  'uri-bracketed': { en: 'the URI is enclosed in "<>" where a bare URI is expected', 'zh-cn': '此处应为不带括号的 URI，却用“<>”括起' },
  'request-uri-whitespace': {
    en: 'the Request-URI contains whitespace (RFC 3261 §7.1: no unescaped spaces)',
    'zh-cn': 'Request-URI 含有空白（RFC 3261 §7.1：不得有未转义的空格）',
  },
  'uri-whitespace': { en: 'the URI contains whitespace', 'zh-cn': 'URI 含有空白' },
  'not-a-uri': { en: '"{text}" is not a URI (no "scheme:")', 'zh-cn': '“{text}”不是 URI（没有“scheme:”）' },
  'request-uri-headers': {
    en: 'the Request-URI must not contain URI headers ("?name=value"; RFC 3261 §19.1.1 Table 1)',
    'zh-cn': 'Request-URI 不得含有 URI 头（“?name=value”；RFC 3261 §19.1.1 表 1）',
  },
  'host-empty': { en: 'the host is empty', 'zh-cn': '主机为空' },
  'ipv6-unclosed': { en: 'the IPv6 reference is missing its closing "]"', 'zh-cn': 'IPv6 引用缺少结尾的“]”' },
  'ipv6-three-colons': {
    en: '"{text}" is not a valid IPv6 address (three colons in a row; RFC 5118 §4.10)',
    'zh-cn': '“{text}”不是有效的 IPv6 地址（连续三个冒号；RFC 5118 §4.10）',
  },
  'ipv6-invalid': { en: '"{text}" is not a valid IPv6 address', 'zh-cn': '“{text}”不是有效的 IPv6 地址' },
  'host-invalid': { en: '"{text}" is not a valid hostname or IPv4 address', 'zh-cn': '“{text}”不是有效的主机名或 IPv4 地址' },
  'quoted-line-break': { en: 'a quoted string escapes a line break', 'zh-cn': '引号字符串中转义了换行符' },
  'quoted-bad-char': { en: 'a quoted string contains {char}, which must be escaped with "\\"', 'zh-cn': '引号字符串含有{char}，必须用“\\”转义' },
  'quoted-unterminated': { en: 'unterminated quoted string (no closing \'"\')', 'zh-cn': '引号字符串未结束（缺少结尾的“"”）' },
  'param-no-name': { en: 'a header parameter has no name', 'zh-cn': '有一个头参数没有名称' },
  'param-empty': { en: 'empty header parameter (";;" or a trailing ";")', 'zh-cn': '空的头参数（“;;”或结尾的“;”）' },
  'param-name-not-token': { en: 'header parameter name "{name}" is not a token', 'zh-cn': '头参数名“{name}”不是合法的 token' },
  'param-needs-quoting': { en: 'parameter "{name}" has a value with {char}, which needs quoting', 'zh-cn': '参数“{name}”的值含有{char}，须加引号' },
  'param-no-value': { en: 'parameter "{name}" has "=" but no value', 'zh-cn': '参数“{name}”有“=”却没有值' },
  'value-empty': { en: 'the value is empty', 'zh-cn': '取值为空' },
  'display-name-needs-uri': { en: 'a quoted display name must be followed by "<URI>"', 'zh-cn': '带引号的显示名之后必须跟“<URI>”' },
  'display-name-unquoted': {
    en: 'the display name "{text}" contains {char}; such a display name must be quoted (RFC 3261 §25)',
    'zh-cn': '显示名“{text}”含有{char}；这样的显示名必须加引号（RFC 3261 §25）',
  },
  'missing-raquot': { en: 'missing ">" after the URI', 'zh-cn': 'URI 之后缺少“>”' },
  'whitespace-in-brackets': {
    en: 'whitespace inside "<>" around the URI (RFC 3261 §25: no LWS within the addr-spec)',
    'zh-cn': '“<>”内 URI 两侧有空白（RFC 3261 §25：addr-spec 内不得有 LWS）',
  },
  'char-after-raquot': { en: 'unexpected {char} after ">"', 'zh-cn': '“>”之后出现了意外的{char}' },
  'bare-uri-needs-brackets': {
    en: 'a URI containing {char} must be enclosed in "<>" (RFC 3261 §20); here it is a bare addr-spec',
    'zh-cn': '含有{char}的 URI 必须用“<>”括起（RFC 3261 §20）；此处却是裸 addr-spec',
  },
  'raquot-without-laquot': { en: 'unexpected ">" without "<"', 'zh-cn': '出现了没有“<”对应的“>”' },
  'via-empty': { en: 'the Via value is empty', 'zh-cn': 'Via 取值为空' },
  'via-no-protocol': { en: 'missing sent-protocol (expected e.g. "SIP/2.0/UDP host")', 'zh-cn': '缺少 sent-protocol（应如“SIP/2.0/UDP host”）' },
  'via-no-slash': { en: 'expected "/" after protocol name "{text}"', 'zh-cn': '协议名“{text}”之后应为“/”' },
  'via-no-version': { en: 'missing protocol version after "/"', 'zh-cn': '“/”之后缺少协议版本' },
  'via-no-transport-slash': { en: 'expected "/" and a transport after "{text}"', 'zh-cn': '“{text}”之后应为“/”和传输协议' },
  'via-no-transport': { en: 'missing transport after the second "/"', 'zh-cn': '第二个“/”之后缺少传输协议' },
  'via-no-host': { en: 'missing sent-by host', 'zh-cn': '缺少 sent-by 主机' },
  'via-char-after-transport': { en: 'unexpected {char} after the transport', 'zh-cn': '传输协议之后出现了意外的{char}' },
  'via-ipv6-unbracketed': {
    en: 'sent-by "{text}" is an IPv6 address without the "[ ]" an IPv6 reference needs (RFC 3261 §25.1)',
    'zh-cn': 'sent-by“{text}”是 IPv6 地址，但缺少 IPv6 引用所需的“[ ]”（RFC 3261 §25.1）',
  },
  'via-bad-port': { en: 'sent-by port "{text}" is not a port number', 'zh-cn': 'sent-by 端口“{text}”不是端口号' },
  'via-char-after-sent-by': { en: 'unexpected {char} after sent-by', 'zh-cn': 'sent-by 之后出现了意外的{char}' },
  'via-branch': { en: 'the branch parameter needs a token value', 'zh-cn': 'branch 参数需要 token 取值' },
  'via-received-missing': { en: 'the received parameter needs an IP address', 'zh-cn': 'received 参数需要 IP 地址' },
  'via-received-invalid': { en: 'received="{text}" is not an IPv4 or IPv6 address', 'zh-cn': 'received="{text}" 不是 IPv4 或 IPv6 地址' },
  'via-ttl': { en: 'the ttl parameter must be a number 0-255', 'zh-cn': 'ttl 参数必须是 0 到 255 的数字' },
  'via-maddr': { en: 'the maddr parameter needs a host', 'zh-cn': 'maddr 参数需要主机' },
  'via-rport': { en: 'the rport parameter must be empty or a port number', 'zh-cn': 'rport 参数必须为空或为端口号' },
};

const PARTS: Readonly<Record<UriPart, Localized>> = {
  uri: { en: 'the URI', 'zh-cn': 'URI ' },
  user: { en: 'the user part', 'zh-cn': '用户部分' },
  password: { en: 'the password', 'zh-cn': '密码' },
  'param-name': { en: 'URI parameter name "{name}"', 'zh-cn': 'URI 参数名“{name}”' },
  'param-value': { en: 'the value of URI parameter "{name}"', 'zh-cn': 'URI 参数“{name}”的值' },
  'header-name': { en: 'URI header name "{name}"', 'zh-cn': 'URI 头名“{name}”' },
  'header-value': { en: 'the value of URI header "{name}"', 'zh-cn': 'URI 头“{name}”的值' },
};

const CONTEXTS: Readonly<Record<ReasonContext, Localized>> = {
  'display-name': { en: 'display name: ', 'zh-cn': '显示名：' },
  parameter: { en: 'parameter "{name}": ', 'zh-cn': '参数“{name}”：' },
  'sent-by': { en: 'sent-by: ', 'zh-cn': 'sent-by：' },
};

/** A character as a reason names it: a space, a tab, a control character by code, else quoted. */
function describeChar(c: number, language: Language): string {
  const zh = language === 'zh-cn';
  if (c === 32) {
    return zh ? '空格' : 'a space';
  }
  if (c === 9) {
    return zh ? '制表符' : 'a tab';
  }
  if (c < 32 || c === 127) {
    const code = `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
    return zh ? `控制字符 ${code}` : `the control character ${code}`;
  }
  const ch = String.fromCharCode(c);
  return zh ? `“${ch}”` : `"${ch}"`;
}

function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/** The text of a syntax reason in a language. */
export function syntaxReasonText(reason: SyntaxReason, language: Language): string {
  const values: Record<string, string> = {
    name: reason.name ?? '',
    text: reason.text ?? '',
    char: reason.char === undefined ? '' : describeChar(reason.char, language),
  };
  if (reason.part !== undefined) {
    values.part = fill(PARTS[reason.part][language], values);
  }
  const body = fill(TEXTS[reason.code][language], values);
  return reason.context === undefined ? body : fill(CONTEXTS[reason.context][language], values) + body;
}

/** Every reason code with its texts (for the catalogue's completeness test). */
export function syntaxReasonCodes(): SyntaxReasonCode[] {
  return Object.keys(TEXTS) as SyntaxReasonCode[];
}

const REASON_KEYS = ['code', 'part', 'name', 'char', 'text', 'context'] as const;

/**
 * A reason as finding parameters (`reasonCode`, `reasonName` ...): findings are cached without a
 * language, so the reason is worded only when the diagnostic is made ({@link reasonFromParams}).
 */
export function reasonParams(reason: SyntaxReason): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const key of REASON_KEYS) {
    const value = reason[key];
    if (value !== undefined) {
      out[`reason${key[0].toUpperCase()}${key.slice(1)}`] = value;
    }
  }
  return out;
}

/** The reason stored by {@link reasonParams}, or undefined when the parameters hold none. */
export function reasonFromParams(params: MessageParams): SyntaxReason | undefined {
  const code = params.reasonCode;
  if (typeof code !== 'string' || !(code in TEXTS)) {
    return undefined;
  }
  const reason: { -readonly [K in keyof SyntaxReason]: SyntaxReason[K] } = { code: code as SyntaxReasonCode };
  if (typeof params.reasonPart === 'string') {
    reason.part = params.reasonPart as UriPart;
  }
  if (typeof params.reasonName === 'string') {
    reason.name = params.reasonName;
  }
  if (typeof params.reasonChar === 'number') {
    reason.char = params.reasonChar;
  }
  if (typeof params.reasonText === 'string') {
    reason.text = params.reasonText;
  }
  if (typeof params.reasonContext === 'string') {
    reason.context = params.reasonContext as ReasonContext;
  }
  return reason;
}
