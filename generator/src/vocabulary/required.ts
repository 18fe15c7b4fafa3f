/**
 * Whether a request param must be given. The doc tables state it in their 是否必须 column; the
 * spec keeps `required` only where a source stated it.
 */

/** 是否必须 cell texts the readers accept (docs/readers.md); any other text states nothing. */
const REQUIRED_TEXT: ReadonlyMap<string, boolean> = new Map([
  ['必须', true],
  ['是', true],
  ['true', true],
  ['可选', false],
  ['否', false],
  ['false', false],
]);

/** What a 是否必须 cell states: true, false, or undefined for a text it does not know. */
export function readRequiredText(text: string): boolean | undefined {
  return REQUIRED_TEXT.get(text);
}

/**
 * The rule every stage applies: only `required: true` makes a param required. A param whose
 * requirement no source states is sent only when given, like an optional one.
 */
export function isRequired(field: { required?: boolean }): boolean {
  return field.required === true;
}

/**
 * Whether the generated client declares a field optional: every field of a response (and of a
 * response-flavour struct), and a request field unless it is required.
 */
export function isDeclaredOptional(field: { required?: boolean }, flavour: 'request' | 'response'): boolean {
  return flavour === 'response' || !isRequired(field);
}
