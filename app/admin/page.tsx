import Link from 'next/link';
import { DashboardList, type DashboardListItem, type DashboardPanel } from '@/components/admin/dashboard-list';
import { requireStaffPage } from '@/lib/auth/guards';
import { getDashboard, type DashboardItem } from '@/lib/dashboard';
import { getSiteSettings } from '@/lib/settings';
import { NewArticleLink } from '@/components/admin/new-article-link';
import { PageHeader } from '@/components/admin/page-header';

export const metadata = { title: 'Dashboard' };

type Props = { searchParams: Promise<{ denied?: string }> };

export default async function AdminHome({ searchParams }: Props) {
  const actor = await requireStaffPage();
  const { denied } = await searchParams;
  const settings = await getSiteSettings();
  const dashboard = await getDashboard(actor, { timeZone: settings.timeZone });
  const format = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: settings.timeZone });
  const dated = (prefix: string) => (item: DashboardItem): DashboardListItem => ({ ...item, detail: item.at ? `${prefix} ${format.format(item.at)}` : '' });
  const whose = actor.role === 'author' ? 'Your articles' : 'Articles';
  const panels: DashboardPanel[] = [
    {
      title: 'My drafts',
      items: dashboard.myDrafts.map(dated('Changed')),
      empty: (
        <>
          No drafts. <Link href="/admin/articles/new" className="underline">Start an article</Link>.
        </>
      ),
    },
    { title: 'In review', items: dashboard.inReview.map(dated('Changed')), empty: `${whose} waiting for review appear here.`, more: { href: '/admin/articles?state=in_review', label: 'All in review' } },
    { title: 'Scheduled', items: dashboard.scheduled.map(dated('Goes live')), empty: 'Nothing is scheduled.', more: { href: '/admin/articles?state=scheduled', label: 'All scheduled' } },
    {
      title: 'Recently published',
      items: dashboard.recentlyPublished.map(dated('Published')),
      empty: 'Nothing has been published yet.',
      more: { href: '/admin/articles?state=published&sort=published', label: 'All published' },
    },
    {
      title: 'Most read today',
      items: dashboard.mostReadToday.map((item) => ({ ...item, detail: `${item.views.toLocaleString('en')} view${item.views === 1 ? '' : 's'}`, extra: { href: item.path, label: 'Read' } })),
      empty: `No views counted yet today${actor.role === 'author' ? ' on your articles' : ''}.`,
    },
  ];
  return (
    <div className="space-y-4">
      <PageHeader title="Dashboard" actions={<NewArticleLink />} />
      {denied ? (
        <p role="alert" className="rounded border border-red-700 bg-red-50 px-3 py-2 text-red-900">
          Your role ({actor.role}) cannot open that page.
        </p>
      ) : null}
      <p>Welcome, {actor.name}.</p>
      <div className="grid gap-4 lg:grid-cols-2">
        {panels.map((panel) => (
          <DashboardList key={panel.title} {...panel} />
        ))}
      </div>
    </div>
  );
}
