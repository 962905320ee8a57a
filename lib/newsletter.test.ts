import { describe, expect, it } from 'vitest';
import { db } from './db';
import { subscribe, unsubscribe } from './newsletter';
import { newsletterSignupSchema } from './validation/newsletter';

describe('newsletter', () => {
  it('normalises the address and refuses what is not one', () => {
    expect(newsletterSignupSchema.parse({ email: '  Reader@Example.ORG ' }).email).toBe('reader@example.org');
    expect(newsletterSignupSchema.safeParse({ email: 'not an email' }).success).toBe(false);
    expect(newsletterSignupSchema.safeParse({}).success).toBe(false);
  });

  it('is duplicate-safe, unsubscribes by token and resubscribes with a fresh token', async () => {
    expect(await subscribe('reader@example.org')).toBe('subscribed');
    expect(await subscribe('reader@example.org')).toBe('already-subscribed');
    expect(await db().newsletterSubscriber.count()).toBe(1);
    const { token } = await db().newsletterSubscriber.findUniqueOrThrow({ where: { email: 'reader@example.org' } });
    expect(await unsubscribe(token)).toBe(true);
    expect((await db().newsletterSubscriber.findUniqueOrThrow({ where: { token } })).status).toBe('unsubscribed');
    expect(await unsubscribe('no-such-token-000000000')).toBe(false);
    expect(await subscribe('reader@example.org')).toBe('subscribed');
    const again = await db().newsletterSubscriber.findUniqueOrThrow({ where: { email: 'reader@example.org' } });
    expect(again.status).toBe('subscribed');
    expect(again.token).not.toBe(token);
  });
});
