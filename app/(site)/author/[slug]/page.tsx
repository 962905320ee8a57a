import type { Metadata } from 'next';
import { Picture } from '@/components/common/picture';
import { SocialLinks } from '@/components/layout/social-links';
import { ArchiveView } from '@/components/listing/archive-view';
import { JsonLd } from '@/components/seo/json-ld';
import { listAuthorArticles } from '@/lib/articles';
import { getAuthor } from '@/lib/people';
import { getSeoSettings } from '@/lib/seo/data';
import { authorMetadata } from '@/lib/seo/metadata';
import { authorStructuredData } from '@/lib/seo/structured-data';
import { getSiteSettings } from '@/lib/settings';
import { pageNumber, type SearchParams } from '../../_lib/listing';
import { notFoundMetadata, notFoundPage } from '../../_lib/not-found';

type Props = { params: Promise<{ slug: string }>; searchParams: SearchParams };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const author = await getAuthor((await params).slug);
  if (!author) return notFoundMetadata;
  const page = await pageNumber(searchParams, author.path);
  const photo = author.photo && { url: author.photo.src, width: author.photo.width, height: author.photo.height, alt: author.photo.alt };
  return authorMetadata({ name: author.name, description: author.bio, jobTitle: author.jobTitle, photo, path: author.path, page: page ?? 1 }, await getSeoSettings());
}

export default async function AuthorPage({ params, searchParams }: Props) {
  const author = await getAuthor((await params).slug);
  if (!author) return notFoundPage();
  const page = await pageNumber(searchParams, author.path);
  if (page === null) return notFoundPage();
  const [settings, listing, seo] = await Promise.all([getSiteSettings(), listAuthorArticles(author.id, page), getSeoSettings()]);
  const person = {
    name: author.name,
    slug: author.slug,
    jobTitle: author.jobTitle,
    description: author.bio,
    image: author.photo && { url: author.photo.src, width: author.photo.width, height: author.photo.height },
    sameAs: author.socialLinks.map((l) => l.url),
  };
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
      <JsonLd data={authorStructuredData(person, { page, items: listing.items }, seo)} />
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
