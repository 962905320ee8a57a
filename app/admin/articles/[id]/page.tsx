import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ArticleNotFoundError, getArticleForEditing } from '@/lib/article-workflow';
import { listPeopleOptions, listSectionOptions } from '@/lib/article-list';
import { AuthorizationError } from '@/lib/auth/actor';
import { requireStaffPage } from '@/lib/auth/guards';
import { getAutosave } from '@/lib/autosave';
import { config } from '@/lib/config';
import { getSiteSettings } from '@/lib/settings';
import { formValuesFromCopy } from '@/lib/validation/article-form';
import { StatusBadges } from '@/components/admin/status-badge';
import { ArticleForm } from '../article-form';
import { WorkflowPanel } from '../workflow-panel';
import { Notice, PageHeader } from '@/components/admin/page-header';
import { parseId } from '@/lib/validation/ids';

export const metadata = { title: 'Edit article' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string; done?: string }> };

async function load(actor: Awaited<ReturnType<typeof requireStaffPage>>, id: number) {
  try {
    return await getArticleForEditing(actor, id, { includeTrashed: true });
  } catch (error) {
    if (error instanceof ArticleNotFoundError || error instanceof AuthorizationError) return null;
    throw error;
  }
}

export default async function EditArticlePage({ params, searchParams }: Props) {
  const actor = await requireStaffPage();
  const id = parseId((await params).id);
  if (id === null) notFound();
  const article = await load(actor, id);
  // An author opening someone else's article learns nothing about it.
  if (!article) notFound();
  const { saved, done } = await searchParams;
  const [sections, people, settings, autosave] = await Promise.all([listSectionOptions(actor), listPeopleOptions(actor), getSiteSettings(), article.canEdit ? getAutosave(actor, id) : null]);
  const format = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: settings.timeZone });

  return (
    <div className="grid max-w-6xl gap-6 lg:grid-cols-[1fr_18rem]">
      <div className="min-w-0 space-y-4">
        <PageHeader title="Edit article" back={{ href: '/admin/articles', label: 'Articles' }} />
        <Notice>{saved ? (article.hasStagedEdit ? 'Saved as a staged edit. Readers still see the published version.' : 'Saved.') : done ? `Article ${done}.` : null}</Notice>
        <ArticleForm
          key={article.version}
          article={{ id: article.id, version: article.version }}
          initial={formValuesFromCopy(article.copy, article.tagNames)}
          sections={sections}
          people={people}
          siteUrl={config().SITE_URL}
          userId={actor.userId}
          bodyImages={article.images}
          autosave={autosave ? { ...autosave, savedAt: autosave.savedAt.toISOString() } : null}
        />
      </div>
      <aside className="space-y-4">
        <section className="space-y-2 rounded border border-neutral-300 bg-white p-4 text-sm" aria-label="Status">
          <h2 className="font-semibold">Status</h2>
          <StatusBadges {...article} />
          {article.publishedAt ? <p>First live {format.format(article.publishedAt)}</p> : null}
          {article.scheduledAt ? <p>Goes live {format.format(article.scheduledAt)}</p> : null}
          <p>
            <Link href={`/preview/${article.id}`} className="underline" target="_blank">
              Preview{article.hasStagedEdit ? ' staged edit' : ''}
            </Link>
          </p>
          <p>
            <Link href={`/admin/articles/${article.id}/revisions`} className="underline">
              Revisions
            </Link>
          </p>
          {article.publicPath ? (
            <p>
              <a href={article.publicPath} className="underline">
                View live article
              </a>
            </p>
          ) : null}
        </section>
        <WorkflowPanel article={article} />
      </aside>
    </div>
  );
}
