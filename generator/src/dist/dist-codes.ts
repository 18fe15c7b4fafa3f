/**
 * Diagnostic codes of compiling the package (TBK320–TBK321), documented in docs/diagnostics.md
 * "Generator": the template declarations.
 */
export const DistCode = {
  slowDeclarations: 'TBK320',
  noDeclarations: 'TBK321',
} as const;
