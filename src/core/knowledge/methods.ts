/**
 * SIP methods of RFC 3261 and the extension RFCs. Method names are case-sensitive
 * (RFC 3261 §25: `INVITEm = %x49.4E.56.49.54.45`; RFC 3265 §7.1.1), so `invite` is not INVITE.
 */

import { rfc, t } from './text';
import type { MethodInfo } from './types';

export const METHODS: readonly MethodInfo[] = [
  {
    name: 'INVITE',
    ref: rfc(3261, '13'),
    purpose: t(
      'Invites a user into a session. It usually carries an SDP offer, creates a dialog through its 2xx, and is completed by an ACK. Sent inside a dialog (a re-INVITE) it modifies the session: hold, codec change, target refresh.',
      '邀请用户加入会话。通常携带 SDP offer，通过其 2xx 响应建立对话，并以 ACK 完成。在对话内发送（re-INVITE）时用于修改会话：保持、更换编解码器、刷新目标地址。',
    ),
  },
  {
    name: 'ACK',
    ref: rfc(3261, '17.1.1.3'),
    seeAlso: [rfc(3261, '13.2.2.4')],
    purpose: t(
      'Confirms the final response to an INVITE. For a non-2xx it belongs to the INVITE transaction (same branch, hop by hop); for a 2xx it is a separate end-to-end request built like any request in the dialog. It never gets a response, and carries the SDP answer when the INVITE had no offer.',
      '确认 INVITE 的最终响应。对非 2xx 响应，它属于 INVITE 事务（相同 branch，逐跳）；对 2xx 响应，它是按对话内请求构造的独立端到端请求。ACK 从不被应答；若 INVITE 未带 offer，则由 ACK 携带 SDP 应答。',
    ),
  },
  {
    name: 'BYE',
    ref: rfc(3261, '15.1'),
    purpose: t(
      'Ends a session and its dialog. The caller may send it on a confirmed or an early dialog; the callee must wait for the ACK of its 2xx (or the transaction timeout) before sending it.',
      '结束会话及其对话。主叫可在已确认或早期对话上发送；被叫必须等到其 2xx 的 ACK（或事务超时）后才能发送。',
    ),
  },
  {
    name: 'CANCEL',
    ref: rfc(3261, '9'),
    purpose: t(
      'Asks a server to stop processing a pending request, in practice an INVITE without a final response. It is hop by hop and repeats the Request-URI, Call-ID, From, To, CSeq number and top Via of that request; the CANCEL gets its own 200 and the INVITE ends with 487. It has no effect once a final response was sent.',
      '请求服务器停止处理尚未完成的请求，实际上用于尚无最终响应的 INVITE。它逐跳传递，沿用原请求的 Request-URI、Call-ID、From、To、CSeq 序号和顶层 Via；CANCEL 自身得到 200，INVITE 则以 487 结束。最终响应发出后 CANCEL 不再起作用。',
    ),
  },
  {
    name: 'REGISTER',
    ref: rfc(3261, '10'),
    purpose: t(
      'Binds an address of record to one or more contact addresses at a registrar, refreshes or removes those bindings (Expires: 0, or Contact: * to remove all), or queries them when sent without Contact.',
      '在注册服务器上把记录地址（AoR）绑定到一个或多个联系地址，刷新或删除这些绑定（Expires: 0，或用 Contact: * 删除全部），不带 Contact 发送时则用于查询绑定。',
    ),
  },
  {
    name: 'OPTIONS',
    ref: rfc(3261, '11'),
    purpose: t(
      'Asks a UA or server for its capabilities (Allow, Accept, Supported, SDP) without setting up a call. Servers also use it widely as a keep-alive or health check.',
      '在不建立呼叫的情况下查询 UA 或服务器的能力（Allow、Accept、Supported、SDP）。服务器之间也广泛用它做保活或健康检查。',
    ),
  },
  {
    name: 'PRACK',
    ref: rfc(3262, '6'),
    purpose: t(
      'Acknowledges a reliable provisional response (one with Require: 100rel and RSeq); its RAck names that response by RSeq, CSeq number and method. It is an ordinary request with its own 2xx and may carry an offer or an answer.',
      '确认可靠临时响应（带 Require: 100rel 和 RSeq 的响应）；其 RAck 以 RSeq、CSeq 序号和方法标识被确认的响应。它是普通请求，有自己的 2xx 响应，可携带 offer 或 answer。',
    ),
  },
  {
    name: 'SUBSCRIBE',
    ref: rfc(6665),
    seeAlso: [rfc(3265, '7.1.1')],
    purpose: t(
      'Asks for notifications of state changes of an event package named in Event (presence, dialog, message-summary ...). It creates a subscription that is refreshed before Expires runs out and ended with Expires: 0.',
      '请求获得 Event 所指事件包（presence、dialog、message-summary 等）的状态变化通知。它建立一个订阅，需在 Expires 到期前刷新，以 Expires: 0 结束。',
    ),
  },
  {
    name: 'NOTIFY',
    ref: rfc(6665),
    seeAlso: [rfc(3265, '7.1.2')],
    purpose: t(
      'Delivers the state of a subscription to the subscriber: Event names the package, Subscription-State says active, pending or terminated, and the body holds the state. It also reports progress for the implicit subscription of a REFER.',
      '向订阅方传递订阅状态：Event 指明事件包，Subscription-State 给出 active、pending 或 terminated，消息体携带状态内容。它也用于报告 REFER 隐式订阅的进展。',
    ),
  },
  {
    name: 'UPDATE',
    ref: rfc(3311, '7'),
    purpose: t(
      'Changes session parameters (a new offer/answer) without touching the dialog state, typically on an early dialog before the INVITE has completed; it also works on confirmed dialogs. A peer signals support with UPDATE in Allow.',
      '在不影响对话状态的情况下修改会话参数（新的 offer/answer），典型用于 INVITE 完成前的早期对话；也可用于已确认的对话。对端通过在 Allow 中列出 UPDATE 表明支持。',
    ),
  },
  {
    name: 'MESSAGE',
    ref: rfc(3428, '9'),
    purpose: t(
      'Carries an instant message in its body (pager mode). Each MESSAGE stands alone and creates no dialog.',
      '在消息体中携带即时消息（寻呼模式）。每个 MESSAGE 独立存在，不建立对话。',
    ),
  },
  {
    name: 'REFER',
    ref: rfc(3515, '2'),
    purpose: t(
      'Asks the recipient to contact the URI in Refer-To, typically for call transfer. It creates an implicit subscription to the refer event, whose NOTIFYs report the progress as message/sipfrag bodies.',
      '请求接收方联系 Refer-To 中的 URI，典型用于呼叫转接。它建立对 refer 事件的隐式订阅，其 NOTIFY 以 message/sipfrag 消息体报告进展。',
    ),
  },
  {
    name: 'PUBLISH',
    ref: rfc(3903, '11.1.1'),
    purpose: t(
      'Publishes event state (for example presence) to an event state compositor. Its 200 returns a SIP-ETag, which later PUBLISHes quote in SIP-If-Match to refresh, modify or remove that state.',
      '向事件状态合成器发布事件状态（例如在线状态）。其 200 响应返回 SIP-ETag，后续 PUBLISH 在 SIP-If-Match 中引用它来刷新、修改或删除该状态。',
    ),
  },
  {
    name: 'INFO',
    ref: rfc(6086),
    seeAlso: [rfc(2976)],
    purpose: t(
      'Carries application data inside an existing dialog without changing its state, for example DTMF digits. RFC 6086 frames it with Info Packages (Info-Package and Recv-Info headers); legacy use under RFC 2976 has no such negotiation.',
      '在现有对话中携带应用数据而不改变对话状态，例如 DTMF 按键。RFC 6086 通过 Info Package（Info-Package 和 Recv-Info 头）规范其用法；RFC 2976 的旧用法没有这种协商。',
    ),
  },
];
