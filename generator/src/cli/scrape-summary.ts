/**
 * The one summary line of `tbk-gen scrape` (and of its replay). The counts add up: the method
 * files written and unchanged (and not written, when a spec failed validation or a write
 * failed) make the methods scraped, and the catalog is named on its own, e.g.
 * `scrape: 5 pages, 5 methods (1 written, 4 unchanged; catalog unchanged), 3 warnings, 0 errors, 640 ms`.
 */
export interface ScrapeSummary {
  pages: number;
  unreadable: number;
  /** Method specs built from the sources. */
  methods: number;
  /** Method files written and unchanged (the catalog is not among them). */
  written: number;
  unchanged: number;
  catalog: 'written' | 'unchanged' | 'not written';
  /** Nothing was written (losses, an unusable sources file). */
  refused: boolean;
  warnings: number;
  errors: number;
  ms: number;
  /** The run was replayed from the last successful one. */
  replayed?: boolean;
}

const CATALOG = 'catalog.yaml';

/** Splits written/unchanged paths into method files and the catalog. */
export function countSpecFiles(
  written: readonly string[],
  unchanged: readonly string[],
): Pick<ScrapeSummary, 'written' | 'unchanged' | 'catalog'> {
  const isCatalog = (path: string) => path === CATALOG || path.endsWith(`/${CATALOG}`);
  const catalog = written.some(isCatalog) ? 'written' : unchanged.some(isCatalog) ? 'unchanged' : 'not written';
  return {
    written: written.filter((p) => !isCatalog(p)).length,
    unchanged: unchanged.filter((p) => !isCatalog(p)).length,
    catalog,
  };
}

export function formatScrapeSummary(s: ScrapeSummary): string {
  const unreadable = s.unreadable ? `, ${s.unreadable} unreadable` : '';
  let files: string;
  if (s.refused) files = 'nothing written';
  else {
    const missing = s.methods - s.written - s.unchanged;
    files = `${s.written} written, ${s.unchanged} unchanged${missing > 0 ? `, ${missing} not written` : ''}; catalog ${s.catalog}`;
  }
  const replay = s.replayed
    ? `nothing changed since the last run (its ${s.warnings} warnings are not repeated; --force runs again), `
    : '';
  return `scrape: ${s.pages} pages${unreadable}, ${s.methods} methods (${files}), ${s.warnings} warnings, ${s.errors} errors, ${replay}${Math.round(s.ms)} ms`;
}
