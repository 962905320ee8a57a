'use server';
import { requireActor } from '@/lib/auth/session';
import { SettingsMissingError, clearBreakingBar, saveHomeCuration, setBreakingBar } from '@/lib/home-curation';
import { submittedValues, type FormState } from '@/lib/validation/form';
import { guarded } from '../form-results';

function parseJson(value: FormDataEntryValue | null): unknown {
  try {
    return typeof value === 'string' ? JSON.parse(value) : null;
  } catch {
    return null;
  }
}

export async function saveCurationAction(_previous: FormState, form: FormData): Promise<FormState> {
  return guarded(undefined, async () => {
    const actor = await requireActor('admin', 'editor');
    const result = await saveHomeCuration(actor, parseJson(form.get('curation')));
    return result.ok ? { ok: true, message: 'The home page is updated for readers now.' } : { message: result.message };
  });
}

export async function setBreakingAction(_previous: FormState, form: FormData): Promise<FormState> {
  const values = submittedValues(form);
  return guarded(
    values,
    async () => {
      const actor = await requireActor('admin', 'editor');
      const result = await setBreakingBar(actor, { text: form.get('text') ?? '', url: form.get('url') ?? '', minutes: form.get('minutes') ?? '' });
      if (!result.ok) return { errors: result.errors, values, message: 'Check the fields marked below.' };
      return { ok: true, message: `The breaking bar is up until ${result.bar.expiresAt.toISOString().slice(11, 16)} UTC.`, values };
    },
    SettingsMissingError,
  );
}

export async function clearBreakingAction(_previous: FormState): Promise<FormState> {
  return guarded(undefined, async () => {
    await clearBreakingBar(await requireActor('admin', 'editor'));
    return { ok: true, message: 'The breaking bar is down.' };
  });
}
