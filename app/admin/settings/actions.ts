'use server';
import { requireActor } from '@/lib/auth/session';
import { saveSettings } from '@/lib/settings-editing';
import { submittedValues, type FormState } from '@/lib/validation/form';
import { MAX_SPONSORED_LINKS, SOCIAL_NETWORKS } from '@/lib/validation/library';
import { guarded } from '../form-results';

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
};

/** Form rows of sponsored links that are not blank, by their index in the form. */
function sponsoredRows(form: FormData): number[] {
  return Array.from({ length: MAX_SPONSORED_LINKS }, (_, i) => i).filter((i) => text(form, `sponsored.${i}.label`) || text(form, `sponsored.${i}.url`));
}

/** The flat form fields as the settings schema expects them; blank rows are dropped. */
function settingsFromForm(form: FormData) {
  const logo = text(form, 'logoId');
  const promo = { title: text(form, 'appPromo.title'), text: text(form, 'appPromo.text'), url: text(form, 'appPromo.url') };
  return {
    name: text(form, 'name'),
    tagline: text(form, 'tagline'),
    logoId: logo ? logo : null,
    timeZone: text(form, 'timeZone'),
    language: text(form, 'language'),
    socialLinks: SOCIAL_NETWORKS.map((network) => ({ network, url: text(form, `social.${network}`) })).filter((l) => l.url),
    sponsoredLinks: sponsoredRows(form).map((i) => ({ label: text(form, `sponsored.${i}.label`), url: text(form, `sponsored.${i}.url`) })),
    appPromo: promo.title || promo.text || promo.url ? promo : null,
    footerText: text(form, 'footerText'),
    blockAiCrawlers: form.get('blockAiCrawlers') === 'on',
    feedFullContent: form.get('feedFullContent') === 'full',
  };
}

export async function saveSettingsAction(_previous: FormState, form: FormData): Promise<FormState> {
  const values = submittedValues(form);
  return guarded(values, async () => {
    const actor = await requireActor('admin');
    const input = settingsFromForm(form);
    const result = await saveSettings(actor, input);
    if (!result.ok) {
      // Row indexes in errors count the kept rows; map them back to the form's fields.
      const rows = sponsoredRows(form);
      const errors: Record<string, string[]> = {};
      for (const [key, messages] of Object.entries(result.errors)) {
        const m = /^(socialLinks|sponsoredLinks)\.(\d+)\.(\w+)$/.exec(key);
        if (m?.[1] === 'socialLinks') errors[`social.${input.socialLinks[Number(m[2])]!.network}`] = messages;
        else if (m) errors[`sponsored.${rows[Number(m[2])]}.${m[3]}`] = messages;
        else errors[key] = messages;
      }
      return { errors, values, message: 'Check the fields marked below.' };
    }
    return { ok: true, message: 'Settings saved. Readers see them on their next request.', values };
  });
}
