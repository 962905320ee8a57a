import { listPeopleOptions, listSectionOptions } from '@/lib/article-list';
import { requireStaffPage } from '@/lib/auth/guards';
import { config } from '@/lib/config';
import { ArticleForm } from '../article-form';

export const metadata = { title: 'New article' };

export default async function NewArticlePage() {
  const actor = await requireStaffPage();
  const [sections, people] = await Promise.all([listSectionOptions(actor), listPeopleOptions(actor)]);
  const initial = { bylinePersonIds: actor.personId ? String(actor.personId) : '' };
  return (
    <div className="max-w-4xl space-y-4">
      <h1 className="text-2xl font-bold">New article</h1>
      <ArticleForm initial={initial} sections={sections} people={people} siteUrl={config().SITE_URL} userId={actor.userId} />
    </div>
  );
}
