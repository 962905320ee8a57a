import { beforeAll, describe, expect, it } from 'vitest';
import { AuthorizationError } from './auth/actor';
import { onInvalidate } from './cache-tags';
import { db } from './db';
import { createArticle, createStaff, type Staff } from './media/fixtures';
import { loadRedirects } from './redirects';
import {
  createSection,
  createTag,
  deleteSection,
  deleteTag,
  listSectionTree,
  listTags,
  mergeTags,
  moveSection,
  updateSection,
  updateTag,
} from './taxonomy-editing';

let staff: Staff;
beforeAll(async () => {
  staff = await createStaff();
  await db().page.create({ data: { slug: 'about', title: 'About us', body: { blocks: [] } } });
});

const redirects = async () => Object.fromEntries((await loadRedirects()).map((r) => [r.fromPath, r.toPath]));
const section = (name: string, slug: string, parentId: number | null = null) => ({ name, slug, parentId, description: '', showInNav: true });

async function created<T>(promise: Promise<{ ok: true; value: T } | { ok: false; errors: Record<string, string[]> }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

describe('sections', () => {
  it('enforce the slug rules of DESIGN §4', async () => {
    const news = await created(createSection(staff.editor, section('News', 'news')));
    await createArticle(news.id, 'flood-warning');
    const cases: [object, string, RegExp][] = [
      [section('Admin', 'admin'), 'slug', /used by the site itself/],
      [section('Newsletter', 'newsletter'), 'slug', /used by the site itself/],
      [section('Year', '2026'), 'slug', /only digits/],
      [section('WP', 'wp-content'), 'slug', /wp-/],
      [section('About', 'about'), 'slug', /page “About us” already uses \/about/],
      [section('News again', 'news'), 'slug', /section “News” already uses/],
      [section('Bad', 'Bad Slug!'), 'slug', /lowercase letters/],
      [section('Clash', 'flood-warning', news.id), 'slug', /article “Headline flood-warning” already uses/],
    ];
    for (const [input, field, message] of cases) {
      const result = await createSection(staff.editor, input);
      expect(result.ok ? 'accepted' : result.errors[field]?.[0], JSON.stringify(input)).toMatch(message);
    }
    const local = await created(createSection(staff.editor, section('Local', 'local', news.id)));
    const deeper = await createSection(staff.editor, section('Too deep', 'deep', local.id));
    expect(deeper).toEqual({ ok: false, errors: { parentId: [expect.stringMatching(/two levels at most/)] } });
  });

  it('renaming a top-level section redirects it, its sub-sections, feed and articles, without chains or loops', async () => {
    const sport = await created(createSection(staff.editor, section('Sport', 'sport')));
    const football = await created(createSection(staff.editor, section('Football', 'football', sport.id)));
    const match = await createArticle(sport.id, 'derby-report');
    await createArticle(sport.id, 'unpublished-draft', { published: false });
    // An old WordPress address already points at the match report.
    await db().redirect.create({ data: { fromPath: '/2019/05/derby', toPath: '/sport/derby-report' } });

    const seen: string[][] = [];
    const stop = onInvalidate((t) => seen.push([...t]));
    expect(await updateSection(staff.editor, sport.id, section('Sports', 'sports'))).toEqual({ ok: true, value: undefined });
    stop();
    expect(seen[0]).toEqual(expect.arrayContaining([`section:${sport.id}`, `section:${football.id}`, `article:${match.id}`, 'nav', 'redirects', 'feeds', 'sitemaps']));
    expect(await redirects()).toMatchObject({
      '/sport': '/sports',
      '/sport/feed.xml': '/sports/feed.xml',
      '/sport/football': '/sports/football',
      '/sport/derby-report': '/sports/derby-report',
      '/2019/05/derby': '/sports/derby-report',
    });
    expect((await redirects())['/sport/unpublished-draft']).toBeUndefined();

    // And back again: the live URLs lose their redirects, the old ones point forward, no loop.
    await updateSection(staff.editor, sport.id, section('Sport', 'sport'));
    const table = await redirects();
    expect(table['/sport']).toBeUndefined();
    expect(table['/sport/derby-report']).toBeUndefined();
    expect(table).toMatchObject({ '/sports': '/sport', '/sports/derby-report': '/sport/derby-report', '/2019/05/derby': '/sport/derby-report' });
    for (const [from, to] of Object.entries(table)) expect(table[to ?? ''], `${from} → ${to} is a chain`).toBeUndefined();
  });

  it('renaming a sub-section redirects its URL; order and deletion follow the rules', async () => {
    const tree = await listSectionTree(staff.editor);
    const sport = tree.find((s) => s.slug === 'sport')!;
    const football = sport.children[0]!;
    await updateSection(staff.editor, football.id, section('Soccer', 'soccer', sport.id));
    expect((await redirects())['/sport/football']).toBe('/sport/soccer');
    expect(await updateSection(staff.editor, football.id, section('Soccer', 'soccer', null))).toMatchObject({ ok: false, errors: { parentId: [expect.stringMatching(/cannot move/)] } });

    const before = (await listSectionTree(staff.editor)).map((s) => s.slug);
    await moveSection(staff.editor, sport.id, 'up');
    const after = (await listSectionTree(staff.editor)).map((s) => s.slug);
    expect(after.indexOf('sport')).toBe(before.indexOf('sport') - 1);

    expect(await deleteSection(staff.editor, sport.id)).toMatchObject({ ok: false, errors: { form: [expect.stringMatching(/sub-section/)] } });
    expect(await deleteSection(staff.editor, football.id)).toEqual({ ok: true, value: undefined });
    expect(await deleteSection(staff.editor, sport.id)).toMatchObject({ ok: false, errors: { form: [expect.stringMatching(/still has articles/)] } });
    expect((await redirects())['/sport/soccer']).toBeNull();
  });
});

describe('tags', () => {
  it('rename with redirects, merge keeping articles, delete as gone', async () => {
    const news = await db().section.findFirstOrThrow({ where: { slug: 'news' } });
    const a = await createArticle(news.id, 'tagged-a');
    const b = await createArticle(news.id, 'tagged-b');
    const haze = await created(createTag(staff.editor, { name: 'Haze', slug: 'haze' }));
    const smog = await created(createTag(staff.editor, { name: 'Smog', slug: 'smog' }));
    const when = new Date('2026-11-01T00:00:00Z');
    await db().articleTag.createMany({ data: [{ articleId: a.id, tagId: haze.id, publishedAt: when }, { articleId: a.id, tagId: smog.id, publishedAt: when }, { articleId: b.id, tagId: smog.id, publishedAt: when }] });

    expect(await createTag(staff.editor, { name: 'Haze 2', slug: 'haze' })).toMatchObject({ ok: false, errors: { slug: [expect.stringMatching(/merge into it/)] } });
    await updateTag(staff.editor, haze.id, { name: 'Air pollution', slug: 'air-pollution' });
    expect(await redirects()).toMatchObject({ '/tag/haze': '/tag/air-pollution', '/tag/haze/feed.xml': '/tag/air-pollution/feed.xml' });

    const seen: string[][] = [];
    const stop = onInvalidate((t) => seen.push([...t]));
    expect(await mergeTags(staff.editor, smog.id, haze.id)).toEqual({ ok: true, value: undefined });
    stop();
    expect(seen[0]).toEqual(expect.arrayContaining([`tag:${smog.id}`, `tag:${haze.id}`, `article:${a.id}`, `article:${b.id}`, 'redirects']));
    const links = await db().articleTag.findMany({ where: { tagId: haze.id }, orderBy: { articleId: 'asc' }, select: { articleId: true, publishedAt: true } });
    expect(links).toEqual([{ articleId: a.id, publishedAt: when }, { articleId: b.id, publishedAt: when }]);
    expect(await db().tag.count({ where: { id: smog.id } })).toBe(0);
    expect((await redirects())['/tag/smog']).toBe('/tag/air-pollution');
    expect((await listTags(staff.editor, { q: 'AIR' })).items).toEqual([{ id: haze.id, name: 'Air pollution', slug: 'air-pollution', description: null, articles: 2 }]);

    // Renaming back to a slug that has a redirect releases it.
    await updateTag(staff.editor, haze.id, { name: 'Haze', slug: 'haze' });
    expect((await redirects())['/tag/haze']).toBeUndefined();
    expect((await redirects())['/tag/smog']).toBe('/tag/haze');

    expect(await deleteTag(staff.editor, haze.id)).toEqual({ ok: true, value: undefined });
    expect((await redirects())['/tag/haze']).toBeNull();
  });
});

describe('permissions', () => {
  it('authors cannot change sections or tags', async () => {
    const calls = [
      () => listSectionTree(staff.author),
      () => createSection(staff.author, section('X', 'x')),
      () => updateSection(staff.author, 1, section('X', 'x')),
      () => moveSection(staff.author, 1, 'up'),
      () => deleteSection(staff.author, 1),
      () => listTags(staff.author),
      () => createTag(staff.author, { name: 'X', slug: 'x' }),
      () => updateTag(staff.author, 1, { name: 'X', slug: 'x' }),
      () => mergeTags(staff.author, 1, 2),
      () => deleteTag(staff.author, 1),
    ];
    for (const call of calls) await expect(call()).rejects.toBeInstanceOf(AuthorizationError);
    expect((await listSectionTree(staff.admin)).length).toBeGreaterThan(0);
  });
});
