/**
 * What makes an article visible to readers: published and not in the trash. As a Prisma filter for
 * listings, and as a check in code for look-ups of a few rows by id. The look-ups must not put the
 * state in their WHERE: SQLite (no row statistics) then walks the publication-state index instead
 * of the primary key — 130–185 ms per look-up at 1,000,000 articles instead of under 1 ms
 * (docs/adr/021).
 */
export const liveArticle = { publicationState: 'published', deletedAt: null } as const;

/** The columns {@link isLiveArticle} reads. */
export const liveStateSelect = { publicationState: true, deletedAt: true } as const;

export function isLiveArticle(row: { publicationState: string; deletedAt: Date | null }): boolean {
  return row.publicationState === liveArticle.publicationState && row.deletedAt === null;
}
