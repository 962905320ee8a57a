import type { ArticleCard } from '@/lib/articles';
import { Picture } from '@/components/common/picture';
import { TimeStamp } from '@/components/common/time-stamp';

type Variant = 'lead' | 'top' | 'row' | 'compact';

const HEADLINE: Record<Variant, string> = {
  lead: 'font-serif text-3xl font-bold leading-tight sm:text-4xl',
  top: 'font-serif text-xl font-bold leading-snug',
  row: 'font-serif text-xl font-bold leading-snug',
  compact: 'font-serif text-base font-semibold leading-snug',
};

/**
 * One story in a listing. `level` keeps the heading outline right wherever the card sits.
 * The picture is decorative (alt="") because the headline next to it is the link's text.
 */
export function StoryCard({
  story,
  timeZone,
  variant = 'row',
  level = 3,
  showSection = true,
  eager = false,
}: {
  story: ArticleCard;
  timeZone: string;
  variant?: Variant;
  level?: 2 | 3 | 4;
  showSection?: boolean;
  eager?: boolean;
}) {
  const Heading = `h${level}` as const;
  const withImage = story.image && variant !== 'compact';
  const sizes =
    variant === 'lead' ? '(min-width: 1024px) 760px, 100vw' : variant === 'top' ? '(min-width: 1024px) 300px, (min-width: 640px) 50vw, 100vw' : '(min-width: 640px) 220px, 100vw';
  return (
    <article className={variant === 'row' ? 'grid gap-4 sm:grid-cols-[1fr_220px]' : 'flex flex-col gap-2'}>
      {withImage && variant !== 'row' ? (
        <Picture image={story.image!} sizes={sizes} eager={eager} alt="" className="aspect-[16/9] w-full object-cover" />
      ) : null}
      <div className="flex flex-col gap-1">
        {showSection ? (
          <p className="kicker">
            <a href={story.section.path} className="hover:underline">
              {story.isOpinion ? `Opinion · ${story.section.name}` : story.section.name}
            </a>
          </p>
        ) : null}
        <Heading className={HEADLINE[variant]}>
          <a href={story.path} className="story-link">
            {story.headline}
          </a>
        </Heading>
        {variant !== 'compact' && story.standfirst ? <p className="text-muted">{story.standfirst}</p> : null}
        <p className="text-sm text-muted">
          {story.bylines.length ? <span>By {story.bylines.map((b) => b.name).join(', ')} · </span> : null}
          <TimeStamp date={story.publishedAt} timeZone={timeZone} />
        </p>
      </div>
      {withImage && variant === 'row' ? (
        <Picture image={story.image!} sizes={sizes} alt="" className="order-first aspect-[16/9] w-full object-cover sm:order-none" />
      ) : null}
    </article>
  );
}
