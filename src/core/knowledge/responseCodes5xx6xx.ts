/**
 * Registered server-failure and global-failure codes (IANA SIP response-code registry; RFC 3261
 * §21.5-§21.6 and the extension RFCs). Sections are given only where the RFC text was checked.
 */

import { OVERLAP_RETRY } from './responseRequirements';
import { registered, rfc, t } from './text';
import type { ResponseCodeInfo } from './types';

export const SERVER_GLOBAL_FAILURE_CODES: readonly ResponseCodeInfo[] = [
  registered(500, {
    phrase: 'Server Internal Error',
    ref: rfc(3261, '21.5.1'),
    seeAlso: [rfc(3261, '14.2'), rfc(3311, '5.2')],
    meaning: t(
      'An unexpected condition kept the server from fulfilling the request. It is also the prescribed answer when a second INVITE (or UPDATE) arrives on a dialog before the UAS has answered the previous one, then with a random Retry-After of 0 to 10 s.',
      '意外情况导致服务器无法完成请求。它也是规定的应答：UAS 尚未对同一对话中的上一个 INVITE（或 UPDATE）给出最终响应时又收到新的，此时须带 0 至 10 秒的随机 Retry-After。',
    ),
    nextStep: t(
      'If Retry-After is present, retry after that interval (possibly on another server); otherwise treat it as a failure and check the server’s logs.',
      '若带 Retry-After，则在该时间后重试（可换用其他服务器）；否则按失败处理，并检查服务器日志。',
    ),
    requires: OVERLAP_RETRY,
  }),
  registered(501, {
    phrase: 'Not Implemented',
    ref: rfc(3261, '21.5.2'),
    meaning: t(
      'The server does not support what the request needs, typically a method it does not recognise at all. A method it knows but does not allow gets 405 instead; proxies forward unknown methods rather than rejecting them.',
      '服务器不支持请求所需的功能，典型情况是完全不认识的方法。认识但不允许的方法应返回 405；代理会转发未知方法而不是拒绝。',
    ),
    nextStep: t(
      'Do not send that method to this UA again; an OPTIONS request shows its Allow list.',
      '不要再向此 UA 发送该方法；可通过 OPTIONS 请求查看其 Allow 列表。',
    ),
  }),
  registered(502, {
    phrase: 'Bad Gateway',
    ref: rfc(3261, '21.5.3'),
    meaning: t(
      'A server acting as gateway or proxy received an invalid response from a downstream server it contacted while processing the request.',
      '作为网关或代理的服务器在处理请求时，从其访问的下游服务器收到了无效响应。',
    ),
    nextStep: t(
      'The fault lies downstream: retry along another route, or investigate the downstream server.',
      '故障在下游：改走其他路由重试，或排查下游服务器。',
    ),
  }),
  registered(503, {
    phrase: 'Service Unavailable',
    ref: rfc(3261, '21.5.4'),
    meaning: t(
      'The server is temporarily overloaded or under maintenance. Retry-After may say when to come back; without it the client must act as if it had received a 500.',
      '服务器暂时过载或正在维护。Retry-After 可说明何时再来；若没有该头，客户端必须按收到 500 处理。',
    ),
    nextStep: t(
      'Fail over to another server (for example the next DNS SRV target) and send nothing more to this one for the Retry-After period. A proxy normally does not relay a 503 upstream; if 503 is the only answer it sends 500 instead (RFC 3261 §16.7).',
      '切换到其他服务器（例如下一个 DNS SRV 目标），并在 Retry-After 期间不再向此服务器发送请求。代理通常不向上游转发 503；若唯一的应答是 503，则改发 500（RFC 3261 §16.7）。',
    ),
  }),
  registered(504, {
    phrase: 'Server Time-out',
    ref: rfc(3261, '21.5.5'),
    meaning: t(
      'The server did not get a timely answer from an external server it consulted, such as a location or DNS server. A timeout of the downstream SIP request itself is reported as 408 instead.',
      '服务器未能及时从其查询的外部服务器（如位置服务器或 DNS 服务器）获得应答。若是下游 SIP 请求本身超时，则应报告 408。',
    ),
    nextStep: t(
      'Retry later, and check the health of the external service the server depends on.',
      '稍后重试，并检查服务器所依赖的外部服务的状态。',
    ),
  }),
  registered(505, {
    phrase: 'Version Not Supported',
    ref: rfc(3261, '21.5.6'),
    meaning: t(
      'The server does not support the SIP version in the request line (anything other than SIP/2.0) and will not process the request with it.',
      '服务器不支持请求行中的 SIP 版本（SIP/2.0 以外的任何版本），不会用该版本处理请求。',
    ),
    nextStep: t(
      'Send the request as SIP/2.0, in upper case as RFC 3261 §7.1 requires.',
      '按 RFC 3261 §7.1 的要求，以大写的 SIP/2.0 发送请求。',
    ),
  }),
  registered(513, {
    phrase: 'Message Too Large',
    ref: rfc(3261, '21.5.7'),
    meaning: t(
      'The message is longer than the server can process, often a large UDP datagram (big SDP, many headers) that exceeded its buffers.',
      '消息长度超出了服务器的处理能力，常见于过大的 UDP 数据报（较大的 SDP、大量头域）超出其缓冲区。',
    ),
    nextStep: t(
      'Shrink the message or send it over TCP; RFC 3261 §18.1.1 already requires a congestion-controlled transport for requests over 1300 bytes when the path MTU is unknown.',
      '缩小消息或改用 TCP 发送；RFC 3261 §18.1.1 已要求在路径 MTU 未知时，超过 1300 字节的请求使用有拥塞控制的传输协议。',
    ),
  }),
  registered(555, {
    phrase: 'Push Notification Service Not Supported',
    ref: rfc(8599),
    meaning: t(
      'The proxy or registrar does not support the push notification service that the REGISTER asked for in its Contact parameters (pn-provider).',
      '代理或注册服务器不支持 REGISTER 在 Contact 参数（pn-provider）中请求的推送通知服务。',
    ),
    nextStep: t(
      'Register without the push-notification parameters, or with a pn-provider that the server supports.',
      '不带推送通知参数注册，或改用服务器支持的 pn-provider。',
    ),
  }),
  registered(580, {
    phrase: 'Precondition Failure',
    ref: rfc(3312),
    meaning: t(
      'The UAS cannot meet the preconditions the offer made mandatory (for example QoS resource reservation signalled with a=des ... mandatory), so the session cannot be set up.',
      'UAS 无法满足 offer 中设为强制的前提条件（例如用 a=des ... mandatory 表示的 QoS 资源预留），因此无法建立会话。',
    ),
    nextStep: t(
      'Retry later once resources may be available, or offer weaker (optional) preconditions if the service allows it.',
      '在资源可能可用时稍后重试，或在业务允许时提供较弱（optional）的前提条件。',
    ),
  }),
  registered(600, {
    phrase: 'Busy Everywhere',
    ref: rfc(3261, '21.6.1'),
    meaning: t(
      'The callee was reached, is busy and does not want to take the call anywhere right now, and knows that no other endpoint (such as voicemail) will answer. Retry-After may suggest a better time.',
      '已联系到被叫，其正忙且此刻在任何地方都不想接听，并且知道没有其他终端（如语音信箱）会应答。Retry-After 可建议更合适的时间。',
    ),
    nextStep: t(
      'Stop trying other locations: a 6xx makes proxies cancel their other branches. Try again later.',
      '停止尝试其他位置：6xx 会使代理取消其他分支。稍后再试。',
    ),
  }),
  registered(603, {
    phrase: 'Decline',
    ref: rfc(3261, '21.6.2'),
    meaning: t(
      'The user was reached and explicitly declined the call, or cannot take part. Retry-After may give a better time to call.',
      '已联系到用户，用户明确拒绝了呼叫，或无法参与。Retry-After 可给出更合适的呼叫时间。',
    ),
    nextStep: t(
      'Do not search other locations (6xx ends forking); tell the caller the call was declined.',
      '不要搜索其他位置（6xx 终止分叉）；告知主叫呼叫已被拒绝。',
    ),
  }),
  registered(604, {
    phrase: 'Does Not Exist Anywhere',
    ref: rfc(3261, '21.6.3'),
    meaning: t(
      'An authoritative statement that the user named in the Request-URI does not exist anywhere.',
      '权威性地声明 Request-URI 中的用户在任何地方都不存在。',
    ),
    nextStep: t(
      'Stop, and verify the address; no other location will succeed.',
      '停止并核实地址；任何其他位置都不会成功。',
    ),
  }),
  registered(606, {
    phrase: 'Not Acceptable',
    ref: rfc(3261, '21.6.4'),
    meaning: t(
      'The user wants to communicate, but none of their endpoints can support the session described (media, bandwidth, addressing). A Warning may give the reasons and a body may describe what is supported.',
      '用户希望通信，但其任何终端都无法支持所描述的会话（媒体、带宽、地址形式）。Warning 可给出原因，消息体可描述所支持的能力。',
    ),
    nextStep: t(
      'Rework the offer using the Warning codes (RFC 3261 §20.43) and any capability body; retrying the same offer elsewhere will not help.',
      '根据 Warning 代码（RFC 3261 §20.43）和能力描述消息体重新构造 offer；把相同的 offer 发往其他地方无济于事。',
    ),
  }),
  registered(607, {
    phrase: 'Unwanted',
    ref: rfc(8197),
    meaning: t(
      'The called party marked the call as unwanted (for example a robocall or spam). Intermediaries may feed this into call analytics for the calling number.',
      '被叫方将该呼叫标记为不受欢迎（例如骚扰或自动语音呼叫）。中间节点可将其用于针对主叫号码的呼叫分析。',
    ),
    nextStep: t(
      'Do not retry the call; operators may use the report to block or flag later calls from this source.',
      '不要重试该呼叫；运营商可能据此拦截或标记来自该来源的后续呼叫。',
    ),
  }),
  registered(608, {
    phrase: 'Rejected',
    ref: rfc(8688),
    meaning: t(
      'An intermediary, not the callee, rejected the call, typically a call-blocking or analytics service. Call-Info may identify who blocked it and how to contest the decision.',
      '呼叫被中间节点（而非被叫）拒绝，通常是呼叫拦截或分析服务。Call-Info 可指明拦截方及申诉方式。',
    ),
    nextStep: t(
      'Do not retry; the caller can use the contact information in Call-Info to dispute the blocking.',
      '不要重试；主叫可利用 Call-Info 中的联系信息对拦截提出申诉。',
    ),
  }),
];
