/**
 * JSON in final form: what prettier's `json` parser makes of `JSON.stringify(value, null, 2)`.
 * Objects stay broken (prettier keeps an object whose first key starts a line); arrays take one
 * line when they fit in the width, else one item per line (no trailing comma in JSON).
 */
import { group, hardline, indent, join, line, printDoc, softline, ifBreak, fill, type Doc } from './layout-doc.js';

function jsonDoc(value: unknown): Doc {
  if (Array.isArray(value)) {
    if (!value.length) return '[]';
    if (value.every((v) => typeof v === 'number'))
      return group([
        '[',
        indent([
          softline,
          fill(
            join(
              [',', line],
              value.map((v) => JSON.stringify(v)),
            ),
          ),
        ]),
        softline,
        ']',
      ]);
    const isObject = (v: unknown): boolean => v !== null && typeof v === 'object';
    const entries = (v: unknown): number => (Array.isArray(v) ? v.length : Object.keys(v as object).length);
    const shouldBreak =
      value.length > 1 &&
      value.every(
        (v, i) =>
          isObject(v) && entries(v) > 1 && (i === value.length - 1 || Array.isArray(value[i + 1]) === Array.isArray(v)),
      );
    return group(['[', indent([softline, join([',', line], value.map(jsonDoc))]), ifBreak(''), softline, ']'], {
      shouldBreak,
    });
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (!entries.length) return '{}';
    return [
      '{',
      indent([
        hardline,
        join(
          [',', hardline],
          entries.map(([k, v]) => [JSON.stringify(k), ': ', jsonDoc(v)]),
        ),
      ]),
      hardline,
      '}',
    ];
  }
  return JSON.stringify(value);
}

/** The JSON text of `value`, ending in one newline. */
export function printJson(value: unknown): string {
  return `${printDoc(jsonDoc(value))}\n`;
}
