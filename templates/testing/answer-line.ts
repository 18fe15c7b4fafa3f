/**
 * One line per answered request, for `tbk-mock`'s log: what was asked, and what the gateway
 * answered (a doc sample, TOP's error with its codes, a fault), e.g.
 * `POST taobao.tbk.uvid.encrypt (json) → 200 sample, request_id 1a2b3c4d5e6f7 (3 ms)`.
 * Params are not printed: they carry the session.
 */
import type { AnsweredRequest } from './mock-gateway.js';

export function describeAnswer(answer: AnsweredRequest): string {
  const call = answer.call;
  const asked = call ? `${call.method ?? '(no method)'} (${call.format})` : answer.path;
  const status = answer.status === 0 ? 'connection cut' : String(answer.status);
  const parts: string[] = [];
  if (call?.error) {
    const sub = [call.error.sub_code, call.error.sub_msg].filter(Boolean).join(': ');
    parts.push(`error ${call.error.code} ${call.error.msg}${sub ? ` (${sub})` : ''}`);
  } else if (call && answer.status === 200) {
    parts.push(call.synthetic ? 'synthesised answer (no doc sample)' : 'sample');
  }
  if (call?.fault) parts.push(`fault ${call.fault}`);
  if (call?.requestId) parts.push(`request_id ${call.requestId}`);
  const details = parts.length ? ` ${parts.join(', ')}` : '';
  return `${answer.httpMethod} ${asked} → ${status}${details} (${answer.ms} ms)`;
}
