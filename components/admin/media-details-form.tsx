'use client';
import { useActionState } from 'react';
import { updateMediaAction } from '@/app/admin/media/actions';
import { describedBy, Field, FormMessage, inputClass } from '@/components/admin/field';
import type { MediaItem } from '@/lib/media';
import { initialFormState } from '@/lib/validation/form';
import { FocalPointPicker } from './focal-point-picker';

export function MediaDetailsForm({ media, previewSrc }: { media: MediaItem; previewSrc: string }) {
  const [state, action, pending] = useActionState(updateMediaAction.bind(null, media.id), initialFormState);
  const v = (name: 'alt' | 'caption' | 'credit') => state.values?.[name] ?? media[name] ?? '';
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage message={state.message} ok={state.ok} />
      <Field id="alt" label="Alt text (required before the image can be published)" errors={state.errors?.alt} hint="Describe what the picture shows for people who cannot see it.">
        <textarea {...describedBy('alt', state.errors?.alt, true)} rows={2} defaultValue={v('alt')} className={inputClass} />
      </Field>
      <Field id="caption" label="Caption" errors={state.errors?.caption}>
        <textarea {...describedBy('caption', state.errors?.caption)} rows={2} defaultValue={v('caption')} className={inputClass} />
      </Field>
      <Field id="credit" label="Credit" errors={state.errors?.credit}>
        <input {...describedBy('credit', state.errors?.credit)} defaultValue={v('credit')} className={inputClass} />
      </Field>
      <FocalPointPicker src={previewSrc} width={media.width} height={media.height} initialX={media.focalX} initialY={media.focalY} />
      <button type="submit" disabled={pending} className="rounded bg-neutral-900 px-4 py-2 font-semibold text-white hover:bg-neutral-700 disabled:opacity-60">
        {pending ? 'Saving…' : 'Save details'}
      </button>
    </form>
  );
}
