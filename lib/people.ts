/** Authors (people with bylines) as readers see them. */
import { z } from 'zod';
import { recordTags, tags } from './cache-tags';
import { db } from './db';
import { mediaImage, type ImageRef } from './media-ref';

const socialLinksSchema = z.array(z.object({ network: z.string().min(1).max(40), url: z.url({ protocol: /^https?$/ }) }));

export interface AuthorProfile {
  id: number;
  slug: string;
  name: string;
  path: string;
  jobTitle: string | null;
  bio: string | null;
  photo: ImageRef | null;
  socialLinks: { network: string; url: string }[];
}

export async function getAuthor(slug: string): Promise<AuthorProfile | null> {
  const row = await db().person.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      jobTitle: true,
      bio: true,
      socialLinks: true,
      photo: { select: { path: true, width: true, height: true, alt: true, deletedAt: true } },
    },
  });
  if (!row) {
    recordTags(tags.missing(`/author/${slug}`));
    return null;
  }
  recordTags(tags.author(row.id));
  const links = socialLinksSchema.safeParse(row.socialLinks);
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    path: `/author/${row.slug}`,
    jobTitle: row.jobTitle,
    bio: row.bio,
    photo: mediaImage(row.photo, `Portrait of ${row.name}`),
    socialLinks: links.success ? links.data : [],
  };
}
