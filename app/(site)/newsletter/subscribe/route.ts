import { NextResponse } from 'next/server';
import { crossSiteResponse, isSameOrigin } from '@/lib/auth/guards';
import { config } from '@/lib/config';
import { subscribe } from '@/lib/newsletter';
import { newsletterSignupSchema } from '@/lib/validation/newsletter';

function seeOther(path: string): NextResponse {
  return NextResponse.redirect(new URL(path, config().SITE_URL), 303);
}

/**
 * The sign-up form posts here; the reader is sent (303) to a page that says what happened.
 * Another site cannot sign its visitors up through their browsers: cross-site posts are refused.
 */
export async function POST(request: Request): Promise<Response> {
  if (!isSameOrigin(request)) return crossSiteResponse();
  let email: FormDataEntryValue | null = null;
  try {
    email = (await request.formData()).get('email');
  } catch {
    // A body that is not a form is treated like an empty one.
  }
  const parsed = newsletterSignupSchema.safeParse({ email: typeof email === 'string' ? email : undefined });
  if (!parsed.success) return seeOther('/newsletter/invalid-email');
  const result = await subscribe(parsed.data.email);
  return seeOther(`/newsletter/${result}`);
}
