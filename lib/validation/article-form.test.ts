import { describe, expect, it } from 'vitest';
import { parseArticleForm } from './article-form';

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

const base = { headline: 'A headline', standfirst: 'A standfirst', primarySectionId: '3' };
const paragraph = (text: string, extra: Record<string, unknown> = {}) => ({ type: 'paragraph', content: [{ text, ...extra }] });

describe('parseArticleForm body', () => {
  it('takes the editor’s structured body from bodyJson', () => {
    const result = parseArticleForm(form({ ...base, bodyJson: JSON.stringify({ blocks: [paragraph('From the editor.')] }) }));
    expect(result.success && result.data.body).toEqual({ blocks: [paragraph('From the editor.')] });
  });

  it('prefers the no-script textarea when both arrive', () => {
    const result = parseArticleForm(form({ ...base, body: 'Typed without JavaScript.', bodyJson: JSON.stringify({ blocks: [paragraph('Stale.')] }) }));
    expect(result.success && result.data.body).toEqual({ blocks: [paragraph('Typed without JavaScript.')] });
  });

  it('never trusts the client: a hostile or malformed body is a field error on body', () => {
    for (const bodyJson of [
      JSON.stringify({ blocks: [paragraph('x', { href: 'javascript:alert(1)' })] }),
      JSON.stringify({ blocks: [{ type: 'script', text: 'alert(1)' }] }),
      JSON.stringify({ blocks: [paragraph('x', { onclick: 'alert(1)' })] }),
      '{not json',
    ]) {
      const result = parseArticleForm(form({ ...base, bodyJson }));
      expect(result.success).toBe(false);
      expect(!result.success && result.errors.body?.length).toBeGreaterThan(0);
    }
  });
});
