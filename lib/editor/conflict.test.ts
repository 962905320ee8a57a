import { describe, expect, it } from 'vitest';
import type { Body } from '../validation/body';
import { describeConflict } from './conflict';

const body = (...paragraphs: string[]): string => JSON.stringify({ blocks: paragraphs.map((text) => ({ type: 'paragraph', content: [{ text }] })) } satisfies Body);

describe('describeConflict', () => {
  it('shows the body block by block and short fields word by word, only where they differ', () => {
    const saved = { headline: 'Bridge vote passes', standfirst: 'Same', bodyJson: body('Kept paragraph.', 'Their new sentence.', 'Shared end.'), tagNames: 'Council' };
    const mine = { headline: 'Bridge vote fails', standfirst: 'Same', bodyJson: body('Kept paragraph.', 'My new sentence.', 'Shared end.'), tagNames: 'Council' };
    expect(describeConflict(saved, mine)).toEqual([
      {
        field: 'headline',
        label: 'Headline',
        parts: [
          { text: 'Bridge vote ', side: 'both' },
          { text: 'passes', side: 'saved' },
          { text: 'fails', side: 'mine' },
        ],
      },
      {
        field: 'body',
        label: 'Body',
        parts: [
          { text: 'Kept paragraph.', side: 'both' },
          { text: 'Their new sentence.', side: 'saved' },
          { text: 'My new sentence.', side: 'mine' },
          { text: 'Shared end.', side: 'both' },
        ],
      },
    ]);
  });

  it('reads the no-script form’s text notation as well as the editor’s JSON', () => {
    const differences = describeConflict({ bodyJson: body('One.', 'Two.') }, { body: 'One.\n\nTwo, changed.' });
    expect(differences.map((d) => d.parts)).toEqual([
      [
        { text: 'One.', side: 'both' },
        { text: 'Two.', side: 'saved' },
        { text: 'Two, changed.', side: 'mine' },
      ],
    ]);
  });

  it('finds nothing when the copies agree, empty byline slots and surrounding spaces aside', () => {
    expect(describeConflict({ headline: 'A', bylinePersonIds: '5', bodyJson: body('x') }, { headline: 'A ', bylinePersonIds: '5\n\n', bodyJson: body('x') })).toEqual([]);
  });
});
