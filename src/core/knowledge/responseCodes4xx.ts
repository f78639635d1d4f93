/**
 * Registered request-failure codes (IANA SIP response-code registry; RFC 3261 §21.4 and the
 * extension RFCs). Sections are given only where the RFC text was checked.
 */

import {
  BAD_EVENT,
  INTERVAL_TOO_BRIEF,
  UNSUPPORTED_MEDIA,
  always,
  onlyWhen,
} from './responseRequirements';
import { registered, rfc, t } from './text';
import type { ResponseCodeInfo } from './types';

export const REQUEST_FAILURE_CODES: readonly ResponseCodeInfo[] = [
  registered(400, {
    phrase: 'Bad Request',
    ref: rfc(3261, '21.4.1'),
    meaning: t(
      'The request could not be understood because of malformed syntax: a broken header, a missing mandatory header, a wrong Content-Length and the like. The reason phrase should name the problem, e.g. "Missing Call-ID Header".',
      '请求语法错误，无法理解：头域格式错误、缺少必需头域、Content-Length 不正确等。原因短语应指明具体问题，例如 "Missing Call-ID Header"。',
    ),
    nextStep: t(
      'Fix the request (check it against the RFC 3261 §25 grammar and the mandatory headers) before trying again; the same message will be rejected again.',
      '先修正请求（对照 RFC 3261 §25 语法和必需头域检查）再重试；原样重发仍会被拒绝。',
    ),
  }),
  registered(401, {
    phrase: 'Unauthorized',
    ref: rfc(3261, '21.4.2'),
    seeAlso: [rfc(3261, '22.2')],
    meaning: t(
      'A UAS or registrar requires the user to authenticate. WWW-Authenticate carries the challenge (realm, nonce, algorithm). Proxies challenge with 407, never with 401.',
      'UAS 或注册服务器要求用户进行认证。WWW-Authenticate 携带质询（realm、nonce、algorithm）。代理使用 407 质询，不得使用 401。',
    ),
    nextStep: t(
      'Resend the request with an Authorization header computed from the challenge (same Call-ID, CSeq incremented, new branch). If credentials for that realm were already rejected and the nonce is not marked stale, stop: the credentials are wrong.',
      '根据质询计算 Authorization 头后重发请求（Call-ID 不变、CSeq 加一、新的 branch）。若该 realm 的凭据已被拒绝且 nonce 未标记 stale，应停止重试：凭据有误。',
    ),
    requires: [always('WWW-Authenticate', 'must', 3261, '22.2')],
  }),
  registered(402, {
    phrase: 'Payment Required',
    ref: rfc(3261, '21.4.3'),
    meaning: t(
      'Reserved for future use by RFC 3261. Some operators use it to signal that the account has no credit.',
      'RFC 3261 中保留供将来使用。部分运营商用它表示账户余额不足。',
    ),
    nextStep: t(
      'Handle it as a generic request failure; if the operator uses it for billing, check the account balance before retrying.',
      '按一般请求失败处理；若运营商将其用于计费，重试前先检查账户余额。',
    ),
  }),
  registered(403, {
    phrase: 'Forbidden',
    ref: rfc(3261, '21.4.4'),
    meaning: t(
      'The server understood the request and refuses to serve it, and authenticating would not change that: a barred destination, an address that is not allowed, a disabled account, a policy decision.',
      '服务器理解请求但拒绝提供服务，且认证也无法改变结果：例如目的地被禁止、来源地址不被允许、账户已停用或策略拒绝。',
    ),
    nextStep: t(
      'Do not repeat the request, with or without credentials. Check the policy, access lists or account state on the server side.',
      '不要重发请求，无论是否带凭据。应检查服务器端的策略、访问控制列表或账户状态。',
    ),
  }),
  registered(404, {
    phrase: 'Not Found',
    ref: rfc(3261, '21.4.5'),
    meaning: t(
      'The server states that the user does not exist in the domain of the Request-URI, or that the domain is not one it serves.',
      '服务器明确表示 Request-URI 所在域中不存在该用户，或该域不由本服务器负责。',
    ),
    nextStep: t(
      'Check the dialled number or Request-URI (and, at the far end, whether the callee is provisioned or registered); the unchanged request will fail again.',
      '检查所拨号码或 Request-URI（以及被叫在对端是否已开户或已注册）；原样重发仍会失败。',
    ),
  }),
  registered(405, {
    phrase: 'Method Not Allowed',
    ref: rfc(3261, '21.4.6'),
    meaning: t(
      'The server recognises the method but does not allow it for the addressed resource, for example a REGISTER sent to a phone. Allow lists the methods that are accepted. A method the server does not know at all gets 501 instead.',
      '服务器识别该方法，但不允许对所寻址的资源使用，例如向话机发送 REGISTER。Allow 列出可接受的方法。服务器完全不认识的方法应返回 501。',
    ),
    nextStep: t(
      'Read Allow and use a permitted method, or stop; repeating the same method will fail again.',
      '查看 Allow 并改用允许的方法，或停止；重复同一方法仍会失败。',
    ),
    requires: [always('Allow', 'must', 3261, '21.4.6')],
  }),
  registered(406, {
    phrase: 'Not Acceptable',
    ref: rfc(3261, '21.4.7'),
    meaning: t(
      'The resource can only produce responses whose content type, coding or language is not acceptable according to the Accept headers of the request.',
      '该资源只能生成内容类型、编码或语言不符合请求中 Accept 类头域要求的响应。',
    ),
    nextStep: t(
      'Widen Accept, Accept-Encoding or Accept-Language in the request, or give up.',
      '放宽请求中的 Accept、Accept-Encoding 或 Accept-Language，或放弃。',
    ),
  }),
  registered(407, {
    phrase: 'Proxy Authentication Required',
    ref: rfc(3261, '21.4.8'),
    seeAlso: [rfc(3261, '22.3')],
    meaning: t(
      'A proxy on the path requires the client to authenticate before it forwards the request; Proxy-Authenticate carries the challenge.',
      '路径上的代理要求客户端先认证才转发请求；Proxy-Authenticate 携带质询。',
    ),
    nextStep: t(
      'Resend with a Proxy-Authorization header for that realm (same Call-ID, CSeq incremented); keep offering the credentials on later requests through that proxy. Another 407 right after valid-looking credentials usually means a wrong password.',
      '携带针对该 realm 的 Proxy-Authorization 头重发（Call-ID 不变、CSeq 加一）；之后经该代理的请求也应继续携带凭据。带凭据后仍立即收到 407，通常表示密码错误。',
    ),
    requires: [always('Proxy-Authenticate', 'must', 3261, '22.3')],
  }),
  registered(408, {
    phrase: 'Request Timeout',
    ref: rfc(3261, '21.4.9'),
    meaning: t(
      'The server could not produce a final response in time, for example it could not find the user before its timer expired. A UAC or proxy also reports it locally when a transaction timer (B, F or C) fires without a final response.',
      '服务器未能及时给出最终响应，例如在其定时器到期前未找到用户。当事务定时器（B、F 或 C）到期而未收到最终响应时，UAC 或代理也会在本地产生该响应。',
    ),
    nextStep: t(
      'The request may be retried later. Check that the next hop or the registered contact is reachable (NAT bindings, firewalls, dead registrations).',
      '可以稍后重试请求。检查下一跳或已注册联系地址是否可达（NAT 映射、防火墙、失效的注册）。',
    ),
  }),
  registered(410, {
    phrase: 'Gone',
    ref: rfc(3261, '21.4.10'),
    meaning: t(
      'The resource used to exist at this server but is permanently gone, and no forwarding address is known. When the server cannot tell whether the loss is permanent it uses 404.',
      '该资源曾存在于本服务器，但已永久不可用，且没有已知的转移地址。服务器无法确定是否永久时应使用 404。',
    ),
    nextStep: t(
      'Remove the address from address books and routing data; do not retry.',
      '从通讯录和路由数据中删除该地址；不要重试。',
    ),
  }),
  registered(412, {
    phrase: 'Conditional Request Failed',
    ref: rfc(3903, '11.2.1'),
    meaning: t(
      'A conditional request failed its precondition: typically a PUBLISH whose SIP-If-Match entity-tag matches no event state the server still holds (it expired or was replaced).',
      '条件请求的前提条件不成立：通常是 PUBLISH 的 SIP-If-Match 实体标签与服务器仍保存的任何事件状态都不匹配（已过期或已被替换）。',
    ),
    nextStep: t(
      'Send a new initial PUBLISH without SIP-If-Match carrying the full state, and use the SIP-ETag of its 200 for later refreshes.',
      '发送不带 SIP-If-Match、携带完整状态的新初始 PUBLISH，并在后续刷新中使用其 200 响应中的 SIP-ETag。',
    ),
  }),
  registered(413, {
    phrase: 'Request Entity Too Large',
    ref: rfc(3261, '21.4.11'),
    meaning: t(
      'The request body is larger than the server is willing or able to process; the server may close the connection. When the condition is temporary, Retry-After should say when to try again.',
      '请求消息体超出了服务器愿意或能够处理的大小；服务器可能关闭连接。若情况是暂时的，应用 Retry-After 说明何时重试。',
    ),
    nextStep: t(
      'Make the body smaller (fewer codecs or media lines, compression, content by reference) or retry after the Retry-After interval.',
      '缩小消息体（减少编解码器或媒体行、压缩、改用引用方式传递内容），或在 Retry-After 所示时间后重试。',
    ),
    requires: [
      onlyWhen(always('Retry-After', 'should', 3261, '21.4.11'), {
        condition: t('When the condition is temporary.', '当该情况是暂时性的时候。'),
        when: ['temporary-condition'],
      }),
    ],
  }),
  registered(414, {
    phrase: 'Request-URI Too Long',
    ref: rfc(3261, '21.4.12'),
    meaning: t(
      'The Request-URI is longer than the server is willing to interpret.',
      'Request-URI 超过了服务器愿意解析的长度。',
    ),
    nextStep: t(
      'Shorten the Request-URI (drop unneeded parameters or embedded headers) and retry.',
      '缩短 Request-URI（去掉不必要的参数或内嵌头域）后重试。',
    ),
  }),
  registered(415, {
    phrase: 'Unsupported Media Type',
    ref: rfc(3261, '21.4.13'),
    seeAlso: [rfc(3261, '8.2.3')],
    meaning: t(
      'The UAS cannot handle the body: its media type, content coding or language is not supported (for example a MESSAGE with an unknown Content-Type). Accept, Accept-Encoding and Accept-Language list what it does support.',
      'UAS 无法处理该消息体：其媒体类型、内容编码或语言不受支持（例如 Content-Type 未知的 MESSAGE）。Accept、Accept-Encoding 和 Accept-Language 列出其支持的内容。',
    ),
    nextStep: t(
      'Resend with a body whose type, coding and language appear in those headers, or without the body if it is optional.',
      '改用上述头域中列出的类型、编码和语言重发消息体；若消息体可选，也可不带消息体重发。',
    ),
    requires: UNSUPPORTED_MEDIA,
  }),
  registered(416, {
    phrase: 'Unsupported URI Scheme',
    ref: rfc(3261, '21.4.14'),
    meaning: t(
      'The server does not understand the scheme of the Request-URI (for example tel:, im: or an unknown one).',
      '服务器无法理解 Request-URI 的协议方案（例如 tel:、im: 或未知方案）。',
    ),
    nextStep: t(
      'Retry with a scheme the server supports (normally sip: or sips:), or route through a server that handles this scheme (RFC 3261 §8.1.3.5).',
      '改用服务器支持的方案（通常为 sip: 或 sips:）重试，或经由能处理该方案的服务器路由（RFC 3261 §8.1.3.5）。',
    ),
  }),
  registered(417, {
    phrase: 'Unknown Resource-Priority',
    ref: rfc(4412),
    meaning: t(
      'The server did not understand the namespace or priority value in the request’s Resource-Priority header while it was required to act on it (emergency and government priority schemes). Accept-Resource-Priority can list the values it supports.',
      '服务器无法理解请求中 Resource-Priority 头的命名空间或优先级值，而该请求又要求其据此处理（用于紧急和政府优先级方案）。Accept-Resource-Priority 可列出其支持的取值。',
    ),
    nextStep: t(
      'Retry with a namespace and value listed in Accept-Resource-Priority, or without Resource-Priority if priority treatment is not essential.',
      '改用 Accept-Resource-Priority 中列出的命名空间和取值重试；若优先级处理并非必需，也可不带 Resource-Priority 重试。',
    ),
    requires: [always('Accept-Resource-Priority', 'should', 4412, undefined, 'unverified')],
  }),
  registered(420, {
    phrase: 'Bad Extension',
    ref: rfc(3261, '21.4.15'),
    meaning: t(
      'The server does not support an option tag listed in Require (checked by the UAS) or Proxy-Require (checked by proxies). Unsupported lists the tags that were not understood.',
      '服务器不支持 Require（由 UAS 检查）或 Proxy-Require（由代理检查）中列出的选项标签。Unsupported 列出未能理解的标签。',
    ),
    nextStep: t(
      'Retry without the tags listed in Unsupported, falling back to baseline behaviour, if the request can do without those extensions (RFC 3261 §8.1.3.5).',
      '若请求可以不依赖这些扩展，则去掉 Unsupported 中列出的标签、退回基本行为后重试（RFC 3261 §8.1.3.5）。',
    ),
    requires: [always('Unsupported', 'must', 3261, '21.4.15')],
  }),
  registered(421, {
    phrase: 'Extension Required',
    ref: rfc(3261, '21.4.16'),
    meaning: t(
      'The UAS needs an extension that the request did not list in Supported; Require names it. A UAS should send this only when it can give no useful service without the extension (for example 100rel or timer).',
      'UAS 需要某个扩展，但请求的 Supported 中未列出；Require 指明所需扩展。UAS 只应在没有该扩展就无法提供任何有用服务时才发送此响应（例如 100rel 或 timer）。',
    ),
    nextStep: t(
      'If the UAC implements the extensions named in Require, retry with them in Supported and use them; otherwise the request cannot succeed at this UAS.',
      '若 UAC 实现了 Require 中指定的扩展，则在 Supported 中列出并使用它们后重试；否则该请求在此 UAS 无法成功。',
    ),
    requires: [always('Require', 'must', 3261, '21.4.16')],
  }),
  registered(422, {
    phrase: 'Session Interval Too Small',
    ref: rfc(4028, '6'),
    meaning: t(
      'The session-timer interval in the request’s Session-Expires is below the minimum this server accepts; Min-SE gives that minimum.',
      '请求中 Session-Expires 的会话定时器间隔低于本服务器可接受的最小值；Min-SE 给出该最小值。',
    ),
    nextStep: t(
      'Retry with Session-Expires (and Min-SE) at least as large as the Min-SE of the response.',
      '将 Session-Expires（以及 Min-SE）设为不小于响应中 Min-SE 的值后重试。',
    ),
    requires: [always('Min-SE', 'must', 4028, '6', 'second-hand')],
  }),
  registered(423, {
    phrase: 'Interval Too Brief',
    ref: rfc(3261, '21.4.17'),
    meaning: t(
      'The expiration requested for a refreshed soft state (a registration, subscription or publication) is shorter than the server allows; Min-Expires states the shortest accepted interval.',
      '为需刷新的软状态（注册、订阅或发布）请求的有效期短于服务器允许的值；Min-Expires 给出可接受的最短间隔。',
    ),
    nextStep: t(
      'Retry with Expires (or the Contact expires parameter) of at least the Min-Expires value.',
      '将 Expires（或 Contact 的 expires 参数）设为不小于 Min-Expires 的值后重试。',
    ),
    requires: INTERVAL_TOO_BRIEF,
  }),
  registered(424, {
    phrase: 'Bad Location Information',
    ref: rfc(6442),
    meaning: t(
      'The location conveyed with the request (the Geolocation header or the location object in the body) was malformed or not usable for the recipient’s purpose, such as routing an emergency call.',
      '随请求传递的位置信息（Geolocation 头或消息体中的位置对象）格式错误，或无法满足接收方的用途（例如紧急呼叫路由）。',
    ),
    nextStep: t(
      'Read Geolocation-Error for the reason, then correct or refresh the location and retry.',
      '查看 Geolocation-Error 了解原因，修正或更新位置信息后重试。',
    ),
  }),
  registered(425, {
    phrase: 'Bad Alert Message',
    ref: rfc(8876),
    meaning: t(
      'A non-interactive emergency call carried an alert message body (such as a CAP document) that the recipient found malformed or unacceptable. The AlertMsg-Error header can explain what was wrong.',
      '非交互式紧急呼叫携带的告警消息体（例如 CAP 文档）被接收方认为格式错误或不可接受。AlertMsg-Error 头可说明具体问题。',
    ),
    nextStep: t(
      'Correct the alert body according to AlertMsg-Error and send it again.',
      '根据 AlertMsg-Error 修正告警消息体后重新发送。',
    ),
  }),
  registered(428, {
    phrase: 'Use Identity Header',
    ref: rfc(8224),
    meaning: t(
      'The server’s policy requires a valid Identity header (a STIR signature over the calling and called identities) and the request had none.',
      '服务器策略要求请求带有有效的 Identity 头（对主被叫身份的 STIR 签名），而该请求没有。',
    ),
    nextStep: t(
      'Have an authentication service sign the request (add Identity) and retry; unsigned calls will keep being refused.',
      '由认证服务对请求签名（添加 Identity）后重试；未签名的呼叫会一直被拒绝。',
    ),
  }),
  registered(429, {
    phrase: 'Provide Referrer Identity',
    ref: rfc(3892, '5'),
    meaning: t(
      'The refer target will accept the triggered request only with a valid Referred-By token (a signed body identifying the referrer), and the request had none.',
      '被转接目标只接受带有有效 Referred-By 令牌（用于标识转接发起方的签名消息体）的请求，而该请求没有。',
    ),
    nextStep: t(
      'The referee reports the 429 to the referrer in a NOTIFY; the referrer can then send a new REFER whose Referred-By carries a token for the referee to pass on.',
      '被转接方通过 NOTIFY 将 429 报告给转接发起方；发起方可再发送新的 REFER，其 Referred-By 携带令牌供被转接方转交。',
    ),
  }),
  registered(430, {
    phrase: 'Flow Failed',
    ref: rfc(5626),
    meaning: t(
      'SIP Outbound: an edge proxy tells the authoritative proxy that the flow (connection) to the registered UA instance has failed, so the request cannot be delivered over it.',
      'SIP Outbound：边缘代理告知权威代理，通往已注册 UA 实例的流（连接）已失效，请求无法通过该流送达。',
    ),
    nextStep: t(
      'The proxy should stop using that flow and try another flow registered for the same instance. This code is meant for proxies, not for the calling UA.',
      '代理应停止使用该流，改用同一实例注册的其他流。此响应码供代理之间使用，而非面向主叫 UA。',
    ),
  }),
  registered(433, {
    phrase: 'Anonymity Disallowed',
    ref: rfc(5079),
    meaning: t(
      'The request was refused because it is anonymous (for example From: anonymous or Privacy: id) and the callee’s policy rejects anonymous calls.',
      '请求因匿名（例如 From 为 anonymous 或 Privacy: id）而被拒绝，被叫策略拒绝匿名呼叫。',
    ),
    nextStep: t(
      'Retry with the caller’s identity revealed if the user agrees, or tell the user that anonymous calls are not accepted.',
      '在用户同意时公开主叫身份后重试，或告知用户对方不接受匿名呼叫。',
    ),
  }),
  registered(436, {
    phrase: 'Bad Identity Info',
    ref: rfc(8224),
    meaning: t(
      'The verifier could not use the certificate reference of the Identity header (its info parameter): the URI cannot be dereferenced, its scheme is unsupported, or what it points to is unusable. RFC 4474 named this code "Bad Identity-Info".',
      '验证方无法使用 Identity 头中的证书引用（info 参数）：URI 无法获取、方案不受支持，或所指内容不可用。RFC 4474 中此响应码名为 "Bad Identity-Info"。',
    ),
    nextStep: t(
      'The signing side should fix the certificate location and make the repository reachable, then retry.',
      '签名方应修正证书位置并确保证书库可访问，然后重试。',
    ),
  }),
  registered(437, {
    phrase: 'Unsupported Credential',
    ref: rfc(8224),
    meaning: t(
      'The verifier could not validate the credential (certificate) referenced by the Identity header, for example because of an unsupported credential type or an untrusted issuer. RFC 4474 named this code "Unsupported Certificate".',
      '验证方无法验证 Identity 头所引用的凭据（证书），例如凭据类型不受支持或签发者不受信任。RFC 4474 中此响应码名为 "Unsupported Certificate"。',
    ),
    nextStep: t(
      'Sign with a credential the verifier trusts (check the certificate chain and trust anchors) and retry.',
      '改用验证方信任的凭据签名（检查证书链和信任锚）后重试。',
    ),
  }),
  registered(438, {
    phrase: 'Invalid Identity Header',
    ref: rfc(8224),
    meaning: t(
      'The Identity signature did not verify: the signed values (calling and called numbers, Date) no longer match the request, the Date is too old, or the signature itself is wrong.',
      'Identity 签名验证失败：被签名的值（主被叫号码、Date）与请求不再一致、Date 过旧，或签名本身错误。',
    ),
    nextStep: t(
      'Check that no intermediary rewrites signed fields (number normalisation, Date) and that the signer’s clock is right; re-sign and retry.',
      '检查是否有中间节点改写了被签名字段（号码规整、Date）以及签名方时钟是否准确；重新签名后重试。',
    ),
  }),
  registered(439, {
    phrase: 'First Hop Lacks Outbound Support',
    ref: rfc(5626),
    meaning: t(
      'A registrar received a REGISTER asking for SIP Outbound flow handling (reg-id and +sip.instance), but the first-hop edge proxy did not indicate outbound support, so the flow cannot be maintained.',
      '注册服务器收到要求 SIP Outbound 流处理（reg-id 和 +sip.instance）的 REGISTER，但第一跳边缘代理未表明支持 outbound，因此无法维护该流。',
    ),
    nextStep: t(
      'Register without the outbound parameters, or register through an edge proxy that supports RFC 5626.',
      '不带 outbound 参数注册，或经由支持 RFC 5626 的边缘代理注册。',
    ),
  }),
  registered(440, {
    phrase: 'Max-Breadth Exceeded',
    ref: rfc(5393),
    meaning: t(
      'A proxy could not fork the request because the remaining Max-Breadth allowed no further parallel branches; this limit protects against forking amplification.',
      '代理无法分叉该请求，因为剩余的 Max-Breadth 不允许再增加并行分支；该限制用于防止分叉放大攻击。',
    ),
    nextStep: t(
      'Reduce parallel forking (fewer targets per hop) or look for a forking loop; retry with a larger Max-Breadth only if policy allows it.',
      '减少并行分叉（每跳更少的目标）或排查分叉环路；仅在策略允许时用更大的 Max-Breadth 重试。',
    ),
  }),
  registered(469, {
    phrase: 'Bad Info Package',
    ref: rfc(6086),
    meaning: t(
      'An INFO request used an Info Package that the receiver has not declared (in Recv-Info) that it is willing to receive on this dialog. Recv-Info in the response lists the packages it accepts.',
      'INFO 请求使用了接收方未在本对话中（通过 Recv-Info）声明愿意接收的 Info Package。响应中的 Recv-Info 列出其接受的包。',
    ),
    nextStep: t(
      'Stop sending that package on this dialog; use one listed in Recv-Info, or negotiate it first with Recv-Info in an INVITE or re-INVITE.',
      '停止在本对话中发送该包；改用 Recv-Info 中列出的包，或先在 INVITE 或 re-INVITE 中通过 Recv-Info 协商。',
    ),
    requires: [always('Recv-Info', 'must', 6086, undefined, 'second-hand')],
  }),
  registered(470, {
    phrase: 'Consent Needed',
    ref: rfc(5360),
    meaning: t(
      'A relay (for example a URI-list service) needs a recipient’s permission before sending it requests, and that permission has not been given. Permission-Missing lists the targets without consent.',
      '中继（例如 URI 列表服务）需要先获得接收方许可才能向其发送请求，而尚未获得许可。Permission-Missing 列出未获同意的目标。',
    ),
    nextStep: t(
      'Ask the listed recipients for permission (the consent framework of RFC 5360) and retry once it is granted.',
      '向所列接收方请求许可（RFC 5360 的同意框架），获准后重试。',
    ),
    requires: [always('Permission-Missing', 'should', 5360, undefined, 'unverified')],
  }),
  registered(480, {
    phrase: 'Temporarily Unavailable',
    ref: rfc(3261, '21.4.18'),
    meaning: t(
      'The callee’s end system was reached but the user is not available right now (not logged in, do-not-disturb). Proxies also send it when they know the user but have no current registration. Retry-After may suggest when to try again, and the reason phrase should be more precise.',
      '已联系到被叫终端，但用户当前不可用（未登录、免打扰等）。代理在认识该用户但其当前没有注册时也会发送此响应。Retry-After 可建议何时再试，原因短语应给出更具体的原因。',
    ),
    nextStep: t(
      'Try again later (after Retry-After if given) or reach the user another way, such as voicemail.',
      '稍后重试（如有 Retry-After 则在其之后），或通过其他方式（如语音信箱）联系用户。',
    ),
  }),
  registered(481, {
    phrase: 'Call/Transaction Does Not Exist',
    ref: rfc(3261, '21.4.19'),
    meaning: t(
      'The UAS got a request that matches no dialog or transaction it knows: a BYE or re-INVITE for a dialog it already ended, a CANCEL with no matching INVITE, a NOTIFY for an unknown subscription, or tags and Call-ID altered on the way.',
      'UAS 收到的请求不匹配其已知的任何对话或事务：例如针对其已结束对话的 BYE 或 re-INVITE、没有对应 INVITE 的 CANCEL、针对未知订阅的 NOTIFY，或途中 tag 与 Call-ID 被改动。',
    ),
    nextStep: t(
      'Consider the dialog or subscription gone and release local state: after a 481 to a request within a dialog the UAC should terminate the dialog (RFC 3261 §12.2.1.2).',
      '认为该对话或订阅已不存在并释放本地状态：对话内请求收到 481 后，UAC 应终止该对话（RFC 3261 §12.2.1.2）。',
    ),
  }),
  registered(482, {
    phrase: 'Loop Detected',
    ref: rfc(3261, '21.4.20'),
    meaning: t(
      'A proxy found that the request has come back to it unchanged (loop detection, RFC 3261 §16.3 item 4). A UAS also sends it for a merged request: the same request that reached it over two paths after forking (§8.2.2.2).',
      '代理发现请求未经改变又回到了自己（环路检测，RFC 3261 §16.3 第 4 项）。UAS 对合并请求（分叉后经两条路径到达的同一请求，§8.2.2.2）也会发送此响应。',
    ),
    nextStep: t(
      'Look for a routing loop in forwarding rules, DNS or SRV records; if it answers a merged request after forking, it is harmless because another branch handles the call.',
      '排查转发规则、DNS 或 SRV 记录中的路由环路；若它是分叉后对合并请求的应答，则无害，因为另一分支会处理该呼叫。',
    ),
  }),
  registered(483, {
    phrase: 'Too Many Hops',
    ref: rfc(3261, '21.4.21'),
    meaning: t(
      'The request reached a server that would have to forward it, but its Max-Forwards was already 0.',
      '请求到达需要继续转发它的服务器时，其 Max-Forwards 已经为 0。',
    ),
    nextStep: t(
      'Look for a routing loop or an unusually long proxy chain, and check that the originator starts Max-Forwards at 70.',
      '排查路由环路或过长的代理链，并确认发起方的 Max-Forwards 初值为 70。',
    ),
  }),
  registered(484, {
    phrase: 'Address Incomplete',
    ref: rfc(3261, '21.4.22'),
    meaning: t(
      'The Request-URI is incomplete, typically a number sent during overlap dialling before all digits were collected.',
      'Request-URI 不完整，通常是重叠拨号时尚未收齐全部号码就发送了请求。',
    ),
    nextStep: t(
      'Collect more digits and send a new INVITE with the longer number, or prompt the user for the full address.',
      '收集更多号码后用更长的号码发送新的 INVITE，或提示用户输入完整地址。',
    ),
  }),
  registered(485, {
    phrase: 'Ambiguous',
    ref: rfc(3261, '21.4.23'),
    meaning: t(
      'The Request-URI matches several users. The response may list unambiguous alternatives in Contact, where privacy allows.',
      'Request-URI 匹配到多个用户。在隐私允许时，响应可在 Contact 中列出明确的备选地址。',
    ),
    nextStep: t(
      'Pick one of the Contact alternatives or ask the user to be more specific; do not choose automatically without confirmation.',
      '从 Contact 备选项中选择一个，或请用户给出更具体的地址；未经确认不要自动选择。',
    ),
  }),
  registered(486, {
    phrase: 'Busy Here',
    ref: rfc(3261, '21.4.24'),
    meaning: t(
      'The callee’s end system was reached but cannot take another call at this device. Retry-After may suggest a better time. When the user is busy everywhere, 600 is used instead.',
      '已联系到被叫终端，但该设备无法再接听呼叫。Retry-After 可建议更合适的时间。用户在所有地方都忙时应使用 600。',
    ),
    nextStep: t(
      'Tell the caller the line is busy; the user may still be reachable elsewhere (voicemail, another device via a proxy’s forking).',
      '告知主叫线路忙；用户可能仍可通过其他途径联系（语音信箱、代理分叉到的其他设备）。',
    ),
  }),
  registered(487, {
    phrase: 'Request Terminated',
    ref: rfc(3261, '21.4.25'),
    meaning: t(
      'The request was ended by a CANCEL (or BYE) before it completed; it is the final response of a cancelled INVITE. The CANCEL itself is answered with 200, never with 487.',
      '请求在完成前被 CANCEL（或 BYE）终止；它是被取消的 INVITE 的最终响应。CANCEL 本身应答 200，而不是 487。',
    ),
    nextStep: t(
      'Expected after a CANCEL: the UAC acknowledges it with an ACK in the same transaction (same branch), and there is nothing to retry.',
      '这是 CANCEL 之后的预期结果：UAC 在同一事务中（相同 branch）发送 ACK 确认，无需重试。',
    ),
  }),
  registered(488, {
    phrase: 'Not Acceptable Here',
    ref: rfc(3261, '21.4.26'),
    seeAlso: [rfc(3261, '14.2')],
    meaning: t(
      'This endpoint cannot accept the offered session description: no common codec, or an unsupported media type, transport profile or bandwidth. When a re-INVITE offer is rejected a Warning should say why, and a body may describe the supported capabilities.',
      '此终端无法接受所提供的会话描述：没有共同的编解码器，或媒体类型、传输配置或带宽不受支持。拒绝 re-INVITE 的 offer 时应用 Warning 说明原因，消息体可描述所支持的能力。',
    ),
    nextStep: t(
      'Adjust the offer (codecs, media types, RTP/SAVP profile, addresses) using the Warning and body hints and retry. After a rejected re-INVITE the session goes on with its previous parameters.',
      '根据 Warning 和消息体的提示调整 offer（编解码器、媒体类型、RTP/SAVP 配置、地址）后重试。re-INVITE 被拒后，会话沿用原先的参数继续。',
    ),
    requires: [
      onlyWhen(always('Warning', 'should', 3261, '14.2'), {
        condition: t('When the session description of a re-INVITE is rejected.', '当拒绝 re-INVITE 的会话描述时。'),
        methods: ['INVITE'],
        when: ['reinvite-offer-rejected'],
      }),
    ],
  }),
  registered(489, {
    phrase: 'Bad Event',
    ref: rfc(6665),
    seeAlso: [rfc(3265, '7.3.2')],
    meaning: t(
      'The server does not understand the event package named in the Event header of a SUBSCRIBE, NOTIFY or PUBLISH (or the header is missing). Allow-Events lists the packages it supports.',
      '服务器不理解 SUBSCRIBE、NOTIFY 或 PUBLISH 的 Event 头所指的事件包（或缺少该头）。Allow-Events 列出其支持的事件包。',
    ),
    nextStep: t(
      'Use a package listed in Allow-Events, or stop subscribing to or publishing at this server for this event.',
      '改用 Allow-Events 中列出的事件包，或停止就该事件向此服务器订阅或发布。',
    ),
    requires: BAD_EVENT,
  }),
  registered(491, {
    phrase: 'Request Pending',
    ref: rfc(3261, '21.4.27'),
    seeAlso: [rfc(3261, '14.1')],
    meaning: t(
      'The UAS had a request of its own still pending on the same dialog (glare), typically both sides sending a re-INVITE at the same time.',
      'UAS 在同一对话上自己也有尚未完成的请求（glare，请求冲突），典型情况是双方同时发送 re-INVITE。',
    ),
    nextStep: t(
      'Wait a random time and retry: the side that generated the dialog’s Call-ID waits 2.1 to 4 s, the other side 0 to 2 s (RFC 3261 §14.1).',
      '等待一段随机时间后重试：生成该对话 Call-ID 的一方等待 2.1 至 4 秒，另一方等待 0 至 2 秒（RFC 3261 §14.1）。',
    ),
  }),
  registered(493, {
    phrase: 'Undecipherable',
    ref: rfc(3261, '21.4.28'),
    meaning: t(
      'The UAS received an S/MIME-encrypted body for which it has no suitable decryption key. The response may carry the public key to use instead.',
      'UAS 收到了 S/MIME 加密的消息体，但没有合适的解密密钥。响应中可以携带应使用的公钥。',
    ),
    nextStep: t(
      'Encrypt again with the key supplied in the response, if any, or send unencrypted if policy allows.',
      '若响应中提供了公钥则用其重新加密，或在策略允许时以不加密方式发送。',
    ),
  }),
  registered(494, {
    phrase: 'Security Agreement Required',
    ref: rfc(3329),
    meaning: t(
      'The server requires a security-mechanism agreement (RFC 3329, used in IMS for IPsec or TLS towards the P-CSCF) before it processes requests; Security-Server lists the mechanisms it offers.',
      '服务器要求先完成安全机制协商（RFC 3329，IMS 中用于与 P-CSCF 之间的 IPsec 或 TLS）才处理请求；Security-Server 列出其提供的机制。',
    ),
    nextStep: t(
      'Choose a mechanism from Security-Server, set it up, and resend with Security-Verify echoing the server’s list (and sec-agree in Require and Proxy-Require).',
      '从 Security-Server 中选择一种机制并建立安全关联，然后重发请求，用 Security-Verify 回显服务器列表（并在 Require 和 Proxy-Require 中带上 sec-agree）。',
    ),
    requires: [always('Security-Server', 'should', 3329, undefined, 'unverified')],
  }),
];
