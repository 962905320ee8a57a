/** The importer's closing summary as plain text, for the CLI and logs. */
import type { ImportReport } from './wordpress';

const n = (value: number) => value.toLocaleString('en-US');

export function formatReport(report: ImportReport): string {
  const lines: string[] = [];
  const head = report.dryRun ? 'Dry run — nothing was written. Would import' : 'Imported';
  lines.push(`${head} from “${report.site.title || report.site.link}” in ${(report.elapsedMs / 1000).toFixed(1)} s:`);
  for (const kind of Object.keys(report.created) as (keyof ImportReport['created'])[]) {
    const created = report.created[kind];
    const updated = report.updated[kind];
    if (created || updated) lines.push(`  ${kind.padEnd(10)} ${n(created)} new, ${n(updated)} updated`);
  }
  if (report.commentsSkipped) lines.push(`  comments   ${n(report.commentsSkipped)} skipped (Broadsheet has no comments)`);
  if (report.skipped.length) {
    lines.push('Skipped:');
    for (const s of report.skipped) lines.push(`  ${n(s.count)} × ${s.reason}${s.examples.length ? ` (e.g. ${s.examples.join('; ')})` : ''}`);
  }
  if (report.folded.length) {
    lines.push('Categories deeper than two levels, merged into their parent (old URLs redirect):');
    for (const f of report.folded) lines.push(`  ${f.category} → ${f.into}`);
  }
  if (report.renamed.length) {
    lines.push('Slugs changed to fit Broadsheet’s URL rules:');
    for (const r of report.renamed) lines.push(`  ${r.kind} ${r.from} → ${r.to}`);
  }
  if (report.notesTotal) {
    lines.push(`Content kept with changes (${n(report.notesTotal)} items${report.notesTotal > report.notes.length ? `, first ${report.notes.length} shown` : ''}):`);
    for (const note of report.notes) lines.push(`  ${note.item}: ${note.notes.join('; ')}`);
  }
  if (report.rejectedImages.length) {
    lines.push('Images refused:');
    for (const r of report.rejectedImages) lines.push(`  ${r.file}: ${r.reason}`);
  }
  if (report.missingImagesTotal) {
    lines.push(`Images missing (${n(report.missingImagesTotal)}; pass --uploads with a copy of wp-content/uploads):`);
    for (const file of report.missingImages) lines.push(`  ${file}`);
    if (report.missingImagesTotal > report.missingImages.length) lines.push(`  … and ${n(report.missingImagesTotal - report.missingImages.length)} more`);
  }
  return lines.join('\n');
}
