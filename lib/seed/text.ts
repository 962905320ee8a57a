/**
 * Turns a story kind (stories.ts) into a headline, standfirst and structured body for one
 * article. One set of variables per article keeps the pieces telling the same story.
 */
import { countWords, type Block, type Body, type Inline } from '../validation/body';
import type { Random } from './random';
import type { SectionStories, StoryKind } from './stories';
import {
  FOREIGN_FAMILY, FOREIGN_GIVEN, GENERIC_HEADINGS, HILLS, LOCAL_PLACES, MONTHS, NORTHERN_PLACES, OCCUPATIONS,
  PAPER, REGISTERS, RIVERS, SMALL_NUMBERS, THAI_FAMILY, THAI_GIVEN, WEEKDAYS, type RegisterText,
} from './words';

type Vars = Record<string, string>;

export interface InlineImage {
  mediaId: number;
  alt: string;
  caption: string;
  credit: string;
}

export interface StoryInput {
  section: SectionStories;
  kind: StoryKind;
  /** When the story is set: its publication (or creation) time. */
  date: Date;
  /** The article's tags, for the occasional "read more" link. */
  tagLinks: readonly { name: string; slug: string }[];
  images: readonly InlineImage[];
  sectionName: string;
  /** The town the story is set in. */
  place: string;
}

export interface StoryText {
  headline: string;
  standfirst: string;
  body: Body;
}

const BANGKOK_OFFSET_MS = 7 * 3600_000;
const TOKEN = /\{([^{}]+)\}/g;

function thaiName(rng: Random): string {
  return `${rng.pick(THAI_GIVEN)} ${rng.pick(THAI_FAMILY)}`;
}

function foreignName(rng: Random): string {
  return `${rng.pick(FOREIGN_GIVEN)} ${rng.pick(FOREIGN_FAMILY)}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function thousands(n: number): string {
  return n < 1000 ? String(n) : `${Math.floor(n / 1000)},${String(n % 1000).padStart(3, '0')}`;
}

/**
 * Words by counting spaces: close enough to steer a body towards its length, and much cheaper
 * than countWords, which runs once on the finished body.
 */
function roughWords(text: string): number {
  let words = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 32) words++;
  return words;
}

/**
 * Fills `{key}` (or `{Key}`, capitalised) from `vars` and picks one of `{a|b|c}`; `{n}` and `{p}`
 * are a fresh count and percentage each time. Values are inserted as they are, so variables that
 * hold templates must be filled first.
 */
export function fill(template: string, vars: Vars, rng: Random): string {
  return template.replace(TOKEN, (_, inner: string) => {
    if (inner.includes('|')) return rng.pick(inner.split('|'));
    if (inner === 'n') return thousands(rng.int(40, 1800));
    if (inner === 'p') return `${rng.int(3, 48)} per cent`;
    const key = inner.charAt(0).toLowerCase() + inner.slice(1);
    const value = vars[key];
    if (value === undefined) throw new Error(`Unknown template variable {${inner}} in "${template}"`);
    return key === inner ? value : capitalise(value);
  });
}

/** Drops the inline markers for fields that are plain text (headline, standfirst). */
export function plain(text: string): string {
  return text.replace(/\*\*|_/g, '');
}

const MARKS = /(\*\*[^*]+\*\*|_[^_]+_)/;

/** `**bold**` and `_italic_` spans to inline nodes. */
function inlines(text: string): Inline[] {
  if (!text.includes('_') && !text.includes('**')) return [{ text }];
  const out: Inline[] = [];
  for (const part of text.split(MARKS)) {
    if (!part) continue;
    if (part.startsWith('**') && part.endsWith('**') && part.length > 4) out.push({ text: part.slice(2, -2), bold: true });
    else if (part.startsWith('_') && part.endsWith('_') && part.length > 2) out.push({ text: part.slice(1, -1), italic: true });
    else out.push({ text: part });
  }
  return out;
}

/** The variables shared by every template of one article. */
function storyVars(rng: Random, place: string, section: SectionStories, kind: StoryKind, date: Date): Vars {
  const local = new Date(date.getTime() + BANGKOK_OFFSET_MS);
  let place2: string = rng.pick(LOCAL_PLACES);
  if (place2 === place) place2 = rng.pick(NORTHERN_PLACES);
  const vars: Vars = {
    paper: PAPER.name,
    place,
    place2,
    north: rng.pick(NORTHERN_PLACES),
    river: rng.pick(RIVERS),
    hill: rng.pick(HILLS),
    official: thaiName(rng),
    expert: rng.chance(0.75) ? thaiName(rng) : foreignName(rng),
    expertRole: rng.pick(section.experts),
    resident: rng.chance(0.9) ? thaiName(rng) : foreignName(rng),
    age: String(rng.int(19, 78)),
    job: rng.pick(OCCUPATIONS),
    weekday: WEEKDAYS[local.getUTCDay()]!,
    month: MONTHS[local.getUTCMonth()]!,
    nextMonth: MONTHS[(local.getUTCMonth() + 1) % 12]!,
    day: String(rng.int(1, 28)),
    year: String(local.getUTCFullYear()),
    amount: rng.chance(0.1) ? `${rng.int(11, 49) / 10} billion baht` : `${rng.int(2, 480)} million baht`,
    pct: `${rng.int(3, 48)} per cent`,
    count: thousands(rng.int(40, 1800)),
    bigCount: thousands(rng.int(20, 900) * 1000),
    tens: String(rng.int(4, 19) * 5),
    few: rng.pick(SMALL_NUMBERS),
    nth: rng.pick(['third', 'fourth', 'fifth', 'sixth', 'seventh']),
  };
  // Kind variables may refer to the shared ones ("the road to {place2}"), so fill them second.
  for (const [name, choices] of Object.entries(kind.vars ?? {})) {
    const choice = rng.pick(choices);
    if (typeof choice === 'string') vars[name] = fill(choice, vars, rng);
    else for (const [form, text] of Object.entries(choice)) vars[`${name}.${form}`] = fill(text, vars, rng);
  }
  vars.role = kind.roles.length ? fill(rng.pick(kind.roles), vars, rng) : '';
  return vars;
}

/** A quotation as it is attributed in running text: “…,” said X. */
function attributed(quote: string, who: string): string {
  const spoken = /[.]$/.test(quote) ? `${quote.slice(0, -1)},` : quote;
  return `“${spoken}” said ${who}.`;
}

function citeOf(vars: Vars): string {
  return `${vars.official}, ${vars.role!.replace(/^the /, '')}`;
}

/** Sentences drawn in order without repeats: the kind's own first, then the section's, then generic ones. */
class SentencePool {
  private readonly items: string[];
  private index = 0;

  constructor(rng: Random, kind: StoryKind, section: SectionStories, registers: readonly RegisterText[]) {
    const shared = registers.flatMap((r) => r.details);
    // Letters speak in readers' voices, not the paper's.
    const context = kind.signed ? [] : section.context;
    this.items = [
      ...rng.sample(kind.details, kind.details.length),
      ...rng.sample(context, context.length),
      ...rng.sample(shared, shared.length),
    ];
  }

  take(count: number): string[] {
    const out = this.items.slice(this.index, this.index + count);
    this.index += out.length;
    return out;
  }

  get remaining(): number {
    return this.items.length - this.index;
  }
}

// A little above 250 so that the exact count, which skips dashes and figures, stays above it.
const MIN_WORDS = 265;
const MAX_BLOCKS = 20;

/** How many distinct values each shared variable can take (storyVars). */
const SLOT_SIZES: Record<string, number> = {
  place: LOCAL_PLACES.length, place2: LOCAL_PLACES.length, north: NORTHERN_PLACES.length, river: RIVERS.length,
  hill: HILLS.length, amount: 518, pct: 46, count: 1761, bigCount: 881, tens: 16, few: SMALL_NUMBERS.length, nth: 5,
};
const templateWeights = new WeakMap<StoryKind, number[]>();

/**
 * Headline templates weighted by the square root of how many headlines each can produce, so a
 * large archive repeats itself less without every headline being one with a number in it.
 */
function weightsOf(kind: StoryKind): number[] {
  let weights = templateWeights.get(kind);
  if (!weights) {
    weights = kind.headlines.map((template) => {
      let combinations = 1;
      for (const [, inner] of template.matchAll(TOKEN)) {
        const key = inner!.charAt(0).toLowerCase() + inner!.slice(1).split('.')[0];
        if (inner!.includes('|')) combinations *= inner!.split('|').length;
        else if (key === 'place' && kind.places) combinations *= kind.places.length;
        else combinations *= kind.vars?.[key]?.length ?? SLOT_SIZES[key] ?? 1;
      }
      return Math.sqrt(Math.min(combinations, 2000));
    });
    templateWeights.set(kind, weights);
  }
  return weights;
}

function pickWeighted(rng: Random, items: readonly string[], weights: readonly number[]): string {
  let r = rng.next() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < items.length; i++) {
    r -= weights[i]!;
    if (r < 0) return items[i]!;
  }
  return items.at(-1)!;
}

function headline(rng: Random, kind: StoryKind, vars: Vars): string {
  const weights = weightsOf(kind);
  const fits = (text: string) => {
    const words = countWords(text);
    return words >= 6 && words <= 14;
  };
  // Slot values vary in length; redraw a template that lands outside 6–14 words.
  for (let attempt = 0; attempt < 8; attempt++) {
    let text = fill(pickWeighted(rng, kind.headlines, weights), vars, rng);
    if (kind.tails && rng.chance(0.4)) text = `${text} ${rng.pick(kind.tails)}`;
    text = capitalise(plain(text));
    if (fits(text)) return text;
  }
  const texts = kind.headlines.map((template) => capitalise(plain(fill(template, vars, rng))));
  return texts.find(fits) ?? texts.reduce((a, b) => (countWords(a) <= countWords(b) ? a : b));
}

function standfirst(rng: Random, kind: StoryKind, vars: Vars): string {
  const [first, second] = rng.sample(kind.standfirsts, 2);
  const text = second !== undefined && rng.chance(0.35) ? `${first} ${second}` : first!;
  return plain(fill(text, vars, rng));
}

function youtubeId(rng: Random): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let id = '';
  for (let i = 0; i < 11; i++) id += alphabet[rng.int(0, alphabet.length - 1)];
  return id;
}

export function composeStory(rng: Random, input: StoryInput): StoryText {
  const { section, kind } = input;
  const vars = storyVars(rng, input.place, section, kind, input.date);
  const f = (template: string) => fill(template, vars, rng);
  const opinion = Boolean(section.opinion);
  const registerNames = kind.registers ?? section.registers;
  const registers = registerNames.map((name) => REGISTERS[name]);
  const pool = new SentencePool(rng, kind, section, registers);
  const reporting = registerNames.includes('plan') || registerNames.includes('community');
  const headingPool = kind.signed ? (kind.headings ?? []) : [...(kind.headings ?? []), ...section.headings, ...(reporting ? GENERIC_HEADINGS : [])];
  const headings = rng.sample(headingPool, 4);
  const quotes = rng.sample(kind.quotes, kind.quotes.length);
  const voices = rng.sample([...section.voices, ...registers.flatMap((r) => r.voices)], 3);
  const target = MIN_WORDS + Math.round((rng.next() + rng.next()) * 0.5 * 650);
  const perParagraph = target > 600 ? 4 : 3;

  const blocks: Block[] = [];
  let words = 0;
  const push = (block: Block, text: string) => {
    blocks.push(block);
    words += roughWords(text);
  };
  const paragraph = (text: string, extra: Inline[] = []) => {
    push({ type: 'paragraph', content: [...inlines(text), ...extra] }, text);
  };
  const signature = (): Inline[] => [{ text: ' ' }, { text: `— ${thaiName(rng)}, ${rng.pick(LOCAL_PLACES)}`, italic: true }];
  const body = (count: number) => {
    const sentences = pool.take(count).map(f);
    if (sentences.length === 0) return;
    const text = sentences.join(' ');
    if (kind.signed) return paragraph(text, signature());
    const tag = input.tagLinks.length && rng.chance(0.12) ? rng.pick(input.tagLinks) : undefined;
    if (!tag) return paragraph(text);
    paragraph(text, [{ text: ' Read more of our reporting on ' }, { text: tag.name, href: `/tag/${tag.slug}` }, { text: '.' }]);
  };

  const lead = f(rng.pick(kind.leads));
  if (!opinion && rng.chance(0.2)) {
    push({ type: 'paragraph', content: [{ text: `${vars.place!.toUpperCase()} — `, bold: true }, ...inlines(lead)] }, lead);
  } else paragraph(lead);
  body(rng.int(2, 3));

  if (quotes[0] && vars.role) {
    paragraph(`${attributed(quotes[0], `${vars.official}, ${vars.role}`)} ${f(pool.take(1)[0] ?? '')}`.trim());
  }
  body(perParagraph - 1);

  let headingIndex = 0;
  const heading = (level: 2 | 3) => {
    const text = headings[headingIndex++];
    if (text) push({ type: 'heading', level, text }, text);
  };
  heading(2);

  // The middle of the story, in an order that varies from article to article.
  const extras: (() => void)[] = [];
  if (kind.list && rng.chance(0.6)) {
    const list = kind.list;
    extras.push(() => {
      const intro = f(rng.pick(list.intro));
      paragraph(intro);
      const items = rng.sample(list.items, rng.int(3, Math.min(6, list.items.length)));
      if (list.ordered) items.sort((a, b) => list.items.indexOf(a) - list.items.indexOf(b));
      push({ type: 'list', ordered: Boolean(list.ordered), items: items.map((item) => inlines(f(item))) }, items.join(' '));
    });
  }
  if (!opinion && voices[0]) {
    const voice = voices[0];
    extras.push(() => {
      if (rng.chance(0.5)) {
        push({ type: 'quote', content: [{ text: voice }], cite: `${vars.resident}, ${vars.job}` }, voice);
      } else paragraph(f(`{resident}, a {age}-year-old {job} in {place}, said: “${voice}”`));
    });
  }
  if (quotes[1] && vars.role && rng.chance(0.35)) {
    const text = quotes[1];
    extras.push(() => push({ type: 'pullquote', text, cite: citeOf(vars) }, text));
  } else if (opinion && !kind.signed && rng.chance(0.3)) {
    const text = f(rng.pick(section.context));
    extras.push(() => push({ type: 'pullquote', text }, text));
  }
  if (input.images.length && rng.chance(0.1)) {
    const image = rng.pick(input.images);
    extras.push(() => push({ type: 'image', mediaId: image.mediaId, alt: image.alt, caption: image.caption, credit: image.credit }, image.caption));
  }
  if (!opinion && rng.chance(0.04)) {
    extras.push(() => blocks.push({ type: 'embed', url: `https://www.youtube.com/watch?v=${youtubeId(rng)}`, title: `Video: ${input.sectionName.toLowerCase()} report from ${vars.place}` }));
  }
  if (quotes[2] && vars.role && rng.chance(0.5)) {
    const text = quotes[2];
    extras.push(() => paragraph(`${attributed(text, vars.official!)} ${f(pool.take(1)[0] ?? '')}`.trim()));
  }
  if (reporting && rng.chance(0.25)) {
    const verdict = rng.pick(['not unusual for the North', 'a warning for other provinces', 'better than many people think', 'the result of years of neglect']);
    extras.push(() => paragraph(f(`{Expert}, {expertRole}, said the situation in {place} was “${verdict}”.`)));
  }

  // Reserve room for the closing paragraph; an extra adds up to two blocks.
  const room = () => blocks.length < MAX_BLOCKS - 1;
  for (const extra of rng.sample(extras, extras.length)) {
    if (blocks.length + 2 >= MAX_BLOCKS) break;
    extra();
    if (room() && pool.remaining) body(perParagraph);
    if (room() && rng.chance(0.3)) heading(rng.chance(0.7) ? 2 : 3);
  }
  while (room() && words < target && pool.remaining) {
    body(perParagraph);
    if (room() && rng.chance(0.15)) heading(2);
  }
  if (blocks.at(-1)?.type === 'heading') blocks.pop();
  // When the block budget runs out first, lengthen the last paragraph instead.
  while (words < MIN_WORDS && pool.remaining) {
    const last = blocks.findLast((block) => block.type === 'paragraph');
    if (!last || last.type !== 'paragraph') break;
    const text = pool.take(2).map(f).join(' ');
    // A letter's signature stays at the end of its paragraph.
    last.content.splice(kind.signed ? -2 : last.content.length, 0, { text: ` ${text}` });
    words += roughWords(text);
  }

  paragraph(f(rng.pick(registers.flatMap((r) => r.closings))));
  if (!opinion && blocks.length <= MAX_BLOCKS - 2 && rng.chance(0.03)) {
    blocks.push({ type: 'rule' });
    const note = `Additional reporting by ${thaiName(rng)} in ${vars.place2}.`;
    push({ type: 'paragraph', content: [{ text: note, italic: true }] }, note);
  }

  return { headline: headline(rng, kind, vars), standfirst: standfirst(rng, kind, vars), body: { blocks } };
}
