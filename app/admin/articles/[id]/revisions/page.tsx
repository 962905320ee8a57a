import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ActionForm } from '@/components/admin/action-form';
import { DataRow, DataTable } from '@/components/admin/data-table';
import { EmptyState, Notice, PageHeader } from '@/components/admin/page-header';
import { BodyChanges, FieldChanges } from '@/components/admin/revision-diff';
import { ArticleNotFoundError } from '@/lib/article-workflow';
import { AuthorizationError } from '@/lib/auth/actor';
import { requireStaffPage } from '@/lib/auth/guards';
import { diffRevisions, listRevisions, REVISION_KIND_LABELS, RevisionNotFoundError, type RevisionSummary } from '@/lib/revisions';
import { getSiteSettings } from '@/lib/settings';
import { restoreRevisionAction } from './actions';

export const metadata = { title: 'Revisions' };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ from?: string; to?: string; before?: string; confirm?: string; restored?: string; dropped?: string }>;
};

const positive = (value: string | undefined) => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

/** Authors see only their own articles' history; anything else is a 404, as on the edit page. */
async function orNotFound<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof ArticleNotFoundError || error instanceof AuthorizationError || error instanceof RevisionNotFoundError) notFound();
    throw error;
  }
}

export default async function RevisionsPage({ params, searchParams }: Props) {
  const actor = await requireStaffPage();
  const id = positive((await params).id);
  if (!id) notFound();
  const query = await searchParams;
  const before = positive(query.before);
  const [list, settings] = await Promise.all([orNotFound(() => listRevisions(actor, id, { before })), getSiteSettings()]);
  const { article, revisions } = list;
  const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: settings.timeZone });
  const describe = (r: RevisionSummary) => `version ${r.version} (${REVISION_KIND_LABELS[r.kind].toLowerCase()}${r.userName ? ` by ${r.userName}` : ''}, ${when.format(r.createdAt)})`;

  // By default compare the two newest revisions on this page.
  const toId = positive(query.to) ?? revisions[0]?.id;
  const fromId = positive(query.from) ?? revisions[1]?.id;
  const diff = fromId && toId && fromId !== toId ? await orNotFound(() => diffRevisions(actor, id, fromId, toId)) : null;
  const confirmId = positive(query.confirm);
  const confirming = article.canRestore && confirmId ? revisions.find((r) => r.id === confirmId) : undefined;
  const here = (extra: Record<string, number | undefined>) => {
    const qs = new URLSearchParams(
      Object.entries({ from: fromId, to: toId, before, ...extra })
        .filter((e): e is [string, number] => e[1] !== undefined)
        .map(([k, v]) => [k, String(v)]),
    ).toString();
    return `/admin/articles/${id}/revisions${qs ? `?${qs}` : ''}`;
  };

  return (
    <div className="max-w-5xl space-y-6">
      <PageHeader title={`Revisions of “${article.headline}”`} back={{ href: `/admin/articles/${id}`, label: 'Back to the article' }} />
      {query.restored ? (
        <Notice>
          Restored as version {positive(query.restored)}. {query.dropped ? 'Some tags, bylines, sections or the hero image it used no longer exist and were left out. ' : ''}
          On a published article it is a staged edit: readers see it once it is published.
        </Notice>
      ) : null}

      {confirming ? (
        <section aria-labelledby="confirm-heading" className="space-y-3 rounded border-2 border-amber-600 bg-amber-50 p-4">
          <h2 id="confirm-heading" className="font-semibold">
            Restore {describe(confirming)}?
          </h2>
          <p>
            Its text becomes a new version of the working copy; nothing is deleted, and the current text stays in this history. On a published article the
            restored text is staged for review, and readers keep the published version until it is published.
          </p>
          <ActionForm action={restoreRevisionAction} submitLabel={`Restore version ${confirming.version}`} label="Restore revision">
            <input type="hidden" name="articleId" value={id} />
            <input type="hidden" name="revisionId" value={confirming.id} />
            <input type="hidden" name="baseVersion" value={article.version} />
            <Link href={here({})} className="px-3 py-1.5 text-sm underline">
              Cancel
            </Link>
          </ActionForm>
        </section>
      ) : null}

      {revisions.length ? (
        <form method="get" className="space-y-3" aria-label="Choose two revisions to compare">
          {before ? <input type="hidden" name="before" value={before} /> : null}
          <DataTable
            caption="Revisions, newest first"
            columns={[{ label: 'From' }, { label: 'To' }, { label: 'Version' }, { label: 'What' }, { label: 'Who' }, { label: 'When' }, { label: 'Headline' }, { label: 'Restore', hidden: true }]}
          >
            {revisions.map((r) => (
              <DataRow key={r.id}>
                <td className="p-2">
                  <input type="radio" name="from" value={r.id} defaultChecked={r.id === fromId} aria-label={`Compare from version ${r.version}`} />
                </td>
                <td className="p-2">
                  <input type="radio" name="to" value={r.id} defaultChecked={r.id === toId} aria-label={`Compare to version ${r.version}`} />
                </td>
                <td className="p-2">{r.version}</td>
                <td className="p-2">{REVISION_KIND_LABELS[r.kind]}</td>
                <td className="p-2">{r.userName ?? 'System'}</td>
                <td className="p-2 whitespace-nowrap">{when.format(r.createdAt)}</td>
                <td className="p-2">{r.headline}</td>
                <td className="p-2">
                  {article.canRestore ? (
                    <Link href={`${here({ confirm: r.id })}#confirm-heading`} className="underline" aria-label={`Restore version ${r.version}`}>
                      Restore…
                    </Link>
                  ) : null}
                </td>
              </DataRow>
            ))}
          </DataTable>
          <div className="flex flex-wrap items-center gap-4">
            <button type="submit" className="rounded border border-neutral-900 bg-neutral-900 px-3 py-1.5 text-sm font-semibold text-white hover:bg-neutral-700">
              Compare
            </button>
            {before ? (
              <Link href={`/admin/articles/${id}/revisions`} className="text-sm underline">
                Newest revisions
              </Link>
            ) : null}
            {list.nextBefore ? (
              <Link href={`/admin/articles/${id}/revisions?before=${list.nextBefore}`} className="text-sm underline">
                Older revisions
              </Link>
            ) : null}
          </div>
        </form>
      ) : (
        <EmptyState>This article has no revisions yet. One is kept at every save, submission, publication and restore.</EmptyState>
      )}

      {revisions.length === 1 && !before ? <p>There is only one revision so far: save the article again to have something to compare.</p> : null}

      {diff ? (
        <section aria-labelledby="diff-heading" className="space-y-4 rounded border border-neutral-300 bg-white p-4">
          <h2 id="diff-heading" className="text-lg font-semibold">
            Changes from {describe(diff.from)} to {describe(diff.to)}
          </h2>
          <p className="text-sm text-neutral-700">
            <del className="bg-red-100 text-red-900 line-through">Struck-through red</del> text was removed; <ins className="bg-green-100 text-green-900">underlined green</ins> text was
            added.
          </p>
          <h3 className="font-semibold">Fields</h3>
          <FieldChanges fields={diff.fields} />
          <h3 className="font-semibold">Body{diff.bodyChanged ? '' : ' (unchanged)'}</h3>
          {diff.bodyChanged ? <BodyChanges blocks={diff.body} /> : null}
        </section>
      ) : null}
    </div>
  );
}
