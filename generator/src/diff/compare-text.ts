/**
 * Code-unit order for sorting report entries: unlike `localeCompare` it does not depend on the
 * host's locale or ICU data, so the report is byte-identical on every machine.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
