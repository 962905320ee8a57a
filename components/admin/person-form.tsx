'use client';
import { useActionState } from 'react';
import { savePersonAction } from '@/app/admin/people/actions';
import { describedBy, Field, FormMessage, inputClass } from '@/components/admin/field';
import { initialFormState } from '@/lib/validation/form';
import { SOCIAL_NETWORKS } from '@/lib/validation/library';

export interface PersonFormValues {
  id: number | null;
  name: string;
  slug: string;
  jobTitle: string;
  bio: string;
  photoId: number | null;
  userId: number | null;
  socialLinks: { network: string; url: string }[];
}

/** `limited` is an author's own profile: name, address and account link are the editors’. */
export function PersonForm({ person, users, limited }: { person: PersonFormValues; users: { id: number; name: string; email: string }[]; limited: boolean }) {
  const [state, action, pending] = useActionState(savePersonAction.bind(null, person.id), initialFormState);
  const e = state.errors ?? {};
  const v = (name: string, stored: string | number | null | undefined) => state.values?.[name] ?? (stored == null ? '' : String(stored));
  return (
    <form action={action} className="max-w-xl space-y-3" noValidate>
      <FormMessage message={state.message} />
      {limited ? null : (
        <>
          <Field id="name" label="Name" errors={e.name}>
            <input {...describedBy('name', e.name)} defaultValue={v('name', person.name)} className={inputClass} />
          </Field>
          <Field id="slug" label="Slug" errors={e.slug} hint="The author page is /author/<slug>. Leave empty to make one from the name.">
            <input {...describedBy('slug', e.slug, true)} defaultValue={v('slug', person.slug)} className={inputClass} />
          </Field>
          <Field id="userId" label="Staff account" errors={e.userId}>
            <select {...describedBy('userId', e.userId)} defaultValue={v('userId', person.userId)} className={inputClass}>
              <option value="">None (a contributor without an account)</option>
              {users.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name} ({u.email})
                </option>
              ))}
            </select>
          </Field>
        </>
      )}
      <Field id="jobTitle" label="Job title" errors={e.jobTitle}>
        <input {...describedBy('jobTitle', e.jobTitle)} defaultValue={v('jobTitle', person.jobTitle)} className={inputClass} />
      </Field>
      <Field id="bio" label="Biography" errors={e.bio}>
        <textarea {...describedBy('bio', e.bio)} rows={5} defaultValue={v('bio', person.bio)} className={inputClass} />
      </Field>
      <Field id="photoId" label="Photo (image number from the media library)" errors={e.photoId}>
        <input {...describedBy('photoId', e.photoId)} inputMode="numeric" defaultValue={v('photoId', person.photoId)} className={inputClass} />
      </Field>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Social links</legend>
        {SOCIAL_NETWORKS.map((network) => (
          <Field key={network} id={`social.${network}`} label={network} errors={e[`social.${network}`]}>
            <input {...describedBy(`social.${network}`, e[`social.${network}`])} type="url" placeholder="https://" defaultValue={v(`social.${network}`, person.socialLinks.find((l) => l.network === network)?.url)} className={inputClass} />
          </Field>
        ))}
      </fieldset>
      <button type="submit" disabled={pending} className="rounded bg-neutral-900 px-4 py-2 font-semibold text-white hover:bg-neutral-700 disabled:opacity-60">
        {pending ? 'Saving…' : person.id ? 'Save profile' : 'Create profile'}
      </button>
    </form>
  );
}
