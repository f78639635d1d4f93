/**
 * The key ids ({@link keyId}) of the headers the rules look at, resolved once when the linter
 * loads: they are the first ids handed out, so hostile input with thousands of invented names
 * can never push them into the shared overflow id.
 */
import { keyId } from './fieldIndex';

export const K = {
  via: keyId('via'),
  from: keyId('from'),
  to: keyId('to'),
  callId: keyId('call-id'),
  cseq: keyId('cseq'),
  maxForwards: keyId('max-forwards'),
  contact: keyId('contact'),
  contentType: keyId('content-type'),
  contentLength: keyId('content-length'),
  date: keyId('date'),
  warning: keyId('warning'),
  require: keyId('require'),
  rseq: keyId('rseq'),
  recordRoute: keyId('record-route'),
  timestamp: keyId('timestamp'),
} as const;
