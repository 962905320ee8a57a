'use client';
import { useActionState } from 'react';
import { saveSettingsAction } from '@/app/admin/settings/actions';
import { describedBy, Field, FormMessage, inputClass } from '@/components/admin/field';
import type { EditableSettings } from '@/lib/settings-editing';
import { initialFormState } from '@/lib/validation/form';
import { MAX_SPONSORED_LINKS, SOCIAL_NETWORKS } from '@/lib/validation/library';

const NETWORK_LABELS: Record<(typeof SOCIAL_NETWORKS)[number], string> = {
  facebook: 'Facebook',
  x: 'X',
  instagram: 'Instagram',
  youtube: 'YouTube',
  tiktok: 'TikTok',
  line: 'LINE',
  linkedin: 'LinkedIn',
  threads: 'Threads',
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
};

export function SettingsForm({ settings, timeZones }: { settings: EditableSettings; timeZones: string[] }) {
  const [state, action, pending] = useActionState(saveSettingsAction, initialFormState);
  const e = state.errors ?? {};
  // After a failed save, show what was typed; otherwise what is stored.
  const v = (name: string, stored: string | number | null | undefined) => state.values?.[name] ?? (stored == null ? '' : String(stored));
  const social = (network: string) => settings.socialLinks.find((l) => l.network === network)?.url;
  return (
    <form action={action} className="max-w-2xl space-y-6" noValidate>
      <FormMessage message={state.message} ok={state.ok} />
      <fieldset className="space-y-3">
        <legend className="text-lg font-semibold">Publication</legend>
        <Field id="name" label="Name" errors={e.name}>
          <input {...describedBy('name', e.name)} defaultValue={v('name', settings.name)} className={inputClass} />
        </Field>
        <Field id="tagline" label="Tagline" errors={e.tagline}>
          <input {...describedBy('tagline', e.tagline)} defaultValue={v('tagline', settings.tagline)} className={inputClass} />
        </Field>
        <Field id="logoId" label="Logo (image number from the media library)" errors={e.logoId} hint={settings.logo ? `Now: image ${settings.logo.id}. Leave empty for the name in type.` : 'Leave empty to show the name in type.'}>
          <input {...describedBy('logoId', e.logoId, true)} inputMode="numeric" defaultValue={v('logoId', settings.logoId)} className={inputClass} />
        </Field>
        <Field id="timeZone" label="Time zone" errors={e.timeZone} hint="Dates on the site and in date archives use this zone.">
          <select {...describedBy('timeZone', e.timeZone, true)} defaultValue={v('timeZone', settings.timeZone)} className={inputClass}>
            {timeZones.map((tz) => (
              <option key={tz} value={tz}>
                {tz}
              </option>
            ))}
          </select>
        </Field>
        <Field id="language" label="Language" errors={e.language} hint="A language tag, such as en, th or en-GB.">
          <input {...describedBy('language', e.language, true)} defaultValue={v('language', settings.language)} className={inputClass} />
        </Field>
        <Field id="footerText" label="Footer text" errors={e.footerText}>
          <textarea {...describedBy('footerText', e.footerText)} rows={2} defaultValue={v('footerText', settings.footerText)} className={inputClass} />
        </Field>
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="text-lg font-semibold">Social links</legend>
        {SOCIAL_NETWORKS.map((network) => (
          <Field key={network} id={`social.${network}`} label={NETWORK_LABELS[network]} errors={e[`social.${network}`]}>
            <input {...describedBy(`social.${network}`, e[`social.${network}`])} type="url" placeholder="https://" defaultValue={v(`social.${network}`, social(network))} className={inputClass} />
          </Field>
        ))}
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="text-lg font-semibold">Sponsored links</legend>
        <p className="text-sm text-neutral-700">Shown in the sidebar, marked as sponsored. Leave a row empty to drop it.</p>
        {Array.from({ length: MAX_SPONSORED_LINKS }, (_, i) => (
          <div key={i} className="grid grid-cols-2 gap-3">
            <Field id={`sponsored.${i}.label`} label={`Link ${i + 1} text`} errors={e[`sponsored.${i}.label`]}>
              <input {...describedBy(`sponsored.${i}.label`, e[`sponsored.${i}.label`])} defaultValue={v(`sponsored.${i}.label`, settings.sponsoredLinks[i]?.label)} className={inputClass} />
            </Field>
            <Field id={`sponsored.${i}.url`} label={`Link ${i + 1} address`} errors={e[`sponsored.${i}.url`]}>
              <input {...describedBy(`sponsored.${i}.url`, e[`sponsored.${i}.url`])} type="url" defaultValue={v(`sponsored.${i}.url`, settings.sponsoredLinks[i]?.url)} className={inputClass} />
            </Field>
          </div>
        ))}
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="text-lg font-semibold">App promotion</legend>
        <Field id="appPromo.title" label="Title" errors={e['appPromo.title']}>
          <input {...describedBy('appPromo.title', e['appPromo.title'])} defaultValue={v('appPromo.title', settings.appPromo?.title)} className={inputClass} />
        </Field>
        <Field id="appPromo.text" label="Text" errors={e['appPromo.text']}>
          <input {...describedBy('appPromo.text', e['appPromo.text'])} defaultValue={v('appPromo.text', settings.appPromo?.text)} className={inputClass} />
        </Field>
        <Field id="appPromo.url" label="Link" errors={e['appPromo.url']}>
          <input {...describedBy('appPromo.url', e['appPromo.url'])} type="url" defaultValue={v('appPromo.url', settings.appPromo?.url)} className={inputClass} />
        </Field>
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="text-lg font-semibold">Crawlers and feeds</legend>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="blockAiCrawlers" defaultChecked={state.values ? state.values.blockAiCrawlers === 'on' : settings.blockAiCrawlers} /> Ask AI crawlers (GPTBot, CCBot, Google-Extended…) not to read the site
        </label>
        <div role="radiogroup" aria-labelledby="feed-label" className="space-y-1">
          <p id="feed-label" className="text-sm font-medium">
            Feeds carry
          </p>
          {(['full', 'summary'] as const).map((value) => (
            <label key={value} className="flex items-center gap-2">
              <input type="radio" name="feedFullContent" value={value} defaultChecked={(state.values?.feedFullContent ?? (settings.feedFullContent ? 'full' : 'summary')) === value} />
              {value === 'full' ? 'The full article' : 'Only the standfirst'}
            </label>
          ))}
        </div>
      </fieldset>
      <button type="submit" disabled={pending} className="rounded bg-neutral-900 px-4 py-2 font-semibold text-white hover:bg-neutral-700 disabled:opacity-60">
        {pending ? 'Saving…' : 'Save settings'}
      </button>
    </form>
  );
}
