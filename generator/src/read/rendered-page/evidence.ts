/**
 * The method name and the need for a user session, gathered over all SDK samples of one page.
 * Each sample gives its own finding (`sdk-samples.ts`); here they are compared, disagreements
 * reported, and the response samples' root keys checked against the method name.
 */
import type { Located, Page } from '../page-model.js';
import type { StatedAuth } from '../../vocabulary/auth.js';
import type { SampleKind } from '../../vocabulary/sample-kinds.js';
import { SDK_LANGUAGE_LABELS, findAuthEvidence, findMethodName } from './sdk-samples.js';
import { SeedCode, type Report } from './reader-codes.js';
import type { ScanBlock } from './scan-text.js';
import { expectedRootKey, findSampleRoot } from './samples.js';

interface Seen<T> {
  value: T;
  evidence: string;
  line: number;
}

function label(block: ScanBlock): string {
  return block.language ? SDK_LANGUAGE_LABELS[block.language] : 'sample';
}

/** The method named by the SDK samples; the first one wins when they disagree (reported). */
export function resolveMethod(
  blocks: readonly ScanBlock[],
  report: Report,
  lastLine: number,
): Located<string> | undefined {
  const seen: Seen<string>[] = [];
  for (const block of blocks) {
    if (!block.language) continue;
    const found = findMethodName(block.text);
    if (found) seen.push({ value: found.value, evidence: `${label(block)} ${found.evidence}`, line: block.line });
  }
  const first = seen[0];
  if (!first) {
    report(
      lastLine,
      'error',
      SeedCode.noMethodName,
      'no method name in the SDK samples (curl method=, C set_api_name, Node client.execute); page not read',
    );
    return undefined;
  }
  for (const other of seen.slice(1)) {
    if (other.value !== first.value) {
      report(
        other.line,
        'warning',
        SeedCode.methodDisagrees,
        `${other.evidence} disagrees with ${first.evidence} at line ${first.line}; kept ${first.value}`,
      );
    }
  }
  return { value: first.value, line: first.line };
}

/**
 * Auth from the samples. When they disagree, a sample that passes a session wins: a sample
 * without one cannot prove the API works without authorisation, while one that passes a
 * session shows the doc's authors expected it.
 */
export function resolveAuth(blocks: readonly ScanBlock[], report: Report, lastLine: number): Page['auth'] {
  const seen: Seen<StatedAuth>[] = [];
  for (const block of blocks) {
    if (!block.language) continue;
    const found = findAuthEvidence(block.text);
    if (found) seen.push({ value: found.value, evidence: `${label(block)} ${found.evidence}`, line: block.line });
  }
  if (seen.length === 0) {
    report(
      lastLine,
      'warning',
      SeedCode.noAuthEvidence,
      'no SDK sample shows whether a user session is passed; auth left unknown',
    );
    return undefined;
  }
  const values = new Set(seen.map((s) => s.value));
  const value: StatedAuth = values.has('required') ? 'required' : seen[0]!.value;
  if (values.size > 1) {
    const split = seen.map((s) => `${s.evidence} (${s.value})`).join('; ');
    report(
      seen[0]!.line,
      'warning',
      SeedCode.authDisagrees,
      `SDK samples disagree on the user session: ${split}; chose ${value}`,
    );
  }
  const chosen = seen.filter((s) => s.value === value);
  return { value, evidence: chosen.map((s) => s.evidence).join('; '), line: chosen[0]!.line };
}

/** The success samples' root key must be the one the gateway derives from the method name. */
export function checkSampleRoots(
  method: string,
  samples: Partial<Record<SampleKind, Located<string>>>,
  report: Report,
): void {
  const want = expectedRootKey(method);
  for (const kind of ['json', 'xml'] as const) {
    const sample = samples[kind];
    if (!sample) continue;
    const root = findSampleRoot(kind, sample.value);
    if (root !== want) {
      report(
        sample.line,
        'warning',
        SeedCode.rootKeyMismatch,
        `${kind} sample root ${JSON.stringify(root ?? '')} does not match ${want} for ${method}`,
      );
    }
  }
}
