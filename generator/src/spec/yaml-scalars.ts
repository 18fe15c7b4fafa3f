/**
 * Which strings the spec writes quoted. The spec is a public contract read by other tools
 * (PyYAML, Go's yaml, yq), and YAML 1.1 parsers resolve more plain scalars than YAML 1.2 does:
 * `2222_334666` is an integer to them (the example of `tb_trade_id` in three order APIs),
 * `yes`/`off` booleans, `12:30` a sexagesimal number, `2001-12-14` a date. PyYAML also refuses a
 * tab inside a plain scalar (four dump descriptions hold one). So a string is quoted when a
 * YAML 1.1 parser could read its plain form as anything but that string, and when it holds a
 * tab, another control character, or leading or trailing blanks. YAML 1.2 ambiguities are the
 * `yaml` package's own concern: it already quotes those.
 */
import { Document, isScalar, visit } from 'yaml';

/** The implicit-resolution tests of the YAML 1.1 schema (null, bool, int, float, timestamp, merge). */
const YAML_11_RESOLVERS: readonly RegExp[] = new Document(null, { version: '1.1' }).schema.tags.flatMap((tag) =>
  tag.default && tag.test ? [tag.test] : [],
);

// C0 controls but LF, DEL, C1 controls and the line and paragraph separators; BOM.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff]/;
const EDGE_BLANK = /^[ \t]|[ \t]$/;

export function needsQuotes(text: string): boolean {
  if (CONTROL.test(text) || EDGE_BLANK.test(text)) return true;
  if (text.includes('\t') && !text.includes('\n')) return true;
  // PyYAML also resolves a lone `=` (the YAML 1.1 value key), then refuses to load it.
  return text === '=' || YAML_11_RESOLVERS.some((test) => test.test(text));
}

/** Mark every string scalar (keys too) of `doc` that needs it as double-quoted. */
export function quoteAmbiguousScalars(doc: Document): void {
  visit(doc, {
    Scalar(_key, node) {
      if (isScalar(node) && typeof node.value === 'string' && needsQuotes(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
}
