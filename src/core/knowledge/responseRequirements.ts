/**
 * Header requirements that depend on the response code (../shared/reference/sip-rules.md §2.2),
 * grouped so that the response-code tables can share them. Requirements every response carries
 * (From, To, Call-ID, CSeq, Via, RFC 3261 §8.2.6.2) are not here: see presence.ts.
 *
 * Levels follow the reference exactly: a table entry "m" or an RFC "MUST" is `must`, "m*" or
 * "SHOULD" is `should`; "o" and "MAY" are not requirements and are only mentioned in the texts.
 */

import type { HeaderRequirement, Localized } from './types';

function when(en: string, zh: string): Localized {
  return { en, 'zh-cn': zh };
}

const RELIABLE = when(
  'Only when the provisional response is sent reliably (RFC 3262).',
  '仅当该临时响应以可靠方式发送时（RFC 3262）。',
);

/** Reliable provisional responses (101-199): RFC 3262 §3. */
export const RELIABLE_PROVISIONAL: readonly HeaderRequirement[] = [
  {
    header: 'Require',
    level: 'must',
    ref: { rfc: 3262, section: '3' },
    condition: when(
      'Only when the provisional response is sent reliably; it then lists the option tag 100rel.',
      '仅当该临时响应以可靠方式发送时；此时须包含选项标签 100rel。',
    ),
    when: ['reliable-provisional'],
  },
  {
    header: 'RSeq',
    level: 'must',
    ref: { rfc: 3262, section: '3' },
    condition: RELIABLE,
    when: ['reliable-provisional'],
  },
];

/** A provisional response to INVITE that creates an early dialog: RFC 3261 §12.1.1. */
export const EARLY_DIALOG: readonly HeaderRequirement[] = [
  {
    header: 'Contact',
    level: 'must',
    ref: { rfc: 3261, section: '12.1.1' },
    condition: when(
      'When this provisional response to an INVITE creates an early dialog (it carries a To tag).',
      '当此 INVITE 的临时响应建立早期对话（带 To tag）时。',
    ),
    methods: ['INVITE'],
    when: ['creates-dialog'],
  },
  {
    header: 'Record-Route',
    level: 'must',
    ref: { rfc: 3261, section: '12.1.1' },
    condition: when(
      'When the response creates a dialog and the request carried Record-Route: all values are copied, in order.',
      '当响应建立对话且请求带有 Record-Route 时：须按原顺序复制全部取值。',
    ),
    methods: ['INVITE'],
    when: ['creates-dialog', 'request-has-record-route'],
  },
];

/** Requirements of every 2xx, by method. */
export const SUCCESS: readonly HeaderRequirement[] = [
  {
    header: 'Contact',
    level: 'must',
    ref: { rfc: 3261, section: '12.1.1' },
    condition: when(
      'In a 2xx to INVITE (Table 2: m); a single SIP or SIPS URI, SIPS when the request used SIPS.',
      '用于 INVITE 的 2xx 响应（表 2：m）；只含一个 SIP 或 SIPS URI，请求使用 SIPS 时须为 SIPS。',
    ),
    methods: ['INVITE'],
  },
  {
    header: 'Allow',
    level: 'should',
    ref: { rfc: 3261, section: '13.3.1.4' },
    condition: when('In a 2xx to INVITE (Table 2: m*).', '用于 INVITE 的 2xx 响应（表 2：m*）。'),
    methods: ['INVITE'],
  },
  {
    header: 'Supported',
    level: 'should',
    ref: { rfc: 3261, section: '13.3.1.4' },
    condition: when('In a 2xx to INVITE (Table 3: m*).', '用于 INVITE 的 2xx 响应（表 3：m*）。'),
    methods: ['INVITE'],
  },
  {
    header: 'Record-Route',
    level: 'must',
    ref: { rfc: 3261, section: '12.1.1' },
    condition: when(
      'When the 2xx creates a dialog and the request carried Record-Route: all values are copied, in order.',
      '当 2xx 建立对话且请求带有 Record-Route 时：须按原顺序复制全部取值。',
    ),
    methods: ['INVITE', 'SUBSCRIBE', 'REFER'],
    when: ['creates-dialog', 'request-has-record-route'],
  },
  {
    header: 'Contact',
    level: 'must',
    ref: { rfc: 3265, section: '7.1' },
    condition: when('In a 2xx to SUBSCRIBE (RFC 3265 table: m).', '用于 SUBSCRIBE 的 2xx 响应（RFC 3265 表：m）。'),
    methods: ['SUBSCRIBE'],
  },
  {
    header: 'Expires',
    level: 'must',
    ref: { rfc: 3265, section: '3.1.1' },
    condition: when(
      'In a 2xx to SUBSCRIBE; the value is not longer than the one requested.',
      '用于 SUBSCRIBE 的 2xx 响应；取值不得大于请求中的值。',
    ),
    methods: ['SUBSCRIBE'],
  },
  {
    header: 'Contact',
    level: 'must',
    ref: { rfc: 3311, section: '7' },
    condition: when('In a 2xx to UPDATE (RFC 3311 table: m).', '用于 UPDATE 的 2xx 响应（RFC 3311 表：m）。'),
    methods: ['UPDATE'],
  },
  {
    header: 'Contact',
    level: 'must',
    ref: { rfc: 3515, section: '2.2' },
    condition: when('In a 2xx to REFER (RFC 3515 table: m).', '用于 REFER 的 2xx 响应（RFC 3515 表：m）。'),
    methods: ['REFER'],
  },
];

const OPTIONS_200 = when(
  'In a 200 to OPTIONS, to describe the capabilities of the UAS.',
  '用于 OPTIONS 的 200 响应，以说明 UAS 的能力。',
);

/** Requirements specific to 200 (OK), by method. */
export const OK_ONLY: readonly HeaderRequirement[] = [
  {
    header: 'Allow',
    level: 'should',
    ref: { rfc: 3261, section: '11.2' },
    condition: when(
      'In a 200 to OPTIONS sent by a UA; a proxy answering OPTIONS itself should omit it.',
      '用于由 UA 发出的 OPTIONS 的 200 响应；代理自行应答 OPTIONS 时应省略。',
    ),
    methods: ['OPTIONS'],
  },
  ...['Accept', 'Accept-Encoding', 'Accept-Language', 'Supported'].map(
    (header): HeaderRequirement => ({
      header,
      level: 'should',
      ref: { rfc: 3261, section: '11.2' },
      condition: OPTIONS_200,
      methods: ['OPTIONS'],
    }),
  ),
  {
    header: 'Contact',
    level: 'must',
    ref: { rfc: 3261, section: '10.3' },
    condition: when(
      'In a 200 to REGISTER while bindings remain: one value per current binding, each with an expires parameter.',
      '用于 REGISTER 的 200 响应且仍有绑定时：每个当前绑定一个取值，且各带 expires 参数。',
    ),
    methods: ['REGISTER'],
    when: ['bindings-exist'],
  },
  {
    header: 'Date',
    level: 'should',
    ref: { rfc: 3261, section: '10.3' },
    condition: when('In a 200 to REGISTER.', '用于 REGISTER 的 200 响应。'),
    methods: ['REGISTER'],
  },
  {
    header: 'Expires',
    level: 'must',
    ref: { rfc: 3903, section: '6' },
    condition: when('In a 200 to PUBLISH: how long the published state lives.', '用于 PUBLISH 的 200 响应：发布状态的有效期。'),
    methods: ['PUBLISH'],
  },
  {
    header: 'SIP-ETag',
    level: 'must',
    ref: { rfc: 3903, section: '6' },
    condition: when(
      'In a 200 to PUBLISH: a single entity-tag for later refreshes.',
      '用于 PUBLISH 的 200 响应：供后续刷新使用的单个实体标签。',
    ),
    methods: ['PUBLISH'],
  },
];

/** Every 3xx to SUBSCRIBE or NOTIFY: RFC 3265 §7.1 table, Contact "m". */
export const REDIRECT_EVENTS: readonly HeaderRequirement[] = [
  {
    header: 'Contact',
    level: 'must',
    ref: { rfc: 3265, section: '7.1' },
    condition: when('In a 3xx to SUBSCRIBE or NOTIFY (RFC 3265 table: m).', '用于 SUBSCRIBE 或 NOTIFY 的 3xx 响应（RFC 3265 表：m）。'),
    methods: ['SUBSCRIBE', 'NOTIFY'],
  },
];

/** 300/301/302 to INVITE: RFC 3261 §13.3.1.2 ("SHOULD contain a Contact"). */
export const REDIRECT_INVITE: readonly HeaderRequirement[] = [
  {
    header: 'Contact',
    level: 'should',
    ref: { rfc: 3261, section: '13.3.1.2' },
    condition: when('When an INVITE is redirected.', '当 INVITE 被重定向时。'),
    methods: ['INVITE'],
  },
];

function bodyNegotiation(
  header: string,
  circumstance: 'body-type-not-understood' | 'body-encoding-not-understood' | 'body-language-not-understood',
  en: string,
  zh: string,
): HeaderRequirement {
  return { header, level: 'must', ref: { rfc: 3261, section: '8.2.3' }, condition: when(en, zh), when: [circumstance] };
}

/** 415: what the UAS can accept (RFC 3261 §8.2.3; m* in the MESSAGE and PUBLISH tables). */
export const UNSUPPORTED_MEDIA: readonly HeaderRequirement[] = [
  bodyNegotiation(
    'Accept',
    'body-type-not-understood',
    'When the body’s media type was not understood: the types the UAS accepts.',
    '当消息体的媒体类型无法理解时：列出 UAS 可接受的类型。',
  ),
  bodyNegotiation(
    'Accept-Encoding',
    'body-encoding-not-understood',
    'When the body’s content coding was not understood: the codings the UAS accepts.',
    '当消息体的内容编码无法理解时：列出 UAS 可接受的编码。',
  ),
  bodyNegotiation(
    'Accept-Language',
    'body-language-not-understood',
    'When the body’s language was not understood: the languages the UAS accepts.',
    '当消息体的语言无法理解时：列出 UAS 可接受的语言。',
  ),
  ...(['Accept', 'Accept-Encoding', 'Accept-Language'] as const).flatMap((header): HeaderRequirement[] => [
    {
      header,
      level: 'should',
      ref: { rfc: 3428, section: '9' },
      condition: when('In a 415 to MESSAGE (RFC 3428 table: m*).', '用于 MESSAGE 的 415 响应（RFC 3428 表：m*）。'),
      methods: ['MESSAGE'],
    },
    {
      header,
      level: 'should',
      ref: { rfc: 3903, section: '11.1.1' },
      condition: when('In a 415 to PUBLISH (RFC 3903 table: m*).', '用于 PUBLISH 的 415 响应（RFC 3903 表：m*）。'),
      methods: ['PUBLISH'],
    },
  ]),
];

/** 423: the shortest interval the server accepts, per method. */
export const INTERVAL_TOO_BRIEF: readonly HeaderRequirement[] = [
  {
    header: 'Min-Expires',
    level: 'must',
    ref: { rfc: 3261, section: '10.3' },
    condition: when('In a 423 to REGISTER.', '用于 REGISTER 的 423 响应。'),
    methods: ['REGISTER'],
  },
  {
    header: 'Min-Expires',
    level: 'must',
    ref: { rfc: 3903, section: '6' },
    condition: when('In a 423 to PUBLISH.', '用于 PUBLISH 的 423 响应。'),
    methods: ['PUBLISH'],
  },
  {
    header: 'Min-Expires',
    level: 'must',
    ref: { rfc: 3265, section: '7.1' },
    condition: when('In a 423 to SUBSCRIBE (RFC 3265 table: m).', '用于 SUBSCRIBE 的 423 响应（RFC 3265 表：m）。'),
    methods: ['SUBSCRIBE'],
  },
];

/** 489: the event packages the server supports. */
export const BAD_EVENT: readonly HeaderRequirement[] = [
  {
    header: 'Allow-Events',
    level: 'must',
    ref: { rfc: 3265, section: '7.2' },
    condition: when('In a 489 to SUBSCRIBE or NOTIFY (RFC 3265 table: m).', '用于 SUBSCRIBE 或 NOTIFY 的 489 响应（RFC 3265 表：m）。'),
    methods: ['SUBSCRIBE', 'NOTIFY'],
  },
  {
    header: 'Allow-Events',
    level: 'must',
    ref: { rfc: 3903, section: '11.1.1' },
    condition: when('In a 489 to PUBLISH (RFC 3903 table: m).', '用于 PUBLISH 的 489 响应（RFC 3903 表：m）。'),
    methods: ['PUBLISH'],
  },
];

/** 500 to an overlapping INVITE or UPDATE: a Retry-After with a random 0-10 s value. */
export const OVERLAP_RETRY: readonly HeaderRequirement[] = [
  {
    header: 'Retry-After',
    level: 'must',
    ref: { rfc: 3261, section: '14.2' },
    condition: when(
      'When the INVITE arrived on a dialog before the UAS sent the final response to the previous INVITE: a random value of 0 to 10 seconds.',
      '当 UAS 尚未对同一对话中的上一个 INVITE 发出最终响应时又收到 INVITE：取 0 到 10 秒间的随机值。',
    ),
    methods: ['INVITE'],
    when: ['overlapping-request'],
  },
  {
    header: 'Retry-After',
    level: 'must',
    ref: { rfc: 3311, section: '5.2' },
    condition: when(
      'When the UPDATE arrived before the UAS answered a previous UPDATE, or brought an offer while the UAS still owed an answer to an earlier offer: a random value of 0 to 10 seconds.',
      '当 UAS 尚未应答上一个 UPDATE 时又收到 UPDATE，或 UAS 对先前的 offer 尚未给出 answer 时又收到带 offer 的 UPDATE：取 0 到 10 秒间的随机值。',
    ),
    methods: ['UPDATE'],
    when: ['overlapping-request'],
  },
];

/** A single unconditional requirement (the common case: 401, 405, 407, 420, 421 ...). */
export function always(
  header: string,
  level: 'must' | 'should',
  rfc: number,
  section?: string,
  evidence?: 'second-hand' | 'unverified',
): HeaderRequirement {
  const ref = section === undefined ? { rfc } : { rfc, section };
  return evidence === undefined ? { header, level, ref } : { header, level, ref, evidence };
}

/** A requirement that holds only under a circumstance. */
export function onlyWhen(base: HeaderRequirement, extra: Partial<HeaderRequirement>): HeaderRequirement {
  return { ...base, ...extra };
}
