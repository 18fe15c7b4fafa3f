/**
 * The ts-morph enum values the emitters build structures with, declared here so that emitting
 * does not load ts-morph and its compiler (~0.4 s) on the main thread. Typed as ts-morph's own
 * enum members; test/generate/print-structures.test.ts checks every value against ts-morph.
 */
import type { StructureKind as Kind, VariableDeclarationKind as DeclarationKind } from 'ts-morph';

export const StructureKind = {
  Class: 2 as Kind.Class,
  ExportDeclaration: 11 as Kind.ExportDeclaration,
  Function: 13 as Kind.Function,
  ImportDeclaration: 16 as Kind.ImportDeclaration,
  Interface: 19 as Kind.Interface,
  TypeAlias: 38 as Kind.TypeAlias,
  VariableStatement: 41 as Kind.VariableStatement,
} as const;

export const VariableDeclarationKind = {
  Const: 'const' as DeclarationKind.Const,
} as const;
