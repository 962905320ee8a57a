'use server';
/**
 * Article server actions, each in the fixed order: authorize → validate → data call (which checks
 * the role again and invalidates what readers see) → redirect. Errors come back as form state so
 * the editor's text is never lost.
 */
import { redirect } from 'next/navigation';
import { z } from 'zod';
import {
  approveArticle,
  archiveArticle,
  ArticleInputError,
  ArticleNotFoundError,
  cancelSchedule,
  createArticle,
  discardStagedEdit,
  EditConflictError,
  getArticleForEditing,
  publishArticle,
  restoreArticle,
  returnToDraft,
  saveArticle,
  scheduleArticle,
  submitForReview,
  trashArticle,
  unpublishArticle,
  WorkflowError,
} from '@/lib/article-workflow';
import { actionAuthError } from '@/lib/auth/guards';
import { requireActor } from '@/lib/auth/session';
import { discardAutosave } from '@/lib/autosave';
import { describeConflict } from '@/lib/editor/conflict';
import { listMedia, MediaNotPublishableError } from '@/lib/media';
import { formValuesFromCopy, parseArticleForm, type ArticleFormState } from '@/lib/validation/article-form';
import { submittedValues, type FormState } from '@/lib/validation/form';

/** The message for an expected failure, or rethrows (a bug, or Next's redirect signal). */
function failure(error: unknown, values?: Record<string, string>): FormState {
  const auth = actionAuthError(error);
  if (auth) return { message: auth, values };
  if (error instanceof ArticleInputError) return { message: 'Please correct the highlighted field.', errors: { [error.field]: [error.message] }, values };
  if (error instanceof WorkflowError || error instanceof EditConflictError || error instanceof ArticleNotFoundError || error instanceof MediaNotPublishableError) {
    return { message: error.message, values };
  }
  throw error;
}

export async function createArticleAction(_previous: FormState, form: FormData): Promise<FormState> {
  const values = submittedValues(form);
  let id: number;
  try {
    const actor = await requireActor();
    const parsed = parseArticleForm(form);
    if (!parsed.success) return { message: 'Please correct the highlighted fields.', errors: parsed.errors, values };
    ({ id } = await createArticle(actor, parsed.data));
  } catch (error) {
    return failure(error, values);
  }
  redirect(`/admin/articles/${id}?saved=1`);
}

const versionSchema = z.coerce.number().int().positive();

/**
 * Someone else saved first: their copy and what differs, so this editor chooses (keep mine, take
 * theirs, copy) instead of either save being lost.
 */
async function conflictState(id: number, values: Record<string, string>, message: string): Promise<ArticleFormState> {
  const actor = await requireActor();
  const current = await getArticleForEditing(actor, id);
  const theirs = formValuesFromCopy(current.copy, current.tagNames);
  return { message, values, conflict: { version: current.version, values: theirs, diff: describeConflict(theirs, values) } };
}

export async function saveArticleAction(id: number, _previous: ArticleFormState, form: FormData): Promise<ArticleFormState> {
  const values = submittedValues(form);
  try {
    const actor = await requireActor();
    const parsed = parseArticleForm(form);
    const baseVersion = versionSchema.safeParse(form.get('baseVersion'));
    if (!baseVersion.success) return { message: 'The form is missing its version; reload the page.', values };
    if (!parsed.success) return { message: 'Please correct the highlighted fields.', errors: parsed.errors, values };
    await saveArticle(actor, id, parsed.data, { baseVersion: baseVersion.data });
    // The explicit save holds everything the autosave did.
    await discardAutosave(actor, id);
  } catch (error) {
    if (error instanceof EditConflictError) return conflictState(id, values, error.message).catch((cause: unknown) => failure(cause, values));
    return failure(error, values);
  }
  redirect(`/admin/articles/${id}?saved=1`);
}

const mediaPickerSchema = z.object({ q: z.string().max(200).optional(), page: z.coerce.number().int().min(1).max(10_000).optional() });

/** One page of the media library for the editor's image picker (staff only, checked in lib/media). */
export async function listMediaForPickerAction(input: unknown) {
  const parsed = mediaPickerSchema.safeParse(input);
  if (!parsed.success) return { error: parsed.error.issues[0]!.message };
  try {
    const actor = await requireActor();
    const page = await listMedia(actor, { q: parsed.data.q || undefined, page: parsed.data.page ?? 1 });
    return { page: page.page, pages: page.pages, items: page.items.map((m) => ({ id: m.id, src: m.url, alt: m.alt, caption: m.caption ?? '', credit: m.credit ?? '', name: m.originalName })) };
  } catch (error) {
    const auth = actionAuthError(error);
    if (auth) return { error: auth };
    throw error;
  }
}

const WORKFLOW_INTENTS = ['submit', 'approve', 'return', 'publish', 'schedule', 'unschedule', 'unpublish', 'archive', 'trash', 'restore', 'discard'] as const;
type WorkflowIntent = (typeof WORKFLOW_INTENTS)[number];

const workflowSchema = z.object({
  id: z.coerce.number().int().positive(),
  intent: z.enum(WORKFLOW_INTENTS, { error: 'Unknown action.' }),
  scheduledAt: z.string().optional(),
});

const DONE: Record<WorkflowIntent, string> = {
  submit: 'submitted',
  approve: 'approved',
  return: 'returned',
  publish: 'published',
  schedule: 'scheduled',
  unschedule: 'unscheduled',
  unpublish: 'unpublished',
  archive: 'archived',
  trash: 'trashed',
  restore: 'restored',
  discard: 'discarded',
};

async function runIntent(intent: WorkflowIntent, id: number, scheduledAt: string | undefined): Promise<void> {
  const actor = await requireActor();
  switch (intent) {
    case 'submit':
      return submitForReview(actor, id);
    case 'approve':
      return approveArticle(actor, id);
    case 'return':
      return returnToDraft(actor, id);
    case 'publish':
      await publishArticle(actor, id);
      return;
    case 'schedule': {
      const at = scheduledAt ? new Date(scheduledAt) : new Date(Number.NaN);
      return scheduleArticle(actor, id, at);
    }
    case 'unschedule':
      return cancelSchedule(actor, id);
    case 'unpublish':
      return unpublishArticle(actor, id);
    case 'archive':
      return archiveArticle(actor, id);
    case 'trash':
      return trashArticle(actor, id);
    case 'restore':
      return restoreArticle(actor, id);
    case 'discard':
      return discardStagedEdit(actor, id);
  }
}

/** One action for every workflow button; the button's `intent` says which. */
export async function workflowAction(_previous: FormState, form: FormData): Promise<FormState> {
  const parsed = workflowSchema.safeParse({ id: form.get('id'), intent: form.get('intent'), scheduledAt: form.get('scheduledAt') ?? undefined });
  if (!parsed.success) return { message: parsed.error.issues[0]!.message };
  const { id, intent, scheduledAt } = parsed.data;
  try {
    await runIntent(intent, id, scheduledAt);
  } catch (error) {
    return failure(error);
  }
  redirect(intent === 'trash' ? `/admin/articles?done=trashed` : `/admin/articles/${id}?done=${DONE[intent]}`);
}

const BULK_INTENTS = ['publish', 'unpublish', 'trash'] as const;
const bulkSchema = z.object({
  intent: z.enum(BULK_INTENTS, { error: 'Choose what to do with the selected articles.' }),
  ids: z.array(z.coerce.number().int().positive()).min(1, 'Select at least one article.').max(100, 'Select at most 100 articles at a time.'),
});

/** Publish, unpublish or trash many articles; reports which ones could not be changed and why. */
export async function bulkAction(_previous: FormState, form: FormData): Promise<FormState> {
  try {
    await requireActor('admin', 'editor');
  } catch (error) {
    return failure(error);
  }
  const parsed = bulkSchema.safeParse({ intent: form.get('bulkIntent'), ids: form.getAll('ids') });
  if (!parsed.success) return { message: parsed.error.issues[0]!.message };
  const problems: string[] = [];
  let done = 0;
  for (const id of parsed.data.ids) {
    try {
      await runIntent(parsed.data.intent, id, undefined);
      done++;
    } catch (error) {
      problems.push(`#${id}: ${failure(error).message}`);
    }
  }
  const summary = `${done} article${done === 1 ? '' : 's'} ${DONE[parsed.data.intent]}.`;
  return problems.length ? { message: `${summary} Not changed: ${problems.join(' ')}` } : { ok: true, message: summary };
}
