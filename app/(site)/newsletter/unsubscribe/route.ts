import { NextResponse } from 'next/server';
import { config } from '@/lib/config';
import { unsubscribe } from '@/lib/newsletter';
import { newsletterTokenSchema } from '@/lib/validation/newsletter';

function seeOther(path: string): NextResponse {
  return NextResponse.redirect(new URL(path, config().SITE_URL), 303);
}

/**
 * Unsubscribes by token. A POST, not the emailed GET link itself, so mail scanners that follow
 * links cannot unsubscribe anyone; the link's page holds the button that posts here. The secret
 * token is what authorizes it (as a CSRF token would), so there is no Origin check: a mail
 * provider's one-click unsubscribe (RFC 8058) posts from outside any page of ours.
 */
export async function POST(request: Request): Promise<NextResponse> {
  let token: FormDataEntryValue | null = null;
  try {
    token = (await request.formData()).get('token');
  } catch {
    // Not a form: handled as a missing token.
  }
  const parsed = newsletterTokenSchema.safeParse({ token: typeof token === 'string' ? token : undefined });
  if (!parsed.success) return seeOther('/newsletter/invalid-link');
  return seeOther((await unsubscribe(parsed.data.token)) ? '/newsletter/unsubscribed' : '/newsletter/invalid-link');
}
