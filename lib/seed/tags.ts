/** About 150 tags: every tag the story kinds use, the province's places, and recurring topics. */
import { slugify } from './slug';
import { STORIES } from './stories';
import { LOCAL_PLACES, NORTHERN_PLACES, PAPER } from './words';

export interface SeedTag {
  id: number;
  slug: string;
  name: string;
  description: string | null;
}

const TOPICS = [
  'Golden Triangle', 'Doi Tung', 'Mae Fah Luang University', 'Police', 'Courts', 'Weather', 'Temples', 'Hill Communities',
  'Migrant Workers', 'Labour', 'Wages', 'Airport', 'Buses', 'Railways', 'Water', 'Drought', 'Rice', 'Longan', 'Pineapple',
  'Markets', 'Small Business', 'Elderly Care', 'Dengue', 'Lanna', 'Songkran', 'Loy Krathong', 'Yi Peng', 'White Temple',
  'Night Bazaar', 'Homestays', 'Immigration', 'Climate Change', 'Forest Fires', 'Elephants', 'National Parks', 'Landslides',
  'Road Safety', 'Motorcycles', 'Traffic', 'Transparency', 'Universities',
];

/** Tags in a stable order; ids follow it. */
export function buildTags(): SeedTag[] {
  const places = new Set<string>([...LOCAL_PLACES, ...NORTHERN_PLACES]);
  const names = new Set<string>();
  for (const section of Object.values(STORIES)) {
    for (const name of section.tags) names.add(name);
    for (const kind of section.kinds) for (const name of kind.tags) names.add(name);
  }
  for (const name of [...places, ...TOPICS]) names.add(name);

  const bySlug = new Map<string, SeedTag>();
  for (const name of names) {
    const slug = slugify(name);
    if (bySlug.has(slug)) continue;
    const description = places.has(name)
      ? `News from ${name} and the surrounding district.`
      : bySlug.size % 3 === 0
        ? `Reporting on ${name} from ${PAPER.name}.`
        : null;
    bySlug.set(slug, { id: bySlug.size + 1, slug, name, description });
  }
  return [...bySlug.values()];
}
