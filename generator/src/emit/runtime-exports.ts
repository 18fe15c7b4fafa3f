/**
 * The names the runtime's `index.ts` exports: the package root re-exports them, so no method
 * may claim one (a method `taobao.top.client` would otherwise shadow `TopClient`). Read from the
 * template's syntax, following `export *` within the folder.
 */
import ts from 'typescript';
import type { NameClaim } from '../ir/names.js';
import type { TemplateFile } from './copy-runtime.js';

export function runtimeExportClaims(files: readonly TemplateFile[], entry = 'src/runtime/index.ts'): NameClaim[] {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const claims: NameClaim[] = [];
  const visit = (path: string, seen: Set<string>): void => {
    const file = byPath.get(path);
    if (!file || seen.has(path)) return;
    seen.add(path);
    const sf = ts.createSourceFile(path, file.source, ts.ScriptTarget.Latest, false);
    const claim = (name: string, node: ts.Node): void => {
      claims.push({ name, what: `a runtime export (templates/${file.template})`, file: `templates/${file.template}`, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1 });
    };
    for (const st of sf.statements) {
      if (ts.isExportDeclaration(st)) {
        if (st.exportClause && ts.isNamedExports(st.exportClause)) for (const el of st.exportClause.elements) claim(el.name.text, el);
        else if (st.exportClause && ts.isNamespaceExport(st.exportClause)) claim(st.exportClause.name.text, st);
        else if (st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier)) {
          visit(path.replace(/[^/]+$/, '') + st.moduleSpecifier.text.replace(/^\.\//, '').replace(/\.js$/, '.ts'), seen);
        }
        continue;
      }
      const exported = ts.canHaveModifiers(st) && ts.getModifiers(st)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
      if (!exported) continue;
      if (ts.isVariableStatement(st)) {
        for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name)) claim(d.name.text, d);
      } else if ((ts.isClassDeclaration(st) || ts.isFunctionDeclaration(st) || ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st) || ts.isEnumDeclaration(st)) && st.name) {
        claim(st.name.text, st);
      }
    }
  };
  visit(entry, new Set());
  return claims;
}
