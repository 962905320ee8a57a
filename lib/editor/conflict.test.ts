import { describe, expect, it } from 'vitest';
import type { Body } from '../validation/body';
import { describeConflict } from './conflict';

const body = (...paragraphs: string[]): string => JSON.stringify({ blocks: paragraphs.map((text) => ({ type: 'paragraph', content: [{ text }] })) } satisfies Body);

describe('describeConflict', () => {
  it('shows short fields word by word and the body paragraph by paragraph, only where they differ', () => {
    const saved = { headline: 'Bridge vote passes', standfirst: 'Same', bodyJson: body('Kept paragraph.', 'Their new sentence.', 'Shared end.'), tagNames: 'Council' };
    const mine = { headline: 'Bridge vote fails', standfirst: 'Same', bodyJson: body('Kept paragraph.', 'My new sentence.', 'Shared end.'), tagNames: 'Council' };
    const diff = describeConflict(saved, mine);
    expect(diff.fields).toEqual([
      {
        field: 'headline',
        label: 'Headline',
        type: 'text',
        parts: [
          { kind: 'same', text: 'Bridge vote ' },
          { kind: 'del', text: 'passes' },
          { kind: 'ins', text: 'fails' },
        ],
      },
    ]);
    expect(diff.body.map((row) => (row.type === 'block' ? row.block.kind : 'fold'))).toEqual(['same', 'changed', 'same']);
    const changed = diff.body[1]!;
    expect(changed.type === 'block' && changed.block.parts).toEqual([
      { kind: 'del', text: 'Their' },
      { kind: 'ins', text: 'My' },
      { kind: 'same', text: ' new sentence.' },
    ]);
    expect(diff.mine).toBe('Headline: Bridge vote fails\n\nKept paragraph.\n\nMy new sentence.\n\nShared end.');
  });

  it('reads the no-script form’s text notation as well as the editor’s JSON', () => {
    const diff = describeConflict({ bodyJson: body('One.', 'Two.') }, { body: 'One.\n\nTwo, changed.' });
    expect(diff.body.map((row) => (row.type === 'block' ? row.block.kind : 'fold'))).toEqual(['same', 'changed']);
  });

  it('finds nothing when the copies agree, empty byline slots and surrounding spaces aside', () => {
    const diff = describeConflict({ headline: 'A', bylinePersonIds: '5', bodyJson: body('x') }, { headline: 'A ', bylinePersonIds: '5\n\n', bodyJson: body('x') });
    expect(diff.fields).toEqual([]);
    expect(diff.body).toEqual([]);
  });
});
