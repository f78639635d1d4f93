/**
 * SIP Trace Analyzer core: read SIP traces of any common tool, parse, lint and explain them.
 * No editor and no LSP connection here; the language server, the VS Code extension and the CLI
 * are all built on this entry (`require('sip-trace/core')`).
 *
 * @example
 * ```ts
 * import { parseTrace, lintTrace } from 'sip-trace/core';
 * const trace = parseTrace(text);
 * for (const d of lintTrace(trace)) console.log(d.code, d.message);
 * ```
 */
export type * from './model';
export type { LintDiagnostic, LintOptions, RelatedLocation, RuleInfo, RuleSetting } from './lint/types';
export type * from './knowledge/types';

export { parseTrace, reparseTrace } from './trace';
export { readTrace, iterateTrace } from './framing';
export { parseMessage } from './parser';
export { lintTrace, allRules } from './lint';

export { LineIndex } from './text/lineIndex';
export type { Position } from './text/lineIndex';
export { SourceMap } from './text/sourceMap';

export { lookupResponseCode, allResponseCodes, lookupMethod, allMethods, lookupHeader, formatRef, localize, rfcUrl } from './knowledge';
export { requestRequirements, responseRequirements } from './knowledge/presence';
export { resolveHeaderName, compactFormOf } from './knowledge/headerNames';

export * from './features';
export * from './protocol';
