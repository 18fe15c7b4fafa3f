/**
 * A spec folder on disk → its IR, for the commands that use the methods without generating the
 * package (`tbk-gen mock` serves their fixtures). The files are read and parsed, not validated
 * (`tbk-gen generate` runs the full checks), then built by the generator's own build-ir.
 */
import type { Diagnostic } from '../report/diagnostic.js';
import { readSpecFolder } from '../spec/spec-files.js';
import { buildIr } from './build-ir.js';
import type { IrPackage } from './model.js';

export interface ReadIrResult {
  ir: IrPackage;
  /** Problems reading and parsing the folder's files. */
  read: Diagnostic[];
  /** Problems building the IR of what was read (a method it could not build is not in `ir`). */
  build: Diagnostic[];
}

/** Files that could not be read are reported, not thrown. */
export async function readIr(specDir: string): Promise<ReadIrResult> {
  const folder = await readSpecFolder(specDir);
  const { ir, diagnostics } = buildIr(folder);
  return { ir, read: folder.diagnostics, build: diagnostics };
}
