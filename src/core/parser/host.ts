/**
 * Host syntax of RFC 3261 §25.1: hostname, IPv4address, IPv6reference. IPv6 text is checked
 * against RFC 4291 §2.2 rather than RFC 3261's ABNF, whose `hexpart [":" IPv4address]` wrongly
 * admits three colons (`2001:db8:::192.0.2.1`, RFC 5118 §4.10).
 */
import { DOT, isAlnum, isAlpha, isDigit, isHex } from './chars';
import { reason, type SyntaxReason } from './reasons';

export type HostKind = 'hostname' | 'ipv4' | 'ipv6';

/** `1*3DIGIT "." 1*3DIGIT "." 1*3DIGIT "." 1*3DIGIT`, each part at most 255. */
export function isIPv4(text: string): boolean {
  let parts = 0;
  let i = 0;
  const n = text.length;
  while (parts < 4) {
    const s = i;
    let v = 0;
    while (i < n && isDigit(text.charCodeAt(i)) && i - s < 3) {
      v = v * 10 + (text.charCodeAt(i) - 48);
      i++;
    }
    if (i === s || v > 255 || (i < n && isDigit(text.charCodeAt(i)))) {
      return false;
    }
    parts++;
    if (parts < 4) {
      if (i >= n || text.charCodeAt(i) !== DOT) {
        return false;
      }
      i++;
    }
  }
  return i === n;
}

function isHex4(group: string): boolean {
  if (group.length < 1 || group.length > 4) {
    return false;
  }
  for (let i = 0; i < group.length; i++) {
    if (!isHex(group.charCodeAt(i))) {
      return false;
    }
  }
  return true;
}

/** Counts the 16-bit groups of one side of `::`, or -1 if malformed; `last` may end in IPv4. */
function countGroups(side: string, last: boolean): number {
  if (side.length === 0) {
    return 0;
  }
  const groups = side.split(':');
  let count = 0;
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i];
    if (last && i === groups.length - 1 && g.includes('.')) {
      if (!isIPv4(g)) {
        return -1;
      }
      count += 2;
    } else if (isHex4(g)) {
      count += 1;
    } else {
      return -1;
    }
  }
  return count;
}

/** True for a textual IPv6 address (RFC 4291 §2.2), with an optional trailing IPv4 part. */
export function isIPv6(text: string): boolean {
  if (text.length < 2 || text.length > 45) {
    return false;
  }
  const dbl = text.indexOf('::');
  if (dbl < 0) {
    return countGroups(text, true) === 8;
  }
  if (text.indexOf('::', dbl + 1) >= 0) {
    return false;
  }
  const left = countGroups(text.slice(0, dbl), false);
  const right = countGroups(text.slice(dbl + 2), true);
  return left >= 0 && right >= 0 && left + right <= 7;
}

/** `hostname = *( domainlabel "." ) toplabel [ "." ]`. */
export function isHostname(text: string): boolean {
  const n = text.length;
  if (n === 0) {
    return false;
  }
  const end = text.charCodeAt(n - 1) === DOT ? n - 1 : n;
  let labelStart = 0;
  let lastLabelStart = 0;
  for (let i = 0; i <= end; i++) {
    if (i === end || text.charCodeAt(i) === DOT) {
      if (i === labelStart) {
        return false;
      }
      // A label starts and ends with alphanum; "-" only inside.
      if (!isAlnum(text.charCodeAt(labelStart)) || !isAlnum(text.charCodeAt(i - 1))) {
        return false;
      }
      lastLabelStart = labelStart;
      labelStart = i + 1;
    } else {
      const c = text.charCodeAt(i);
      if (!isAlnum(c) && c !== 45) {
        return false;
      }
    }
  }
  return isAlpha(text.charCodeAt(lastLabelStart));
}

/** A host's form, or why it has none. */
export type HostCheck = { readonly kind: HostKind; readonly error?: undefined } | { readonly kind?: undefined; readonly error: SyntaxReason };

/** Classifies a host as written (an IPv6 reference keeps its brackets), or says why it is none of the three forms. */
export function classifyHost(text: string): HostCheck {
  const reason = hostProblem(text);
  if (reason !== undefined) {
    return { error: reason };
  }
  return { kind: text.charCodeAt(0) === 91 ? 'ipv6' : isIPv4(text) ? 'ipv4' : 'hostname' };
}

function hostProblem(text: string): SyntaxReason | undefined {
  if (text.length === 0) {
    return reason('host-empty');
  }
  if (text.charCodeAt(0) === 91) {
    if (text.charCodeAt(text.length - 1) !== 93) {
      return reason('ipv6-unclosed');
    }
    const inner = text.slice(1, -1);
    if (inner.includes(':::')) {
      return reason('ipv6-three-colons', { text: inner });
    }
    return isIPv6(inner) ? undefined : reason('ipv6-invalid', { text: inner });
  }
  if (isIPv4(text) || isHostname(text)) {
    return undefined;
  }
  if (text.includes(':')) {
    return reason('ipv6-unbracketed', { text });
  }
  return reason('host-invalid', { text });
}
