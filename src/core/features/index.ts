/**
 * The editor features of a parsed trace as pure functions returning LSP types. The caller parses
 * a document once per version and hands the parse to each (after vscode-json-languageservice).
 */
export { doHover, escapeMd, statusMarkdown, summary } from './hover';
export { findDocumentSymbols, messageDetail } from './symbols';
export { getFoldingRanges } from './folding';
export { findDefinition, findOrigin } from './definition';
export { findReferences, findDocumentHighlights } from './references';
export { getCodeActions, computeFix, fixAllEdits, isFixable, targetOfLint, targetOfDiagnostic, combineFixes } from './fixes';
export type { CodeActionRequest, Fix, FixContext, FixTarget } from './fixes';
export { toLspDiagnostic, messageIndexOf, DIAGNOSTIC_SOURCE } from './diagnostics';
export type { DiagnosticData } from './diagnostics';
export { summarizeTrace } from './status';
export type { TraceSummary } from './status';
export { suggestHeaderValues } from './headerSuggestions';
export { identifierAt, occurrencesOf } from './identifiers';
export type { IdentifierClass, IdentifierHit, Occurrence } from './identifiers';
export { factsOf } from './facts';
export type { MessageFacts, IdentifierKind } from './facts';
export { messageAt, toRange } from './locate';
export type { LineLookup } from './locate';
