/**
 * ts-morph for the generator: its structure types and enum values for the emitters (printed by
 * print-structures.ts, so emitting never loads it), and its own TypeScript for declarations,
 * loaded on first use with `require` (an ES import of a CommonJS package first scans its source
 * for export names). A regeneration whose declarations all come from worker threads never loads
 * the compiler on the main thread.
 */
import { createRequire } from 'node:module';
import type * as TsMorph from 'ts-morph';

export { StructureKind, VariableDeclarationKind } from './structure-kind.js';

let loaded: typeof TsMorph | undefined;

/** ts-morph's own TypeScript: the one compiler the generator loads (build-dist.ts). */
export function typescript(): typeof TsMorph.ts {
  loaded ??= createRequire(import.meta.url)('ts-morph') as typeof TsMorph;
  return loaded.ts;
}

export type {
  ClassDeclarationStructure,
  ImportDeclarationStructure,
  InterfaceDeclarationStructure,
  OptionalKind,
  PropertySignatureStructure,
  StatementStructures,
} from 'ts-morph';
