import { BreakingBarForm } from '@/components/admin/breaking-bar-form';
import { HomeCurationEditor } from '@/components/admin/home-curation-editor';
import { requireStaffPage } from '@/lib/auth/guards';
import { getBreakingBarForEditing, getHomeCuration, searchStoriesForCuration } from '@/lib/home-curation';
import { getSiteSettings } from '@/lib/settings';
import { HOME_TOP_STORIES, MAX_TOP_STORIES } from '@/lib/validation/library';
import { ListSearch } from '@/components/admin/list-search';

export const metadata = { title: 'Home page' };

type Props = { searchParams: Promise<{ q?: string }> };

export default async function HomeCurationPage({ searchParams }: Props) {
  const actor = await requireStaffPage('admin', 'editor');
  const q = typeof (await searchParams).q === 'string' ? (await searchParams).q!.slice(0, 200) : '';
  const [curation, candidates, bar, settings] = await Promise.all([getHomeCuration(actor), searchStoriesForCuration(actor, q), getBreakingBarForEditing(actor), getSiteSettings()]);
  const when = (d: Date) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: settings.timeZone }).format(d);
  const now = new Date();
  return (
    <div className="max-w-4xl space-y-8">
      <h1 className="text-2xl font-bold">Home page</h1>
      <section aria-labelledby="breaking" className="space-y-3">
        <h2 id="breaking" className="text-xl font-semibold">
          Breaking news bar
        </h2>
        <BreakingBarForm current={bar ? { text: bar.text, url: bar.url, expiresAt: when(bar.expiresAt), live: bar.expiresAt > now } : null} />
      </section>
      <section aria-labelledby="curation" className="space-y-3">
        <h2 id="curation" className="text-xl font-semibold">
          Lead and top stories
        </h2>
        {curation.lead && !curation.lead.live ? <p role="status">The chosen lead is no longer published; readers see the newest story instead.</p> : null}
        <ListSearch action="/admin/home" label="Find a published story" q={q} />
        <HomeCurationEditor
          key={JSON.stringify(curation)}
          lead={curation.lead && curation.lead.live ? { id: curation.lead.articleId, headline: curation.lead.headline, path: curation.lead.path } : null}
          top={curation.top.filter((t) => t.live).map((t) => ({ id: t.articleId, headline: t.headline, path: t.path, pinned: t.pinned }))}
          candidates={candidates.map((c) => ({ id: c.id, headline: c.headline, path: c.path }))}
          maxTop={MAX_TOP_STORIES}
          shown={HOME_TOP_STORIES}
        />
      </section>
    </div>
  );
}
