/** Newsletter subscriptions: sign-up from the reader form and unsubscribe by the emailed token. */
import { randomBytes } from 'node:crypto';
import { write } from './db';

export type SubscribeResult = 'subscribed' | 'already-subscribed';

function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * Subscribes `email` (already validated and lower-cased). Signing up twice is harmless; signing
 * up again after unsubscribing resubscribes with a fresh token.
 */
export async function subscribe(email: string): Promise<SubscribeResult> {
  return write(async (tx) => {
    const existing = await tx.newsletterSubscriber.findUnique({ where: { email }, select: { id: true, status: true } });
    if (existing?.status === 'subscribed') return 'already-subscribed';
    if (existing) {
      await tx.newsletterSubscriber.update({
        where: { id: existing.id },
        data: { status: 'subscribed', token: newToken(), unsubscribedAt: null },
      });
    } else {
      await tx.newsletterSubscriber.create({ data: { email, token: newToken() } });
    }
    return 'subscribed';
  });
}

/** Unsubscribes the holder of `token`. False when no subscription has that token. */
export async function unsubscribe(token: string): Promise<boolean> {
  return write(async (tx) => {
    const row = await tx.newsletterSubscriber.findUnique({ where: { token }, select: { id: true, status: true } });
    if (!row) return false;
    if (row.status !== 'unsubscribed') {
      await tx.newsletterSubscriber.update({ where: { id: row.id }, data: { status: 'unsubscribed', unsubscribedAt: new Date() } });
    }
    return true;
  });
}
