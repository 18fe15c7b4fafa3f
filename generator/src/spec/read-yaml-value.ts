/**
 * The value of a spec file's YAML, fast. `yaml`'s parser keeps a node tree with positions and
 * costs about 4 ms per spec file; js-yaml builds the value alone about nine times faster. A file
 * js-yaml reads is taken from it; a file it refuses (a syntax error, a duplicate key) is parsed
 * again by `parseYamlWithPositions`, which locates the problem. Positions for the schema check's
 * messages come from the text later, only when there is a problem to locate
 * (spec/validate-spec.ts).
 *
 * Same values by construction: js-yaml resolves plain scalars with the tests and resolvers of
 * `yaml`'s own YAML 1.2 core schema (js-yaml's core schema differs: `0b101`, `-.5`, `-0`). Keys
 * are where the two still part: `yaml` gives a null key as "" and js-yaml as "null", and they
 * name complex keys differently; a text with such a key takes the positioned parser.
 */
import { FAILSAFE_SCHEMA, load, Type } from 'js-yaml';
import { Document, isScalar } from 'yaml';
import type { Diagnostic } from '../report/diagnostic.js';
import { parseYamlWithPositions } from '../positions/yaml-positions.js';

export interface YamlValue {
  value: unknown;
  diagnostics: Diagnostic[];
  /** Set when the positioned parser ran: the document. */
  document?: ReturnType<typeof parseYamlWithPositions>['document'];
}

interface ScalarTag {
  tag: string;
  test?: RegExp;
  resolve: (source: string, onError: (message: string) => void, options: object) => unknown;
}

/** One js-yaml type per tag of `yaml`'s core schema, trying that tag's tests in `yaml`'s order. */
function coreTypes(): Type[] {
  const byTag = new Map<string, ScalarTag[]>();
  for (const tag of new Document(null).schema.tags as unknown as ScalarTag[]) {
    if (tag.test) byTag.set(tag.tag, [...(byTag.get(tag.tag) ?? []), tag]);
  }
  const options = { intAsBigInt: false };
  const fail = (message: string) => {
    throw new Error(message);
  };
  return [...byTag].map(
    ([name, tags]) =>
      new Type(name, {
        kind: 'scalar',
        resolve: (data: string | null) => tags.some((t) => t.test!.test(data ?? '')),
        construct: (data: string | null) => {
          const source = data ?? '';
          const resolved = tags.find((t) => t.test!.test(source))!.resolve(source, fail, options);
          return isScalar(resolved) ? resolved.value : resolved; // null and bool resolve to a Scalar node
        },
      }),
  );
}

const SCHEMA = FAILSAFE_SCHEMA.extend({ implicit: coreTypes() });
/** A block key that is null (`: v`, `~: v`, `null: v`) or complex (`? k`). */
const KEY_JS_YAML_NAMES_OTHERWISE = /^[ \t]*(?:- +)*(?:(?:~|null|Null|NULL)?[ \t]*:(?:[ \t]|$)|\?(?:[ \t]|$))/m;

export function readYamlValue(file: string, text: string): YamlValue {
  if (KEY_JS_YAML_NAMES_OTHERWISE.test(text)) return parseYamlWithPositions(file, text);
  let value: unknown;
  try {
    value = load(text, { schema: SCHEMA, filename: file });
  } catch {
    return parseYamlWithPositions(file, text);
  }
  return { value: value ?? null, diagnostics: [] };
}
