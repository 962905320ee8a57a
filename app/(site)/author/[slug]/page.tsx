import type { Metadata } from 'next';
import { Picture } from '@/components/common/picture';
import { SocialLinks } from '@/components/layout/social-links';
import { ArchiveView } from '@/components/listing/archive-view';
import { listAuthorArticles } from '@/lib/articles';
import { getAuthor } from '@/lib/people';
import { getSiteSettings } from '@/lib/settings';
import { pageNumber, pageSuffix, type SearchParams } from '../../_lib/listing';
import { notFoundMetadata, notFoundPage } from '../../_lib/not-found';

type Props = { params: Promise<{ slug: string }>; searchParams: SearchParams };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const author = await getAuthor((await params).slug);
  if (!author) return notFoundMetadata;
  const page = await pageNumber(searchParams, author.path);
  return { title: `${author.name}${pageSuffix(page)}`, description: author.bio ?? `Stories by ${author.name}.` };
}

export default async function AuthorPage({ params, searchParams }: Props) {
  const author = await getAuthor((await params).slug);
  if (!author) return notFoundPage();
  const page = await pageNumber(searchParams, author.path);
  if (page === null) return notFoundPage();
  const [settings, listing] = await Promise.all([getSiteSettings(), listAuthorArticles(author.id, page)]);
  if (page > listing.totalPages) return notFoundPage();
  return (
    <ArchiveView
      kicker={author.jobTitle ?? 'Contributor'}
      title={author.name}
      basePath={author.path}
      listing={listing}
      settings={settings}
      empty={`${author.name} has no published stories yet.`}
    >
      {page === 1 ? (
        <section aria-label={`About ${author.name}`} className="mb-8 flex flex-col gap-4 sm:flex-row">
          {author.photo ? (
            <Picture image={author.photo} sizes="128px" className="size-32 shrink-0 rounded-full object-cover" eager />
          ) : null}
          <div className="space-y-3">
            {author.bio ? <p className="text-lg">{author.bio}</p> : null}
            <SocialLinks links={author.socialLinks} owner={author.name} />
          </div>
        </section>
      ) : null}
    </ArchiveView>
  );
}
