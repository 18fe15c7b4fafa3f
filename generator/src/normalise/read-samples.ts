/**
 * A page's samples → parsed values. JSON samples go through the unambiguous repair
 * (repair-sample.ts); a repaired sample keeps the repaired text and records the original; an
 * unusable one keeps the original text and no value, so nothing is inferred from it.
 */
import type { Diagnostic } from '../report/diagnostic.js';
import type { Page, PageParam } from '../read/page-model.js';
import { SAMPLE_KINDS, type SampleKind } from '../vocabulary/sample-kinds.js';
import type { DraftSample } from './draft.js';
import { CODES, diagnostic } from './normaliser-codes.js';
import { parseJsonSample } from './repair-sample.js';
import { parseXmlSample, xmlToValue } from './xml-sample.js';

export function readSamples(page: Page): {
  samples: Partial<Record<SampleKind, DraftSample>>;
  diagnostics: Diagnostic[];
} {
  const samples: Partial<Record<SampleKind, DraftSample>> = {};
  const diagnostics: Diagnostic[] = [];
  const withoutExample = fieldsWithoutExample(page.response);
  for (const kind of SAMPLE_KINDS) {
    const located = page.samples[kind];
    if (located === undefined) continue;
    const text = located.value.trim();
    if (text === '') continue;
    const origin = { file: page.file, format: page.format, line: located.line };
    const at = (offset: number) => ({ file: page.file, line: located.line + offset });
    if (kind === 'xml' || kind === 'error_xml') {
      const parsed = parseXmlSample(text);
      if (parsed.ok) samples[kind] = { text, origin, value: xmlToValue(parsed.root) };
      else {
        samples[kind] = { text, origin };
        diagnostics.push(
          diagnostic(
            at(parsed.lineOffset),
            'warning',
            CODES.xmlUnusable,
            `${kind} sample is not well-formed XML (${parsed.message}); kept as printed, nothing inferred from it`,
          ),
        );
      }
      continue;
    }
    const parsed = parseJsonSample(text, { hasNoExample: (key) => withoutExample.has(key) });
    if (!parsed.ok) {
      samples[kind] = { text, origin };
      diagnostics.push(
        diagnostic(
          at(parsed.lineOffset),
          'error',
          CODES.jsonUnusable,
          `${kind} sample is not valid JSON and cannot be repaired unambiguously: ${parsed.message}; kept as printed, nothing inferred from it`,
        ),
      );
      continue;
    }
    const sample: DraftSample = { text: parsed.text, origin, value: parsed.value };
    if (parsed.repairs.length > 0) {
      const message = parsed.repairs.map((r) => r.message).join('; ');
      sample.repair = { sample: kind, message, original: text };
      for (const repair of parsed.repairs) {
        diagnostics.push(
          diagnostic(
            at(repair.lineOffset),
            'warning',
            CODES.jsonRepaired,
            `${kind} sample is not valid JSON; repaired: ${repair.message}`,
          ),
        );
      }
    }
    samples[kind] = sample;
  }
  return { samples, diagnostics };
}

/** Names of response fields (at any depth) that the page documents and never gives an example for. */
function fieldsWithoutExample(params: readonly PageParam[]): Set<string> {
  const withExample = new Set<string>();
  const all = new Set<string>();
  const visit = (list: readonly PageParam[]): void => {
    for (const p of list) {
      all.add(p.name);
      if (p.example !== undefined && p.example.trim() !== '') withExample.add(p.name);
      if (p.children) visit(p.children);
    }
  };
  visit(params);
  return new Set([...all].filter((name) => !withExample.has(name)));
}
