import type { ArticleCard } from '@/lib/articles';
import { StoryCard } from './story-card';

export function StoryList({ stories, timeZone, level = 2, showSection = true }: { stories: ArticleCard[]; timeZone: string; level?: 2 | 3; showSection?: boolean }) {
  return (
    <ol className="divide-y divide-rule">
      {stories.map((story) => (
        <li key={story.id} className="py-5 first:pt-0">
          <StoryCard story={story} timeZone={timeZone} level={level} showSection={showSection} />
        </li>
      ))}
    </ol>
  );
}
