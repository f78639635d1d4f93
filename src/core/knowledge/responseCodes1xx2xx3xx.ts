/**
 * Registered provisional, success and redirection codes (IANA SIP response-code registry; RFC 3261
 * §21.1-§21.3 and the extension RFCs). Sections are given only where the RFC text was checked.
 */

import {
  EARLY_DIALOG,
  OK_ONLY,
  REDIRECT_EVENTS,
  REDIRECT_INVITE,
  RELIABLE_PROVISIONAL,
  SUCCESS,
  always,
} from './responseRequirements';
import { registered, rfc, t } from './text';
import type { ResponseCodeInfo } from './types';

/** Requirements of 101-199 other than 199 (which ends, rather than creates, an early dialog). */
const PROVISIONAL = [...RELIABLE_PROVISIONAL, ...EARLY_DIALOG];

export const PROVISIONAL_SUCCESS_REDIRECT_CODES: readonly ResponseCodeInfo[] = [
  registered(100, {
    phrase: 'Trying',
    ref: rfc(3261, '21.1.1'),
    meaning: t(
      'The next hop has received the request and is working on it (forwarding it, querying a location service). It is hop-by-hop: a stateful proxy sends it at once to stop INVITE retransmissions and never forwards a 100 it receives. It creates no dialog and may lack a To tag.',
      '下一跳已收到请求并正在处理（转发或查询位置服务等）。它只在相邻两跳之间有效：有状态代理会立即发送它以停止 INVITE 重传，且从不向上游转发收到的 100。它不建立对话，可以不带 To tag。',
    ),
    nextStep: t(
      'Stop retransmitting the request and wait for a further provisional or a final response. Once any 1xx arrives, Timer B no longer ends an INVITE transaction, so the caller relies on its own timeout (or a proxy on Timer C) and may send CANCEL.',
      '停止重传请求，等待后续临时响应或最终响应。收到任何 1xx 后 INVITE 事务不再受 Timer B 限制，主叫需依靠自身超时（代理依靠 Timer C），并可发送 CANCEL。',
    ),
  }),
  registered(180, {
    phrase: 'Ringing',
    ref: rfc(3261, '21.1.2'),
    meaning: t(
      'The called UA has the INVITE and is alerting the user. With a To tag it creates an early dialog; after forking, each different To tag is a separate early dialog.',
      '被叫 UA 已收到 INVITE，正在向用户振铃。带 To tag 时建立早期对话；分叉后，每个不同的 To tag 都是一个独立的早期对话。',
    ),
    nextStep: t(
      'Play ringback locally, or play early media if an answer SDP was received (in this 180 or an earlier 183). Acknowledge it with PRACK if it carries Require: 100rel and RSeq, then wait for the final response; the caller may CANCEL at any time.',
      '在本地播放回铃音；若已收到应答 SDP（在本 180 或之前的 183 中）则播放早期媒体。若带 Require: 100rel 和 RSeq，须用 PRACK 确认，然后等待最终响应；主叫可随时 CANCEL。',
    ),
    requires: PROVISIONAL,
  }),
  registered(181, {
    phrase: 'Call Is Being Forwarded',
    ref: rfc(3261, '21.1.3'),
    meaning: t(
      'A proxy or UA reports that the call is being forwarded to another destination, for example by call-forwarding rules. It is informational only.',
      '代理或 UA 告知呼叫正被转移到其他目的地（例如呼叫前转规则）。仅为通知性质。',
    ),
    nextStep: t(
      'Optionally tell the caller that the call is being forwarded, and keep waiting for the final response.',
      '可选择告知主叫呼叫正被转移，并继续等待最终响应。',
    ),
    requires: PROVISIONAL,
  }),
  registered(182, {
    phrase: 'Queued',
    ref: rfc(3261, '21.1.4'),
    meaning: t(
      'The callee is temporarily unavailable, and the server has put the call in a queue instead of rejecting it. The reason phrase may carry the queue position or expected wait, and the server may send several 182s as the queue moves.',
      '被叫暂时不可用，服务器将呼叫放入队列而不是拒绝。原因短语可能给出排队位置或预计等待时间，随着队列推进服务器可能多次发送 182。',
    ),
    nextStep: t(
      'Keep the INVITE pending and show the queue status if one is given; send CANCEL if the caller gives up.',
      '保持 INVITE 挂起，如有排队信息则向用户显示；主叫放弃时发送 CANCEL。',
    ),
    requires: PROVISIONAL,
  }),
  registered(183, {
    phrase: 'Session Progress',
    ref: rfc(3261, '21.1.5'),
    meaning: t(
      'Call progress information that no other 1xx code covers. In practice it usually carries an SDP answer so that the caller hears early media (network announcements or ringback). A UAC treats an unknown provisional code as 183 (RFC 3261 §8.1.3.2).',
      '用于其他 1xx 码未涵盖的呼叫进展信息。实际中通常携带 SDP 应答，使主叫能听到早期媒体（网络提示音或回铃音）。UAC 会把未知的临时响应码当作 183 处理（RFC 3261 §8.1.3.2）。',
    ),
    nextStep: t(
      'If it carries SDP, set up early media according to offer/answer; if it carries Require: 100rel and RSeq, acknowledge it with PRACK. Then wait for the final response.',
      '若携带 SDP，则按 offer/answer 建立早期媒体；若带 Require: 100rel 和 RSeq，则用 PRACK 确认。然后等待最终响应。',
    ),
    requires: PROVISIONAL,
  }),
  registered(199, {
    phrase: 'Early Dialog Terminated',
    ref: rfc(6228),
    meaning: t(
      'After forking, one branch has ended with a non-2xx final response, and this tells the caller that the early dialog of that branch is gone while the INVITE continues on other branches. It is sent only to a UAC that listed the option tag 199 in Supported.',
      '分叉后某个分支以非 2xx 最终响应结束，此响应告知主叫该分支的早期对话已终止，而 INVITE 仍在其他分支上继续。只发给在 Supported 中声明了选项标签 199 的 UAC。',
    ),
    nextStep: t(
      'Release what belongs to that early dialog (its early-media stream, its state) and keep waiting for the other branches.',
      '释放属于该早期对话的资源（其早期媒体流及状态），继续等待其他分支。',
    ),
    requires: RELIABLE_PROVISIONAL,
  }),
  registered(200, {
    phrase: 'OK',
    ref: rfc(3261, '21.2.1'),
    meaning: t(
      'The request succeeded; what that means depends on the method. For INVITE the callee accepted the session and the body holds the SDP answer (or an offer); for REGISTER the bindings were updated and are listed in Contact; for BYE the session is over.',
      '请求成功，具体含义取决于方法。对 INVITE 表示被叫接受会话，消息体含 SDP 应答（或 offer）；对 REGISTER 表示绑定已更新并列在 Contact 中；对 BYE 表示会话已结束。',
    ),
    nextStep: t(
      'For INVITE send an ACK for every 2xx received (a new end-to-end request; the UAS retransmits the 2xx until it arrives) and start the session. For other methods the transaction is complete.',
      '对 INVITE，须为收到的每个 2xx 发送 ACK（一个新的端到端请求；UAS 会重传 2xx 直到收到 ACK），然后开始会话。对其他方法，事务到此完成。',
    ),
    requires: [...SUCCESS, ...OK_ONLY],
  }),
  registered(202, {
    phrase: 'Accepted (Deprecated)',
    ref: rfc(6665),
    seeAlso: [rfc(3265, '7.3.1'), rfc(3515, '2.4.2')],
    meaning: t(
      'The request was accepted but not yet acted on. RFC 3265 answered a SUBSCRIBE with it while authorization was pending, and RFC 3515 answers an accepted REFER with it. RFC 6665 deprecated it for subscriptions: a notifier now answers 200 and reports the pending state in NOTIFY.',
      '请求已被接受，但尚未执行。RFC 3265 在授权尚未确定时用它应答 SUBSCRIBE，RFC 3515 用它应答被接受的 REFER。RFC 6665 已在订阅中废弃它：通知方现在应答 200，并在 NOTIFY 中报告 pending 状态。',
    ),
    nextStep: t(
      'Treat it as 200: the subscription (or the implicit subscription of a REFER) exists. Expect a NOTIFY whose Subscription-State gives the real state, possibly pending.',
      '按 200 处理：订阅（或 REFER 的隐式订阅）已建立。等待 NOTIFY，其 Subscription-State 给出实际状态（可能为 pending）。',
    ),
    requires: SUCCESS,
  }),
  registered(204, {
    phrase: 'No Notification',
    ref: rfc(5839),
    meaning: t(
      'A notifier accepted a conditional subscription refresh (the SUBSCRIBE carried the subscriber’s current entity-tag in Suppress-If-Match) and will send no NOTIFY, because the subscriber’s copy of the state is still current.',
      '通知方接受了条件订阅刷新（SUBSCRIBE 在 Suppress-If-Match 中带有订阅方当前的实体标签），且不会发送 NOTIFY，因为订阅方持有的状态仍是最新的。',
    ),
    nextStep: t(
      'Keep the cached event state; the subscription is refreshed for the duration given in Expires.',
      '保留缓存的事件状态；订阅已按 Expires 给出的时长刷新。',
    ),
    requires: SUCCESS,
  }),
  registered(300, {
    phrase: 'Multiple Choices',
    ref: rfc(3261, '21.3.1'),
    meaning: t(
      'The address in the request resolved to several locations (devices, services or languages). The alternatives should be listed in Contact, possibly ranked by q-value, and may also be described in the body.',
      '请求中的地址解析为多个位置（不同设备、服务或语言）。备选地址应列在 Contact 中（可用 q 值排序），也可在消息体中描述。',
    ),
    nextStep: t(
      'Choose one or more Contacts (by q-value or by asking the user) and send new requests there, or give up. Do not repeat the request to the original URI.',
      '按 q 值或由用户选择一个或多个 Contact，并向其发送新请求，或放弃。不要向原 URI 重发请求。',
    ),
    requires: [always('Contact', 'should', 3261, '21.3.1'), ...REDIRECT_INVITE, ...REDIRECT_EVENTS],
  }),
  registered(301, {
    phrase: 'Moved Permanently',
    ref: rfc(3261, '21.3.2'),
    meaning: t(
      'The user can no longer be found at the Request-URI; the new address is given in Contact and the move is lasting.',
      '用户已不在 Request-URI 所指地址；新地址在 Contact 中给出，且该变更是永久性的。',
    ),
    nextStep: t(
      'Retry at the Contact address and update address books, caches and directories so that later requests go there directly.',
      '向 Contact 中的地址重试，并更新通讯录、缓存和目录，使以后的请求直接发往新地址。',
    ),
    requires: [...REDIRECT_INVITE, ...REDIRECT_EVENTS],
  }),
  registered(302, {
    phrase: 'Moved Temporarily',
    ref: rfc(3261, '21.3.3'),
    meaning: t(
      'The user is reachable for now at the address(es) in Contact, for example because of call forwarding. An Expires header or a Contact expires parameter may say how long the redirection holds.',
      '用户目前可通过 Contact 中的地址找到（例如因为呼叫前转）。Expires 头或 Contact 的 expires 参数可说明该重定向的有效期。',
    ),
    nextStep: t(
      'Retry the request at the Contact address(es) (a proxy may recurse on them itself). Do not update permanent records; cache the redirection only for its stated lifetime.',
      '向 Contact 中的地址重试请求（代理也可自行递归处理）。不要更新永久记录；重定向只按其声明的有效期缓存。',
    ),
    requires: [...REDIRECT_INVITE, ...REDIRECT_EVENTS],
  }),
  registered(305, {
    phrase: 'Use Proxy',
    ref: rfc(3261, '21.3.4'),
    meaning: t(
      'The resource must be reached through the proxy named in Contact. Only a UAS may send this code.',
      '必须通过 Contact 中指定的代理访问该资源。只有 UAS 可以发送此响应码。',
    ),
    nextStep: t(
      'Resend this one request through the proxy in Contact. Accept it with care: following an unauthenticated 305 lets an attacker steer traffic through a proxy of its choice.',
      '经由 Contact 中的代理重发这一个请求。需谨慎接受：服从未经认证的 305 会让攻击者把流量引向其选择的代理。',
    ),
    requires: [always('Contact', 'must', 3261, '21.3.4'), ...REDIRECT_EVENTS],
  }),
  registered(380, {
    phrase: 'Alternative Service',
    ref: rfc(3261, '21.3.5'),
    meaning: t(
      'The call did not succeed, but alternative services are possible; the body describes them.',
      '呼叫未成功，但可以使用替代服务；消息体中描述了这些服务。',
    ),
    nextStep: t(
      'Read the body and offer the alternatives to the user if the UA understands them; otherwise handle it as a failed call.',
      '读取消息体，若 UA 能理解则向用户提供这些替代服务；否则按呼叫失败处理。',
    ),
    requires: REDIRECT_EVENTS,
  }),
];
