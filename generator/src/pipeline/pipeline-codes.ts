/**
 * Diagnostic codes of the pipeline, documented in docs/diagnostics.md: scrape-into-spec and its
 * loss guard (TBK240–TBK244, "Spec files and scrape") and the package inputs (TBK512, "Package
 * identity and release"). One constant per code so that the orchestration names the same thing
 * the doc does.
 */
export const PipelineCode = {
  invalidSpec: 'TBK240',
  keptAfterReadErrors: 'TBK242',
  factLost: 'TBK243',
  committedUnreadable: 'TBK244',
  historyAhead: 'TBK512',
} as const;
