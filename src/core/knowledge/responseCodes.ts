/**
 * The response-code table: the 75 codes of the IANA registry, plus a class fallback for any other
 * code from 100 to 699 (RFC 3261 §8.1.3.2: a UAC treats an unknown final code as x00 and an
 * unknown provisional code as 183).
 */

import { PROVISIONAL_SUCCESS_REDIRECT_CODES } from './responseCodes1xx2xx3xx';
import { REQUEST_FAILURE_CODES } from './responseCodes4xx';
import { SERVER_GLOBAL_FAILURE_CODES } from './responseCodes5xx6xx';
import { EARLY_DIALOG, REDIRECT_EVENTS, RELIABLE_PROVISIONAL, SUCCESS } from './responseRequirements';
import { rfc, t } from './text';
import type { HeaderRequirement, Language, Localized, ResponseCodeInfo } from './types';

/** Registered codes in ascending order. */
export const REGISTERED_CODES: readonly ResponseCodeInfo[] = [
  ...PROVISIONAL_SUCCESS_REDIRECT_CODES,
  ...REQUEST_FAILURE_CODES,
  ...SERVER_GLOBAL_FAILURE_CODES,
].sort((a, b) => a.code - b.code);

const BY_CODE: ReadonlyMap<number, ResponseCodeInfo> = new Map(REGISTERED_CODES.map((c) => [c.code, c]));

const CLASS_NAMES: Readonly<Record<number, Localized>> = {
  1: t('Provisional', '临时响应'),
  2: t('Success', '成功'),
  3: t('Redirection', '重定向'),
  4: t('Client failure', '客户端错误'),
  5: t('Server failure', '服务器错误'),
  6: t('Global failure', '全局失败'),
};

/** Name of a response class (1 to 6), e.g. "Client failure"; undefined outside 1-6. */
export function responseClassName(cls: number, lang: Language): string | undefined {
  return CLASS_NAMES[cls]?.[lang];
}

interface ClassFallback {
  readonly phraseEn: string;
  readonly meaning: Localized;
  readonly nextStep: Localized;
  readonly requires: readonly HeaderRequirement[];
}

const UNREGISTERED = t(
  'This code is not in the IANA registry.',
  '此响应码未在 IANA 注册表中登记。',
);

function classText(en: string, zh: string): Localized {
  return t(`${UNREGISTERED.en} ${en}`, `${UNREGISTERED['zh-cn']}${zh}`);
}

/** What an unknown code of each class means; RFC 3261 §8.1.3.2 says how a UAC treats it. */
const CLASS_FALLBACKS: Readonly<Record<number, ClassFallback>> = {
  1: {
    phraseEn: 'Unknown provisional (1xx)',
    meaning: classText(
      'A provisional response says the request is still being processed; a UAC treats an unknown one (other than 100) as 183 Session Progress.',
      '临时响应表示请求仍在处理中；UAC 会把未知的临时响应（100 除外）当作 183 Session Progress 处理。',
    ),
    nextStep: t(
      'Handle it like 183: keep waiting for the final response, set up early media if it carries SDP, and PRACK it if it was sent reliably.',
      '按 183 处理：继续等待最终响应，若携带 SDP 则建立早期媒体，若以可靠方式发送则用 PRACK 确认。',
    ),
    requires: [...RELIABLE_PROVISIONAL, ...EARLY_DIALOG],
  },
  2: {
    phraseEn: 'Unknown success (2xx)',
    meaning: classText(
      'A 2xx says the request succeeded; a UAC treats an unknown one as 200 OK.',
      '2xx 表示请求成功；UAC 会把未知的 2xx 当作 200 OK 处理。',
    ),
    nextStep: t(
      'Handle it like 200: for INVITE send an ACK and start the session.',
      '按 200 处理：对 INVITE 须发送 ACK 并开始会话。',
    ),
    requires: SUCCESS,
  },
  3: {
    phraseEn: 'Unknown redirection (3xx)',
    meaning: classText(
      'A 3xx says the request should be tried elsewhere; a UAC treats an unknown one as 300 Multiple Choices.',
      '3xx 表示应在其他地方重试请求；UAC 会把未知的 3xx 当作 300 Multiple Choices 处理。',
    ),
    nextStep: t(
      'Handle it like 300: look at the Contact values and retry at one of them, or give up.',
      '按 300 处理：查看 Contact 中的地址并选择其一重试，或放弃。',
    ),
    requires: REDIRECT_EVENTS,
  },
  4: {
    phraseEn: 'Unknown client failure (4xx)',
    meaning: classText(
      'A 4xx says the request failed because of its content or the target at this server; a UAC treats an unknown one as 400 Bad Request.',
      '4xx 表示请求因其内容或在本服务器上的目标而失败；UAC 会把未知的 4xx 当作 400 Bad Request 处理。',
    ),
    nextStep: t(
      'Handle it like 400: do not resend the request unchanged; the reason phrase may tell what to fix.',
      '按 400 处理：不要原样重发请求；原因短语可能说明需要修正的内容。',
    ),
    requires: [],
  },
  5: {
    phraseEn: 'Unknown server failure (5xx)',
    meaning: classText(
      'A 5xx says the server failed to process a request that may be valid; a UAC treats an unknown one as 500 Server Internal Error.',
      '5xx 表示服务器未能处理一个可能有效的请求；UAC 会把未知的 5xx 当作 500 Server Internal Error 处理。',
    ),
    nextStep: t(
      'Handle it like 500: retry after Retry-After if given, or on another server.',
      '按 500 处理：若有 Retry-After 则在其后重试，或改用其他服务器。',
    ),
    requires: [],
  },
  6: {
    phraseEn: 'Unknown global failure (6xx)',
    meaning: classText(
      'A 6xx says the request cannot succeed at any location; a UAC treats an unknown one as 600 Busy Everywhere.',
      '6xx 表示请求在任何位置都无法成功；UAC 会把未知的 6xx 当作 600 Busy Everywhere 处理。',
    ),
    nextStep: t(
      'Handle it like 600: stop trying other locations for this request.',
      '按 600 处理：停止为此请求尝试其他位置。',
    ),
    requires: [],
  },
};

const fallbackCache = new Map<number, ResponseCodeInfo>();

function classFallback(code: number): ResponseCodeInfo {
  const cached = fallbackCache.get(code);
  if (cached) {
    return cached;
  }
  const cls = Math.floor(code / 100);
  const fallback = CLASS_FALLBACKS[cls];
  if (fallback === undefined) {
    throw new RangeError(`no response class for ${code}`);
  }
  const info: ResponseCodeInfo = {
    code,
    phrase: fallback.phraseEn,
    responseClass: cls,
    ref: rfc(3261, `21.${cls}`),
    seeAlso: [rfc(3261, '8.1.3.2')],
    meaning: fallback.meaning,
    nextStep: fallback.nextStep,
    requires: fallback.requires,
    registered: false,
  };
  fallbackCache.set(code, info);
  return info;
}

/**
 * The knowledge for a status code: the registered entry, a class fallback (`registered: false`)
 * for any other integer from 100 to 699, undefined otherwise (SIP status codes are three digits
 * whose first digit is 1-6, RFC 3261 §7.2).
 */
export function lookupResponseCode(code: number): ResponseCodeInfo | undefined {
  if (!Number.isInteger(code) || code < 100 || code > 699) {
    return undefined;
  }
  return BY_CODE.get(code) ?? classFallback(code);
}
