/**
 * The names the runtime's `index.ts` exports: the package root re-exports them, so no method
 * may claim one (a method `taobao.top.client` would otherwise shadow `TopClient`). Read from
 * the template text, following `export *` within the folder. A small scanner rather than the
 * TypeScript parser: this runs on every generation, and loading the compiler only for it would
 * cost more than the rest of a regeneration where nothing changed.
 */
import type { NameClaim } from '../ir/names.js';
import type { TemplateFile } from './copy-runtime.js';

const EXPORT_LIST = /export\s+(?:type\s+)?\{([^}]*)\}(?:\s*from\s*['"]([^'"]+)['"])?/g;
const EXPORT_STAR = /export\s+\*\s+(?:as\s+([A-Za-z_$][\w$]*)\s+)?from\s*['"]([^'"]+)['"]/g;
const EXPORT_DECLARATION =
  /export\s+(?:declare\s+)?(?:default\s+)?(?:abstract\s+)?(?:async\s+)?(?:function\s*\*?|class|const|let|var|interface|type|enum|namespace)\s+([A-Za-z_$][\w$]*)/g;

/** Comments blanked out (newlines kept, so line numbers stay right). */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (c) => c.replace(/[^\n]/g, ' '));
}

export function runtimeExportClaims(files: readonly TemplateFile[], entry = 'src/runtime/index.ts'): NameClaim[] {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const claims: NameClaim[] = [];
  const visit = (path: string, seen: Set<string>): void => {
    const file = byPath.get(path);
    if (!file || seen.has(path)) return;
    seen.add(path);
    const text = withoutComments(file.source);
    const claim = (name: string, index: number): void => {
      const line = text.slice(0, index).split('\n').length - 1; // the copy's first line is the generated header
      claims.push({
        name,
        what: `a runtime export (templates/${file.template})`,
        file: `templates/${file.template}`,
        line,
      });
    };
    for (const m of text.matchAll(EXPORT_LIST)) {
      for (const item of m[1]!.split(',')) {
        const name = item
          .trim()
          .replace(/^type\s+/, '')
          .split(/\s+as\s+/)
          .pop()!
          .trim();
        if (name) claim(name, m.index);
      }
    }
    for (const m of text.matchAll(EXPORT_STAR)) {
      if (m[1]) claim(m[1], m.index);
      else visit(path.replace(/[^/]+$/, '') + m[2]!.replace(/^\.\//, '').replace(/\.js$/, '.ts'), seen);
    }
    for (const m of text.matchAll(EXPORT_DECLARATION)) claim(m[1]!, m.index);
  };
  visit(entry, new Set());
  return claims;
}
