/**
 * ts-morph for the emitters, loaded with `require`: an ES import of a CommonJS package first
 * scans its source for export names, which for ts-morph costs ~0.1 s of every regeneration that
 * has something to emit.
 */
import { createRequire } from 'node:module';
import type * as TsMorph from 'ts-morph';

const tsMorph = createRequire(import.meta.url)('ts-morph') as typeof TsMorph;

export const { printStructure, StructureKind, VariableDeclarationKind } = tsMorph;
/** ts-morph's own TypeScript: the one compiler the generator loads (declarations, see build-dist.ts). */
export const ts = tsMorph.ts;
export type {
  ClassDeclarationStructure,
  CodeBlockWriter,
  ImportDeclarationStructure,
  InterfaceDeclarationStructure,
  OptionalKind,
  PropertySignatureStructure,
  SourceFileStructure,
} from 'ts-morph';
