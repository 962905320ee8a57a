/**
 * Test fixtures shared by the library's Vitest files: one staff user per role (plus a second
 * author) and minimal sections and articles. Not imported by application code.
 */
import type { Actor, Role } from '../auth/actor';
import { db } from '../db';

export interface Staff {
  admin: Actor;
  editor: Actor;
  author: Actor;
  otherAuthor: Actor;
}

let counter = 0;

async function createActor(role: Role, label: string): Promise<Actor> {
  counter += 1;
  const email = `${label}-${counter}-${Date.now()}@example.test`;
  const user = await db().user.create({ data: { email, name: `${label} ${counter}`, role } });
  return { userId: user.id, role, name: user.name, email, personId: null };
}

export async function createStaff(): Promise<Staff> {
  return {
    admin: await createActor('admin', 'admin'),
    editor: await createActor('editor', 'editor'),
    author: await createActor('author', 'author'),
    otherAuthor: await createActor('author', 'other'),
  };
}

export async function createSection(slug: string, parentId: number | null = null, position = 0) {
  return db().section.create({ data: { slug, name: slug[0]!.toUpperCase() + slug.slice(1), parentId, position }, select: { id: true, slug: true } });
}

const BODY = { blocks: [{ type: 'paragraph', content: [{ text: 'Text.' }] }] };

/** A published article (or unpublished with `published: false`) in a top-level section. */
export async function createArticle(
  sectionId: number,
  slug: string,
  opts: { published?: boolean; heroImageId?: number; body?: object; publishedAt?: Date; deletedAt?: Date } = {},
) {
  const published = opts.published ?? true;
  const publishedAt = published ? (opts.publishedAt ?? new Date()) : null;
  return db().article.create({
    data: {
      slug,
      headline: `Headline ${slug}`,
      body: opts.body ?? BODY,
      primarySectionId: sectionId,
      topSectionId: sectionId,
      heroImageId: opts.heroImageId ?? null,
      publicationState: published ? 'published' : 'unpublished',
      publishedAt,
      firstPublishedAt: publishedAt,
      deletedAt: opts.deletedAt ?? null,
      sections: { create: { sectionId, publishedAt } },
    },
    select: { id: true, slug: true },
  });
}
