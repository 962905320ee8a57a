/** Static pages (about, contact, privacy…) as readers see them. */
import { recordTags, tags } from './cache-tags';
import { db } from './db';
import { reusedWhileFresh } from './reused-reads';
import { bodySchema, type Body } from './validation/body';

export interface StaticPage {
  id: number;
  slug: string;
  title: string;
  body: Body;
  updatedAt: Date;
}

export interface PageLink {
  title: string;
  path: string;
}

const live = { published: true, deletedAt: null } as const;

/** A published page by slug. Records nothing on a miss: sections share the namespace, the caller records it. */
export async function getPublishedPage(slug: string): Promise<StaticPage | null> {
  const row = await db().page.findFirst({
    where: { ...live, slug },
    select: { id: true, slug: true, title: true, body: true, updatedAt: true },
  });
  if (!row) return null;
  recordTags(tags.page(row.id));
  const body = bodySchema.safeParse(row.body);
  return { ...row, body: body.success ? body.data : { blocks: [] } };
}

/** Pages listed in the footer, in editor order; every reader page shows them, so reused across renders. */
export const listFooterPages = reusedWhileFresh(
  () => '',
  async function listFooterPages(): Promise<PageLink[]> {
    recordTags(tags.nav);
    const rows = await db().page.findMany({
      where: { ...live, showInFooter: true },
      orderBy: [{ position: 'asc' }, { id: 'asc' }],
      select: { id: true, slug: true, title: true },
    });
    recordTags(...rows.map((r) => tags.page(r.id)));
    return rows.map((r) => ({ title: r.title, path: `/${r.slug}` }));
  },
);
