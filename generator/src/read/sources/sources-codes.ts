/**
 * Diagnostic codes of the sources and format detection (TBK203–TBK212), documented in
 * docs/diagnostics.md "Spec files and scrape". TBK206 (a file that could not be read) is also
 * what the spec stage reports for an optional spec file it cannot read, so it is named here once.
 */
export const SourcesCode = {
  sourceMissing: 'TBK203',
  optionalAbsent: 'TBK204',
  unreadable: 'TBK206',
  notUtf8: 'TBK207',
  emptyFile: 'TBK208',
  formatUnknown: 'TBK209',
  sourcesFileInvalid: 'TBK210',
  fileSkipped: 'TBK211',
  readerFailed: 'TBK212',
} as const;
