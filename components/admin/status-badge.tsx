const PUBLICATION: Record<string, { label: string; className: string }> = {
  published: { label: 'Published', className: 'bg-green-100 text-green-900 border-green-700' },
  scheduled: { label: 'Scheduled', className: 'bg-blue-100 text-blue-900 border-blue-700' },
  unpublished: { label: 'Unpublished', className: 'bg-neutral-100 text-neutral-800 border-neutral-500' },
  archived: { label: 'Archived', className: 'bg-neutral-200 text-neutral-800 border-neutral-500' },
};

const EDITORIAL: Record<string, string> = { draft: 'Draft', in_review: 'In review', approved: 'Approved' };

/** Publication state, and the working copy's editorial state when it is still on its way. */
export function StatusBadges({ publicationState, editorialState, hasStagedEdit, trashed }: { publicationState: string; editorialState: string; hasStagedEdit: boolean; trashed?: boolean }) {
  const publication = PUBLICATION[publicationState] ?? PUBLICATION.unpublished!;
  const showEditorial = publicationState !== 'published' || hasStagedEdit;
  return (
    <span className="inline-flex flex-wrap gap-1">
      {trashed ? <span className="rounded border border-red-700 bg-red-50 px-1.5 text-xs text-red-900">In trash</span> : null}
      <span className={`rounded border px-1.5 text-xs ${publication.className}`}>{publication.label}</span>
      {hasStagedEdit ? <span className="rounded border border-amber-700 bg-amber-50 px-1.5 text-xs text-amber-900">Staged edit</span> : null}
      {showEditorial ? <span className="rounded border border-neutral-400 px-1.5 text-xs text-neutral-800">{EDITORIAL[editorialState] ?? editorialState}</span> : null}
    </span>
  );
}
