/**
 * Diagnostic codes of the report helpers (TBK200), documented in docs/diagnostics.md "Spec files
 * and scrape": invalid YAML in any file the generator reads with positions.
 */
export const ReportCode = {
  invalidYaml: 'TBK200',
} as const;
