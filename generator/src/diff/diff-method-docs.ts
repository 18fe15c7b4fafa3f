/**
 * Changes that only touch the documentation of a method: title, description, doc id, response
 * and error samples, and the error-code table. None of them changes the generated client's types
 * or behaviour, so all are `docs`.
 */
import { SAMPLE_KINDS } from '../vocabulary/sample-kinds.js';
import type { MethodSpec, SpecError } from '../spec/model.js';
import { values, verb } from './classify-change.js';
import type { Change } from './diff-model.js';

function diffText(path: string, kind: Change['kind'], before: string | undefined, after: string | undefined): Change[] {
  if ((before ?? '') === (after ?? '')) return [];
  return [{ severity: 'docs', kind, path, ...values(before, after), message: `${path} ${verb(before, after)}` }];
}

function diffSamples(a: MethodSpec, b: MethodSpec): Change[] {
  const out: Change[] = [];
  for (const kind of SAMPLE_KINDS) {
    const before = a.samples?.[kind];
    const after = b.samples?.[kind];
    if ((before ?? '') === (after ?? '')) continue;
    const path = `samples.${kind}`;
    // Samples are long; the report names the change without printing them.
    if (!before) out.push({ severity: 'docs', kind: 'sample-added', path, message: `${kind} sample added` });
    else if (!after) out.push({ severity: 'docs', kind: 'sample-removed', path, message: `${kind} sample removed` });
    else out.push({ severity: 'docs', kind: 'sample-changed', path, message: `${kind} sample changed` });
  }
  return out;
}

function errorText(e: SpecError): string {
  return [e.message ?? '', e.solution ?? ''].filter(Boolean).join(' / ');
}

function diffErrors(a: MethodSpec, b: MethodSpec): Change[] {
  const before = new Map((a.errors ?? []).map((e) => [e.code, e]));
  const after = new Map((b.errors ?? []).map((e) => [e.code, e]));
  const out: Change[] = [];
  for (const [code, e] of before) {
    const now = after.get(code);
    const path = `errors.${code}`;
    if (!now)
      out.push({
        severity: 'docs',
        kind: 'error-removed',
        path,
        ...values(errorText(e), undefined),
        message: `error code ${code} removed`,
      });
    else if (errorText(e) !== errorText(now)) {
      out.push({
        severity: 'docs',
        kind: 'error-changed',
        path,
        ...values(errorText(e), errorText(now)),
        message: `error code ${code} message or solution changed`,
      });
    }
  }
  for (const [code, e] of after) {
    if (!before.has(code))
      out.push({
        severity: 'docs',
        kind: 'error-added',
        path: `errors.${code}`,
        ...values(undefined, errorText(e)),
        message: `error code ${code} added`,
      });
  }
  return out;
}

export function diffMethodDocs(a: MethodSpec, b: MethodSpec): Change[] {
  return [
    ...diffText('title', 'title-changed', a.title, b.title),
    ...diffText('description', 'description-changed', a.description, b.description),
    ...diffText('doc_id', 'doc-id-changed', a.doc_id?.toString(), b.doc_id?.toString()),
    ...diffSamples(a, b),
    ...diffErrors(a, b),
  ];
}
