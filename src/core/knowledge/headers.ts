/**
 * Header fields: RFC 3261 §20 and the extension headers a SIP engineer meets in traces. Every
 * header of ../shared/reference/sip-rules.md §1 and §4 is here. `multi` follows RFC 3261 §7.3.1
 * and the ABNF (sip-rules.md §5.7 F1-F3): true for comma-separated lists and for the
 * authentication headers, which may repeat but must not be combined. Sections are given only
 * where the RFC text was checked.
 */

import { compactFormOf } from './headerNames';
import { rfc, t } from './text';
import type { HeaderInfo, Localized, RfcRef } from './types';

function header(
  name: string,
  ref: RfcRef,
  multi: boolean,
  description: Localized,
  seeAlso?: readonly RfcRef[],
): HeaderInfo {
  // The compact form comes from the one table the parser also uses, so the two cannot drift.
  const compact = compactFormOf(name);
  const base: HeaderInfo = { name, ref, multi, description };
  const withCompact = compact === undefined ? base : { ...base, compact };
  return seeAlso === undefined ? withCompact : { ...withCompact, seeAlso };
}

const SINGLE = false;
const LIST = true;

export const HEADERS: readonly HeaderInfo[] = [
  // RFC 3261 §20
  header('Accept', rfc(3261, '20.1'), LIST, t(
    'Media types the sender accepts in bodies, e.g. application/sdp. Absent means application/sdp only; a 415 lists the acceptable types here.',
    '发送方可接受的消息体媒体类型，例如 application/sdp。缺省时表示只接受 application/sdp；415 响应在此列出可接受的类型。',
  )),
  header('Accept-Encoding', rfc(3261, '20.2'), LIST, t(
    'Content codings the sender accepts in bodies (e.g. gzip). Absent means identity only.',
    '发送方可接受的消息体内容编码（例如 gzip）。缺省时表示只接受 identity（不编码）。',
  )),
  header('Accept-Language', rfc(3261, '20.3'), LIST, t(
    'Languages preferred for reason phrases, session descriptions and status bodies, with optional q-values.',
    '原因短语、会话描述和状态消息体的首选语言，可带 q 值。',
  )),
  header('Alert-Info', rfc(3261, '20.4'), LIST, t(
    'In an INVITE, a URI of an alternative ring tone for the callee; in a 180, an alternative ringback tone for the caller. Often used for distinctive ringing and auto-answer hints.',
    '在 INVITE 中为被叫指定替代振铃音的 URI；在 180 中为主叫指定替代回铃音。常用于区别振铃和自动应答提示。',
  )),
  header('Allow', rfc(3261, '20.5'), LIST, t(
    'Methods the sending UA supports. Mandatory in 405; should appear in 2xx to INVITE and OPTIONS. Listing UPDATE signals RFC 3311 support.',
    '发送方 UA 支持的方法。405 响应中必须携带；INVITE 和 OPTIONS 的 2xx 响应中应当携带。列出 UPDATE 表示支持 RFC 3311。',
  )),
  header('Authentication-Info', rfc(3261, '20.6'), LIST, t(
    'Sent in a 2xx after successful digest authentication: mutual authentication (rspauth) and the next nonce.',
    '摘要认证成功后在 2xx 中发送：用于双向认证（rspauth）和下发下一个 nonce。',
  )),
  header('Authorization', rfc(3261, '20.7'), LIST, t(
    'The UA’s credentials answering a 401 challenge (digest username, realm, nonce, uri, response). It may repeat, one per realm, but values must not be combined into one line.',
    'UA 应答 401 质询的凭据（摘要认证的 username、realm、nonce、uri、response）。可按 realm 出现多次，但不得合并为一行。',
  )),
  header('Call-ID', rfc(3261, '20.8'), SINGLE, t(
    'Identifies a call or registration: the same for every message of a dialog and for all REGISTERs from one UA to a registrar. Compared byte by byte, case-sensitively.',
    '标识一次呼叫或注册：同一对话的所有消息、同一 UA 向同一注册服务器的所有 REGISTER 都相同。按字节逐一比较，区分大小写。',
  )),
  header('Call-Info', rfc(3261, '20.9'), LIST, t(
    'Extra information about the caller or callee as URIs with a purpose parameter (icon, info, card); extensions add purposes such as jwscard (RFC 8688).',
    '以 URI 形式提供主被叫的附加信息，并用 purpose 参数说明用途（icon、info、card）；扩展定义了 jwscard 等用途（RFC 8688）。',
  )),
  header('Contact', rfc(3261, '20.10'), LIST, t(
    'A URI where the sender can be reached directly: the remote target of a dialog (exactly one SIP/SIPS URI in dialog-creating requests and responses), the bindings of a REGISTER, or the alternatives of a 3xx. Parameters: expires, q, +sip.instance, reg-id.',
    '可直接联系发送方的 URI：对话的远端目标（建立对话的请求和响应中恰好一个 SIP/SIPS URI）、REGISTER 的绑定，或 3xx 的备选地址。参数包括 expires、q、+sip.instance、reg-id。',
  )),
  header('Content-Disposition', rfc(3261, '20.11'), SINGLE, t(
    'How to interpret the body: session (default for SDP), render, icon, alert, or early-session; handling=optional lets a receiver ignore a body type it does not understand.',
    '说明如何解释消息体：session（SDP 的默认值）、render、icon、alert 或 early-session；handling=optional 允许接收方忽略无法理解的消息体类型。',
  )),
  header('Content-Encoding', rfc(3261, '20.12'), LIST, t(
    'Content codings applied to the body (e.g. gzip), in the order they were applied.',
    '对消息体所施加的内容编码（例如 gzip），按施加顺序列出。',
  )),
  header('Content-Language', rfc(3261, '20.13'), LIST, t(
    'Natural language(s) of the body.',
    '消息体所用的自然语言。',
  )),
  header('Content-Length', rfc(3261, '20.14'), SINGLE, t(
    'Size of the body in octets (0 when there is none). Mandatory over TCP and TLS, where it marks where the next message starts; a mismatch is a classic cause of broken framing.',
    '消息体的字节数（无消息体时为 0）。在 TCP 和 TLS 上为必需，用于确定下一条消息的起点；长度不符是消息分帧错乱的常见原因。',
  )),
  header('Content-Type', rfc(3261, '20.15'), SINGLE, t(
    'Media type of the body, e.g. application/sdp or multipart/mixed; mandatory whenever the body is not empty.',
    '消息体的媒体类型，例如 application/sdp 或 multipart/mixed；消息体非空时必须携带。',
  )),
  header('CSeq', rfc(3261, '20.16'), SINGLE, t(
    'A sequence number and the request method. It orders requests within a dialog (incremented by one per new request, except ACK and CANCEL) and ties responses to their request; the method must equal the request method.',
    '序号加请求方法。它为对话内的请求排序（每个新请求加一，ACK 和 CANCEL 除外），并把响应与其请求关联；其中的方法必须与请求方法一致。',
  )),
  header('Date', rfc(3261, '20.17'), SINGLE, t(
    'Date and time in RFC 1123 format, always in GMT. Registrars should include it in 200 to REGISTER so that simple devices can set their clocks.',
    'RFC 1123 格式的日期时间，时区只能是 GMT。注册服务器应在 REGISTER 的 200 响应中携带，便于简单设备校时。',
  )),
  header('Error-Info', rfc(3261, '20.18'), LIST, t(
    'A pointer (URI) to more information about an error response, such as an announcement to play instead of the reason phrase.',
    '指向错误响应更多信息的 URI，例如代替原因短语播放的提示音。',
  )),
  header('Expires', rfc(3261, '20.19'), SINGLE, t(
    'Relative lifetime in seconds: of a registration (REGISTER), subscription (SUBSCRIBE), publication (PUBLISH), or of an INVITE’s invitation. 0 removes the registration or subscription.',
    '以秒为单位的相对有效期：注册（REGISTER）、订阅（SUBSCRIBE）、发布（PUBLISH）或 INVITE 邀请的有效期。取 0 表示删除注册或结束订阅。',
  )),
  header('From', rfc(3261, '20.20'), SINGLE, t(
    'The logical initiator of the request (display name and URI) and its tag, which identifies this side of the dialog. Every new request must carry a fresh From tag.',
    '请求的逻辑发起方（显示名和 URI）及其 tag，tag 用于标识对话的这一方。每个新请求都必须带新的 From tag。',
  )),
  header('In-Reply-To', rfc(3261, '20.21'), LIST, t(
    'Call-IDs of the calls this one returns or refers to, e.g. a callback for a missed call.',
    '本次呼叫所回复或关联的呼叫的 Call-ID，例如回拨未接来电。',
  )),
  header('Max-Forwards', rfc(3261, '20.22'), SINGLE, t(
    'Hop limit (0-255, normally starting at 70) decremented by each proxy; a proxy that would forward a request with 0 answers 483.',
    '跳数限制（0 到 255，初值通常为 70），每经过一个代理减一；需转发而该值已为 0 时代理应答 483。',
  )),
  header('Min-Expires', rfc(3261, '20.23'), SINGLE, t(
    'Shortest refresh interval, in seconds, that the server accepts for a soft state; mandatory in a 423 (Interval Too Brief).',
    '服务器可接受的软状态最短刷新间隔（秒）；423（Interval Too Brief）响应中必须携带。',
  )),
  header('MIME-Version', rfc(3261, '20.24'), SINGLE, t(
    'MIME version of the body, in practice always 1.0.',
    '消息体所用的 MIME 版本，实际中总是 1.0。',
  )),
  header('Organization', rfc(3261, '20.25'), SINGLE, t(
    'Name of the organization the sender belongs to.',
    '发送方所属组织的名称。',
  )),
  header('Priority', rfc(3261, '20.26'), SINGLE, t(
    'Urgency of the request as the caller sees it: non-urgent, normal, urgent or emergency. It does not affect routing (compare Resource-Priority).',
    '主叫认为的请求紧急程度：non-urgent、normal、urgent 或 emergency。它不影响路由（对比 Resource-Priority）。',
  )),
  header('Proxy-Authenticate', rfc(3261, '20.27'), LIST, t(
    'A proxy’s authentication challenge (scheme, realm, nonce); mandatory in 407. It may repeat, one per challenge, but values must not be combined.',
    '代理的认证质询（方案、realm、nonce）；407 响应中必须携带。可出现多次，每次一个质询，但不得合并。',
  )),
  header('Proxy-Authorization', rfc(3261, '20.28'), LIST, t(
    'Credentials for a proxy answering a 407 challenge; a proxy consumes the values for its own realm. It may repeat but must not be combined.',
    '应答 407 质询、提供给代理的凭据；代理会取走属于其 realm 的值。可出现多次，但不得合并。',
  )),
  header('Proxy-Require', rfc(3261, '20.29'), LIST, t(
    'Option tags that every proxy on the path must support; a proxy that does not understand one answers 420 with Unsupported.',
    '路径上每个代理都必须支持的选项标签；代理不理解其中某个时应答 420 并携带 Unsupported。',
  )),
  header('Record-Route', rfc(3261, '20.30'), LIST, t(
    'Inserted by proxies that want to stay on the path of later requests in the dialog; the UAs build their route set from it (in reverse order at the UAC). A UAS copies it into dialog-creating responses.',
    '由希望留在对话后续请求路径上的代理插入；UA 据此建立路由集（UAC 按相反顺序）。UAS 须将其复制到建立对话的响应中。',
  )),
  header('Reply-To', rfc(3261, '20.31'), SINGLE, t(
    'A logical return URI that may differ from From, for example for returning a missed call.',
    '可与 From 不同的逻辑回复 URI，例如用于回拨未接来电。',
  )),
  header('Require', rfc(3261, '20.32'), LIST, t(
    'Option tags the UAS must support to process the request (e.g. 100rel, timer, replaces); an unknown tag gets 420. In a response (421, reliable 1xx) it lists extensions in use or needed. It must never be ignored.',
    'UAS 处理该请求必须支持的选项标签（例如 100rel、timer、replaces）；未知标签会得到 420。在响应中（421、可靠 1xx）列出正在使用或所需的扩展。该头不得被忽略。',
  )),
  header('Retry-After', rfc(3261, '20.33'), SINGLE, t(
    'Seconds after which the request may be retried, optionally with a duration and a comment; used with 404, 413, 480, 486, 500, 503, 600 and 603.',
    '多少秒后可以重试请求，可带 duration 参数和注释；用于 404、413、480、486、500、503、600 和 603。',
  )),
  header('Route', rfc(3261, '20.34'), LIST, t(
    'The proxies a request must visit, in order: taken from the route set of a dialog or from a preloaded outbound proxy. A URI with lr means a loose router.',
    '请求必须依次经过的代理：取自对话的路由集或预加载的出局代理。带 lr 的 URI 表示松散路由器。',
  )),
  header('Server', rfc(3261, '20.35'), SINGLE, t(
    'Software of the UAS that produced the response (product and version); useful for identifying equipment in traces.',
    '生成该响应的 UAS 软件（产品和版本）；便于在跟踪中识别设备。',
  )),
  header('Subject', rfc(3261, '20.36'), SINGLE, t(
    'A summary or the nature of the call, which the callee can use to filter without parsing the body.',
    '呼叫的摘要或性质，被叫无需解析消息体即可据此筛选。',
  )),
  header('Supported', rfc(3261, '20.37'), LIST, t(
    'Option tags the sender supports (e.g. 100rel, timer, replaces, outbound), so that the peer can use them; should be in INVITE and in 2xx to INVITE and OPTIONS.',
    '发送方支持的选项标签（例如 100rel、timer、replaces、outbound），以便对端使用；应出现在 INVITE 以及 INVITE 和 OPTIONS 的 2xx 响应中。',
  )),
  header('Timestamp', rfc(3261, '20.38'), SINGLE, t(
    'When the UAC sent the request; the response echoes it (with a delay value) so that round-trip time can be estimated. A 100 Trying must copy it.',
    'UAC 发送请求的时间；响应会回显该值（并可加延迟值）以便估算往返时间。100 Trying 必须复制它。',
  )),
  header('To', rfc(3261, '20.39'), SINGLE, t(
    'The logical recipient of the request; the UAS adds a tag in its responses (except possibly 100), identifying its side of the dialog. An out-of-dialog request has no To tag.',
    '请求的逻辑接收方；UAS 在其响应中加入 tag（100 可以不加），标识对话的己方。对话外的请求不带 To tag。',
  )),
  header('Unsupported', rfc(3261, '20.40'), LIST, t(
    'Option tags the responder does not support; mandatory in a 420 (Bad Extension).',
    '响应方不支持的选项标签；420（Bad Extension）响应中必须携带。',
  )),
  header('User-Agent', rfc(3261, '20.41'), SINGLE, t(
    'Software of the UAC that originated the request (product and version).',
    '发起请求的 UAC 软件（产品和版本）。',
  )),
  header('Via', rfc(3261, '20.42'), LIST, t(
    'The path the request has taken, one value per hop (transport, sent-by, branch): responses retrace it in reverse. The branch, starting with z9hG4bK, identifies the transaction; received and rport (RFC 3581) record the address the request really came from.',
    '请求经过的路径，每跳一个值（传输、sent-by、branch）：响应沿其反向返回。以 z9hG4bK 开头的 branch 标识事务；received 和 rport（RFC 3581）记录请求的实际来源地址。',
  ), [rfc(3581, '4')]),
  header('Warning', rfc(3261, '20.43'), LIST, t(
    'Extra status information as a three-digit warn-code, the agent and text, e.g. 305 "Incompatible media format"; codes 3xx concern the session description.',
    '以三位警告码、代理标识和文本给出的附加状态信息，例如 305 "Incompatible media format"；3xx 警告码与会话描述有关。',
  )),
  header('WWW-Authenticate', rfc(3261, '20.44'), LIST, t(
    'A UAS’s or registrar’s authentication challenge (scheme, realm, nonce, algorithm, qop); mandatory in 401. It may repeat but must not be combined.',
    'UAS 或注册服务器的认证质询（方案、realm、nonce、algorithm、qop）；401 响应中必须携带。可出现多次，但不得合并。',
  )),

  // Extensions of sip-rules.md §1 (presence tables)
  header('Allow-Events', rfc(6665), LIST, t(
    'Event packages the sender accepts in SUBSCRIBE (e.g. presence, dialog, refer); mandatory in a 489. Proxies must not insert it.',
    '发送方在 SUBSCRIBE 中接受的事件包（例如 presence、dialog、refer）；489 响应中必须携带。代理不得插入该头。',
  ), [rfc(3265, '7.2.2')]),
  header('Event', rfc(6665), SINGLE, t(
    'The event package of a SUBSCRIBE, NOTIFY or PUBLISH (exactly one), with an optional id parameter that tells apart several subscriptions in one dialog.',
    'SUBSCRIBE、NOTIFY 或 PUBLISH 所用的事件包（恰好一个），可带 id 参数以区分同一对话中的多个订阅。',
  ), [rfc(3265, '7.2.1')]),
  header('Subscription-State', rfc(6665), SINGLE, t(
    'State of a subscription in a NOTIFY: active, pending or terminated, with expires, or with reason and retry-after when terminated; mandatory in NOTIFY.',
    'NOTIFY 中的订阅状态：active、pending 或 terminated，带 expires，终止时可带 reason 和 retry-after；NOTIFY 中必须携带。',
  ), [rfc(3265, '7.2.3')]),
  header('RAck', rfc(3262, '7.2'), SINGLE, t(
    'In a PRACK: the RSeq, CSeq number and method of the reliable provisional response being acknowledged.',
    '出现在 PRACK 中：被确认的可靠临时响应的 RSeq、CSeq 序号和方法。',
  )),
  header('RSeq', rfc(3262, '7.1'), SINGLE, t(
    'Sequence number of a reliable provisional response; it starts at a random value and rises by exactly one per reliable 1xx in the transaction.',
    '可靠临时响应的序号；从随机值开始，同一事务中每个可靠 1xx 恰好加一。',
  )),
  header('Refer-To', rfc(3515, '2.1'), SINGLE, t(
    'The URI the REFER recipient should contact (exactly one); it may embed headers such as Replaces for an attended transfer.',
    'REFER 接收方应联系的 URI（恰好一个）；可内嵌 Replaces 等头域以实现咨询转接。',
  )),
  header('SIP-ETag', rfc(3903, '11.3.1'), SINGLE, t(
    'Entity-tag the event state compositor assigns to published state, returned in the 200 to PUBLISH.',
    '事件状态合成器为已发布状态分配的实体标签，在 PUBLISH 的 200 响应中返回。',
  )),
  header('SIP-If-Match', rfc(3903, '11.3.2'), SINGLE, t(
    'In a PUBLISH that refreshes, modifies or removes state: the entity-tag from an earlier SIP-ETag. No match gives 412.',
    '用于刷新、修改或删除状态的 PUBLISH 中：取自先前 SIP-ETag 的实体标签。不匹配时得到 412。',
  )),

  // Compact-form headers of sip-rules.md §4
  header('Accept-Contact', rfc(3841), LIST, t(
    'Caller preferences: feature sets (e.g. audio, video, methods) the caller wants the target contacts to have; proxies use them to pick or rank registered contacts.',
    '主叫偏好：主叫希望目标联系地址具备的特性集（例如 audio、video、methods）；代理据此选择或排序已注册的联系地址。',
  )),
  header('Referred-By', rfc(3892, '3'), SINGLE, t(
    'Identity of the referrer, carried in a REFER and copied by the referee into the request it sends to the refer target; may reference a signed token.',
    '转接发起方的身份，出现在 REFER 中，并由被转接方复制到其发往转接目标的请求中；可引用签名令牌。',
  )),
  header('Request-Disposition', rfc(3841), LIST, t(
    'Caller preferences for how proxies handle the request: proxy or redirect, cancel or no-cancel, fork or no-fork, recurse, parallel or sequential, queue.',
    '主叫对代理处理方式的偏好：proxy 或 redirect、cancel 或 no-cancel、fork 或 no-fork、recurse、parallel 或 sequential、queue。',
  )),
  header('Reject-Contact', rfc(3841), LIST, t(
    'Caller preferences: feature sets that target contacts must not have for the request to be routed to them.',
    '主叫偏好：具备这些特性集的目标联系地址不应接收该请求。',
  )),
  header('Identity-Info', rfc(4474), SINGLE, t(
    'RFC 4474: where to fetch the certificate that signed the Identity header. RFC 8224, which obsoletes RFC 4474, moved this into the info parameter of Identity.',
    'RFC 4474：获取为 Identity 头签名的证书的位置。废止 RFC 4474 的 RFC 8224 已将其移入 Identity 的 info 参数。',
  )),
  header('Session-Expires', rfc(4028), SINGLE, t(
    'Session timer interval in seconds and, with refresher=uac|uas, which side must refresh the session (re-INVITE or UPDATE) before it runs out.',
    '会话定时器间隔（秒），并用 refresher=uac|uas 指明哪一方须在到期前刷新会话（re-INVITE 或 UPDATE）。',
  )),
  header('Identity', rfc(8224), LIST, t(
    'STIR signature (a PASSporT) over the calling and called identities and the Date, with info (certificate URL), alg and ppt parameters; verified to authenticate caller ID.',
    'STIR 签名（PASSporT），覆盖主被叫身份和 Date，带 info（证书 URL）、alg 和 ppt 参数；验证后用于确认主叫号码的真实性。',
  )),

  // Headers the per-code rules of sip-rules.md §2 require
  header('Min-SE', rfc(4028), SINGLE, t(
    'Smallest session timer interval, in seconds, that the sender accepts; mandatory in a 422 response.',
    '发送方可接受的最小会话定时器间隔（秒）；422 响应中必须携带。',
  )),
  header('Recv-Info', rfc(6086), LIST, t(
    'Info Packages the sender is willing to receive in INFO requests on this dialog; an empty value means none. Mandatory in a 469.',
    '发送方愿意在本对话的 INFO 请求中接收的 Info Package；空值表示不接收任何包。469 响应中必须携带。',
  )),
  header('Info-Package', rfc(6086), SINGLE, t(
    'The Info Package an INFO request belongs to; it must be one the peer announced in Recv-Info, otherwise the answer is 469.',
    'INFO 请求所属的 Info Package；必须是对端在 Recv-Info 中声明过的包，否则应答 469。',
  )),
  header('Resource-Priority', rfc(4412), LIST, t(
    'Priority treatment requested for the call as namespace.value (e.g. ets.0, wps.2, esnet.1), used for emergency and government preference services.',
    '以 namespace.value 形式（例如 ets.0、wps.2、esnet.1）请求的呼叫优先处理，用于紧急和政府优先服务。',
  )),
  header('Accept-Resource-Priority', rfc(4412), LIST, t(
    'Resource-priority namespaces and values the sender supports, e.g. in a 417 or a 200 to OPTIONS.',
    '发送方支持的资源优先级命名空间和取值，例如出现在 417 或 OPTIONS 的 200 响应中。',
  )),
  header('Security-Client', rfc(3329), LIST, t(
    'Security mechanisms the client supports (e.g. ipsec-3gpp with SPIs and ports, tls), sent when negotiating a security agreement with the next hop.',
    '客户端支持的安全机制（例如带 SPI 和端口的 ipsec-3gpp、tls），在与下一跳协商安全机制时发送。',
  )),
  header('Security-Server', rfc(3329), LIST, t(
    'Security mechanisms the server supports, with preferences; sent in a 494 or in a 401 during IMS registration.',
    '服务器支持的安全机制及其优先级；在 494 或 IMS 注册过程中的 401 响应中发送。',
  )),
  header('Security-Verify', rfc(3329), LIST, t(
    'The client’s copy of the server’s Security-Server list, sent on the protected connection so the server can detect a downgrade attack.',
    '客户端回显的服务器 Security-Server 列表，经受保护的连接发送，使服务器能发现降级攻击。',
  )),
  header('Permission-Missing', rfc(5360), LIST, t(
    'In a 470 (Consent Needed): the target URIs for which the relay has no permission yet.',
    '出现在 470（Consent Needed）中：中继尚未获得许可的目标 URI。',
  )),

  // Other extension headers common in operator and IMS traces
  header('Answer-Mode', rfc(5373), SINGLE, t(
    'Requests that the callee answer automatically (Auto) or manually (Manual); ;require makes it mandatory.',
    '要求被叫自动（Auto）或手动（Manual）应答；带 ;require 时为强制要求。',
  )),
  header('Flow-Timer', rfc(5626), SINGLE, t(
    'SIP Outbound: seconds between keep-alives that the registrar recommends for the flow, returned in the 2xx to REGISTER.',
    'SIP Outbound：注册服务器为该流建议的保活间隔（秒），在 REGISTER 的 2xx 响应中返回。',
  )),
  header('History-Info', rfc(7044), LIST, t(
    'The sequence of Request-URIs a request was retargeted through (forwarding, redirection), with index parameters and Reason headers embedded in the URIs.',
    '请求被重定向所经历的 Request-URI 序列（前转、重定向），带 index 参数，并在 URI 中内嵌 Reason 头。',
  )),
  header('Join', rfc(3911), SINGLE, t(
    'Asks the recipient to join the new dialog into an existing one (Call-ID, to-tag, from-tag), e.g. to form a conference.',
    '请求接收方将新对话加入到已有对话（Call-ID、to-tag、from-tag）中，例如组成会议。',
  )),
  header('Max-Breadth', rfc(5393), SINGLE, t(
    'Limit on the total number of parallel forks a request may cause downstream; protects against forking amplification.',
    '请求在下游可产生的并行分叉总数上限；用于防止分叉放大攻击。',
  )),
  header('P-Asserted-Identity', rfc(3325), LIST, t(
    'The network-asserted identity of the caller, trusted only within a trust domain (at most one SIP/SIPS and one tel URI); removed at the trust boundary unless privacy allows.',
    '网络断言的主叫身份，仅在信任域内可信（最多一个 SIP/SIPS URI 和一个 tel URI）；除隐私设置允许外，在信任域边界删除。',
  )),
  header('P-Preferred-Identity', rfc(3325), LIST, t(
    'The identity the UA would like the network to assert, when it has several; the proxy replaces it with P-Asserted-Identity.',
    'UA 拥有多个身份时，希望网络为其断言的身份；代理会将其替换为 P-Asserted-Identity。',
  )),
  header('P-Charging-Vector', rfc(7315), SINGLE, t(
    '3GPP/IMS charging correlation: icid-value plus originating and terminating IOI parameters.',
    '3GPP/IMS 计费关联信息：icid-value 以及主叫侧和被叫侧 IOI 参数。',
  )),
  header('P-Access-Network-Info', rfc(7315), LIST, t(
    '3GPP/IMS: the access technology and cell or location identifier the UE is using (e.g. 3GPP-E-UTRAN-FDD; utran-cell-id-3gpp=...).',
    '3GPP/IMS：UE 所用的接入技术及小区或位置标识（例如 3GPP-E-UTRAN-FDD; utran-cell-id-3gpp=...）。',
  )),
  header('P-Called-Party-ID', rfc(7315), SINGLE, t(
    '3GPP/IMS: the address the call was originally sent to, before the S-CSCF retargeted the Request-URI to the registered contact.',
    '3GPP/IMS：S-CSCF 将 Request-URI 改为已注册联系地址之前，呼叫最初发往的地址。',
  )),
  header('P-Associated-URI', rfc(7315), LIST, t(
    '3GPP/IMS: other public identities associated with the registered one, returned in the 200 to REGISTER.',
    '3GPP/IMS：与已注册身份关联的其他公共身份，在 REGISTER 的 200 响应中返回。',
  )),
  header('P-Visited-Network-ID', rfc(7315), LIST, t(
    '3GPP/IMS: identifies the visited network to the home network during registration.',
    '3GPP/IMS：在注册过程中向归属网络标识拜访网络。',
  )),
  header('Path', rfc(3327), LIST, t(
    'Proxies between the UA and the registrar that want to stay on the path of requests to the UA, recorded in the REGISTER and stored with the binding.',
    '位于 UA 与注册服务器之间、希望留在发往该 UA 请求路径上的代理，记录在 REGISTER 中并随绑定保存。',
  )),
  header('Privacy', rfc(3323), SINGLE, t(
    'Privacy the user requests from the network, as values separated by semicolons: none, header, session, user, id (hide P-Asserted-Identity), critical.',
    '用户要求网络提供的隐私保护，取值以分号分隔：none、header、session、user、id（隐藏 P-Asserted-Identity）、critical。',
  )),
  header('Reason', rfc(3326), LIST, t(
    'Why a request was sent, typically a CANCEL or BYE: protocol SIP or Q.850 with cause and text, e.g. Q.850;cause=16 or SIP;cause=200;text="Call completed elsewhere".',
    '发送请求（通常是 CANCEL 或 BYE）的原因：协议为 SIP 或 Q.850，带 cause 和 text，例如 Q.850;cause=16 或 SIP;cause=200;text="Call completed elsewhere"。',
  )),
  header('Refer-Sub', rfc(4488), SINGLE, t(
    'In a REFER: false asks not to create the implicit subscription (no NOTIFYs about progress).',
    '出现在 REFER 中：取 false 表示不建立隐式订阅（不发送进展 NOTIFY）。',
  )),
  header('Replaces', rfc(3891, '6.1'), SINGLE, t(
    'Asks the recipient to replace an existing dialog (Call-ID, to-tag, from-tag, early-only) with the new one; used for attended transfer and call pickup.',
    '请求接收方用新对话替换已有对话（Call-ID、to-tag、from-tag、early-only）；用于咨询转接和代接。',
  )),
  header('Service-Route', rfc(3608), LIST, t(
    'Returned in the 200 to REGISTER: the route the UA should preload in Route for its later out-of-dialog requests (in IMS, towards the S-CSCF).',
    '在 REGISTER 的 200 响应中返回：UA 之后发送对话外请求时应预加载到 Route 中的路由（IMS 中指向 S-CSCF）。',
  )),
  header('Target-Dialog', rfc(4538), SINGLE, t(
    'Names an existing dialog (Call-ID with local and remote tags) that authorises an out-of-dialog request, such as a REFER sent to a party of that dialog.',
    '指明一个已有对话（Call-ID 及本端、远端 tag），用其为对话外请求授权，例如发给该对话一方的 REFER。',
  )),
];

