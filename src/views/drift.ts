// Version drift: results from different SAEBench versions or eval configs meet in a view. Some metrics changed
// definition between versions (absorption in SAEBench PR #62; the explained-variance formula), so where the
// user's results meet each other or the bundled 0125 run, the view says so.
import { metricById } from '../catalog/metrics.ts';
import type { ImportedSae } from '../ingest/importResults.ts';
import { evalLabel } from './coverageSpec.ts';

const short = (commit: string) => commit.slice(0, 8);

export function driftNotes(saes: readonly ImportedSae[], metrics: readonly string[], bundledInView: boolean): string[] {
  const evals = [...new Set(metrics.map((m) => metricById(m)?.eval).filter((e): e is NonNullable<typeof e> => !!e && e !== 'config' && e !== 'bundled_dl'))];
  const notes: string[] = [];
  for (const e of evals) {
    const versions = saes.flatMap((s) => s.versions.filter((v) => v.evalType === e));
    if (!versions.length) continue;
    const commits = [...new Set(versions.map((v) => v.commit).filter((c): c is string => !!c))];
    const configs = [...new Set(versions.map((v) => v.configHash).filter((c): c is string => !!c))];
    const label = evalLabel(e);
    if (commits.length > 1) notes.push(`Your ${label} results come from ${commits.length} SAEBench commits (${commits.slice(0, 4).map(short).join(', ')}): a metric may have changed definition between them.`);
    if (configs.length > 1) notes.push(`Your ${label} results were computed with ${configs.length} different eval configs; values from different configs do not compare.`);
    if (!bundledInView) continue;
    if (e === 'absorption_first_letter') {
      notes.push('The absorption fraction was redefined in SAEBench PR #62, after the 0125 run (values about 10× smaller): if your SAEBench includes that change, your absorption values and the bundled ones do not compare.');
    } else if (e === 'core' && metrics.includes('explained_variance') && versions.some((v) => v.newExplainedVariance)) {
      notes.push('Your explained variance uses the corrected formula (your files also list explained_variance_legacy); the bundled 0125 values use the legacy one.');
    } else if (commits.length) {
      notes.push(`Your ${label} results come from SAEBench ${commits.length === 1 ? `commit ${short(commits[0]!)}` : 'several commits'}; the bundled ones from the 0125 release run.`);
    }
  }
  return notes;
}
