/**
 * The semver bump of `tbk-client` a diff calls for: major for any breaking change, minor for
 * compatible additions, patch when only documentation changed (catalog changes included: they
 * change no generated type), none when nothing changed.
 */
import type { Bump, DiffSummary } from './diff-model.js';

export function suggestBump(summary: DiffSummary): Bump {
  if (summary.breaking > 0) return 'major';
  if (summary.compatible > 0) return 'minor';
  if (summary.docs > 0 || summary.catalogChanges > 0) return 'patch';
  return 'none';
}
