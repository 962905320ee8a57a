/**
 * The newsroom: a fixed roster (not per seed) so author pages keep their URLs across re-seeds.
 * Beats are section slugs; an article's byline is drawn from the people covering its section.
 */
import { Random } from './random';
import { slugify } from './slug';
import { PAPER } from './words';

export interface SeedPerson {
  id: number;
  slug: string;
  name: string;
  jobTitle: string;
  bio: string;
  /** Index into the generated portraits, when the person has a photo. */
  portrait: number | null;
  socialLinks: { network: string; url: string }[];
  beats: readonly string[];
}

const ROSTER: readonly (readonly [name: string, jobTitle: string, beats: readonly string[], beatText: string])[] = [
  ['Kanya Srisuk', 'Editor', ['news', 'politics', 'editorials', 'opinion'], 'leads the newsroom and writes about provincial politics'],
  ['David Hartley', 'Deputy Editor', ['news', 'world', 'opinion', 'editorials'], 'runs the news desk and edits our international coverage'],
  ['Niran Thongdee', 'News Editor', ['news', 'thailand', 'chiang-rai'], 'plans the day’s coverage and reports on national policy'],
  ['Malee Inthawong', 'Chiang Rai Correspondent', ['chiang-rai'], 'covers the city of Chiang Rai, its council and its neighbourhoods'],
  ['Chaiwat Kaewmanee', 'Mae Sai Correspondent', ['mae-sai', 'economy', 'chiang-rai'], 'reports from Mae Sai on the border, its market and the people who cross it'],
  ['Suda Wongsawat', 'Mekong Reporter', ['chiang-saen', 'mekong', 'asia'], 'follows the Mekong from Chiang Saen to Chiang Khong'],
  ['Emma Lindqvist', 'Environment Correspondent', ['environment', 'air-quality', 'mekong'], 'writes about haze, forests, water and wildlife in the upper North'],
  ['Prasert Saengthong', 'Political Reporter', ['politics', 'thailand'], 'covers the provincial council, elections and local government'],
  ['Wanida Chaimongkol', 'Business Editor', ['business', 'economy', 'property'], 'edits our business pages and writes about the regional economy'],
  ['Lucas Moreau', 'Business Reporter', ['business', 'property', 'technology'], 'reports on property, investment and new businesses'],
  ['Ratana Boonyasit', 'Agriculture Reporter', ['agriculture', 'world', 'environment'], 'covers farming, from hill coffee to lowland rice'],
  ['Anan Panyawong', 'Tourism Editor', ['tourism', 'festivals'], 'writes about visitors, festivals and the business of travel'],
  ['Hannah Walsh', 'Travel Writer', ['tourism', 'festivals', 'arts-culture'], 'explores the North’s roads, villages and guesthouses'],
  ['Kittisak Mahawong', 'Sports Editor', ['sport', 'football'], 'edits the sports pages and follows northern football'],
  ['Tom Brennan', 'Football Writer', ['football'], 'covers the northern league from the stands and the touchline'],
  ['Porntip Ruangsri', 'Food Writer', ['food', 'lifestyle'], 'eats her way around northern markets and kitchens'],
  ['Surachai Thammachai', 'Technology Reporter', ['technology'], 'reports on connectivity, start-ups and digital life in the provinces'],
  ['Jintana Jaiyen', 'Health Correspondent', ['health'], 'covers hospitals, public health and the people who work in them'],
  ['Thawatchai Kongkaew', 'Education Reporter', ['education'], 'writes about schools, universities and young people in the North'],
  ['Nattaya Phanthong', 'Reporter', ['chiang-rai', 'news', 'thailand'], 'reports on general news across the province'],
  ['Boonmee Sitthiwong', 'Chief Photographer', ['chiang-rai', 'festivals'], 'photographs the province and occasionally writes about it'],
  ['Siriporn Chomphu', 'Opinion Editor', ['opinion', 'editorials'], 'edits the opinion pages and writes our editorials'],
  ['Pichai Rattanakul', 'Columnist', ['columns'], 'writes a weekly column about life and politics in the North'],
  ['Ingrid Novak', 'Columnist', ['columns'], 'writes about settling in Chiang Rai and what newcomers notice'],
  ['Kamol Intharat', 'Regional Affairs Correspondent', ['asia', 'news'], 'covers Laos, Myanmar, China and the wider Mekong region'],
  ['Orapin Wiangkham', 'Night Editor', ['news', 'thailand', 'world'], 'runs the overnight desk and breaking news'],
  ['Wichai Kaewkhiao', 'Data Reporter', ['economy', 'health', 'news'], 'finds the stories in public data'],
  ['Duangjai Yodsuk', 'Reporter', ['chiang-rai', 'education'], 'reports on communities and schools in rural districts'],
  ['Sombat Chanthara', 'Muay Thai Correspondent', ['muay-thai', 'sport'], 'covers Muay Thai camps and fight nights across the North'],
  ['Marco Costa', 'Contributing Writer', ['tourism', 'food'], 'writes about travel and food for our weekend pages'],
  ['Pranee Pongsathorn', 'Arts Writer', ['arts-culture', 'lifestyle'], 'covers artists, craft and performance'],
  ['Yuthana Khamwong', 'Phayao and Nan Correspondent', ['news', 'thailand', 'environment'], 'reports from Phayao and Nan'],
  ['Kanokwan Sangkham', 'Trainee Reporter', ['chiang-rai', 'health', 'education'], 'is training on the news desk'],
  ['Samuel Okafor', 'Contributing Columnist', ['columns', 'technology'], 'writes about technology and the provinces'],
  ['Benjamas Tiyawong', 'Letters Editor', ['letters'], 'reads every letter that readers send us'],
  ['Apichart Lertkasem', 'Senior Reporter', ['chiang-rai', 'politics', 'environment'], 'has reported on the province for more than twenty years'],
];

/** Roster positions with a portrait, in portrait order. */
const WITH_PORTRAIT = [0, 2, 6, 9, 13, 15, 21, 23];
export const PORTRAIT_COUNT = WITH_PORTRAIT.length;

const BEFORE = [
  'Before joining {paper}, {first} worked for a regional radio station in Chiang Mai.',
  '{First} grew up in {hometown} and studied journalism in Bangkok.',
  '{First} joined {paper} as a trainee and has worked on most of its desks.',
  '{First} previously reported for newspapers in Bangkok and Singapore.',
  'A graduate of Mae Fah Luang University, {first} has lived in Chiang Rai for most of {their} life.',
];
const AFTER = [
  'Away from work, {first} grows coffee on a small family plot.',
  '{First} speaks Thai, northern Thai and English.',
  'Story ideas are always welcome.',
  '{First} is usually found at the morning market before the news meeting.',
  '',
];
const HOMETOWNS = ['Phayao', 'Nan', 'Chiang Khong', 'Mae Chan', 'Lampang', 'Thoeng', 'Phan'];

export function buildPeople(): SeedPerson[] {
  const rng = new Random('lanna-ledger-people');
  return ROSTER.map(([name, jobTitle, beats, beatText], i) => {
    const first = name.split(' ')[0]!;
    const slug = slugify(name);
    const handle = slug.replace(/-/g, '');
    const fill = (t: string) =>
      t.replace('{paper}', PAPER.name).replace(/\{first\}/g, first).replace('{First}', first).replace('{hometown}', rng.pick(HOMETOWNS)).replace('{their}', 'their');
    const bio = [`${name} ${beatText} for ${PAPER.name}.`, fill(rng.pick(BEFORE)), fill(rng.pick(AFTER))].filter(Boolean).join(' ');
    const socialLinks = [{ network: 'x', url: `https://x.com/${handle}` }];
    if (rng.chance(0.5)) socialLinks.push({ network: 'instagram', url: `https://www.instagram.com/${handle}` });
    if (rng.chance(0.3)) socialLinks.push({ network: 'linkedin', url: `https://www.linkedin.com/in/${slug}` });
    const portrait = WITH_PORTRAIT.indexOf(i);
    return { id: i + 1, slug, name, jobTitle, bio, portrait: portrait >= 0 ? portrait : null, socialLinks, beats };
  });
}
