/**
 * Line breaks of a text page: LF, CR LF, and any run of CRs before an LF (CR CR LF is what a
 * CRLF file gives after a second careless conversion; it left `\r` in every sample of the
 * markdown dump's copy). A lone CR (old Mac line ends) is a break too. So a CR never reaches
 * a value, and a page gives the same lines whatever its line ends.
 */
export const LINE_BREAK = /\r*\n|\r/;

export function splitLines(text: string): string[] {
  return text.split(LINE_BREAK);
}

/** The text with every line break written as LF. */
export function toLf(text: string): string {
  return text.includes('\r') ? text.replace(/\r*\n|\r/g, '\n') : text;
}
