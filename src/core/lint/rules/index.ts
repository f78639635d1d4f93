/** The registry of rules: every message rule, in the order their findings are produced. */
import type { MessageRule } from '../rule';
import { bodyWithoutContentType } from './bodyWithoutContentType';
import { contentLengthMismatch } from './contentLength';
import { cseqMethodMismatch } from './cseqMethodMismatch';
import { duplicateHeader } from './duplicateHeader';
import { invalidCSeq } from './invalidCSeq';
import { invalidDate } from './invalidDate';
import { invalidHeaderValue } from './invalidHeaderValue';
import { invalidMaxForwards } from './invalidMaxForwards';
import { invalidStartLine } from './invalidStartLine';
import { invalidStatusCode } from './invalidStatusCode';
import { invalidUri } from './invalidUri';
import { malformedHeader } from './malformedHeader';
import { missingBranchCookie } from './missingBranchCookie';
import { missingContactExpires } from './missingContactExpires';
import { missingHeader } from './missingHeader';
import { missingTag } from './missingTag';
import { reasonPhraseMismatch } from './reasonPhrase';
import { unknownStatusCode } from './unknownStatusCode';
import { unsupportedVersion } from './unsupportedVersion';

export const MESSAGE_RULES: readonly MessageRule[] = [
  invalidStartLine,
  unsupportedVersion,
  invalidStatusCode,
  unknownStatusCode,
  reasonPhraseMismatch,
  malformedHeader,
  missingHeader,
  duplicateHeader,
  cseqMethodMismatch,
  invalidCSeq,
  invalidMaxForwards,
  missingTag,
  missingContactExpires,
  missingBranchCookie,
  contentLengthMismatch,
  bodyWithoutContentType,
  invalidUri,
  invalidDate,
  invalidHeaderValue,
];
