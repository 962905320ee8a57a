'use client';
/**
 * Never lose text. While an article is edited, the whole form (body included, via the editor's
 * `formdata` hook) is copied to this device's localStorage a second after typing pauses and when
 * the page is hidden or left, and autosaved to the server a few seconds after typing stops. When
 * the server cannot be reached the local copy stays and the status says so. On return, the newest
 * unsaved copy (device or server) is offered back. The status line is visible at all times and
 * announced politely.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { submittedValues } from '@/lib/validation/form';

export type FormValues = Record<string, string>;

/** An unsaved copy of the form. `submitted`: written as the form was sent, so a newer version means it was saved. */
export interface Draft {
  values: FormValues;
  baseVersion: number;
  at: number;
  submitted?: boolean;
}

export interface ServerAutosave {
  values: FormValues;
  baseVersion: number;
  savedAt: string;
}

const LOCAL_DELAY_MS = 1_000;
const SERVER_DELAY_MS = 3_000;
/** Browsers refuse keepalive requests over 64 kB; longer drafts rely on the local copy when the page closes. */
const KEEPALIVE_LIMIT = 60_000;

export function draftKey(articleId: number | null, userId: number): string {
  return `broadsheet:article-draft:${articleId ?? 'new'}:${userId}`;
}

export function readDraft(key: string): Draft | null {
  try {
    const draft = JSON.parse(localStorage.getItem(key) ?? 'null') as Draft | null;
    return draft && typeof draft.values === 'object' && typeof draft.at === 'number' ? draft : null;
  } catch {
    return null;
  }
}

function writeDraft(key: string, draft: Draft): boolean {
  try {
    localStorage.setItem(key, JSON.stringify(draft));
    return true;
  } catch {
    // Storage full or disabled: the server autosave is then the only copy, and the status says so.
    return false;
  }
}

export function removeDraft(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // Nothing stored.
  }
}

/** The form's fields as the server would receive them (the editor adds `bodyJson` on the formdata event) and their base version. */
function readForm(form: HTMLFormElement): { values: FormValues; baseVersion: number } {
  const data = new FormData(form);
  return { values: submittedValues(data, ['baseVersion']), baseVersion: Number(data.get('baseVersion')) || 0 };
}

/** Whether a draft holds anything that differs from the values the page opened with. */
export function differsFrom(draft: FormValues, current: FormValues): boolean {
  return Object.entries(draft).some(([key, value]) => key !== 'body' && (current[key] ?? '') !== value);
}

type Status =
  | { kind: 'clean' }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'server'; at: number }
  | { kind: 'local'; at: number; stored: boolean };

interface Options {
  form: React.RefObject<HTMLFormElement | null>;
  articleId: number | null;
  userId: number;
}

export function useAutosave({ form, articleId, userId }: Options) {
  const key = draftKey(articleId, userId);
  const [status, setStatus] = useState<Status>({ kind: 'clean' });
  const dirty = useRef(false);
  const changes = useRef(0);
  const timers = useRef<{ local?: ReturnType<typeof setTimeout>; server?: ReturnType<typeof setTimeout> }>({});

  const snapshot = useCallback((extra: Partial<Draft> = {}): Draft | null => {
    if (!form.current) return null;
    return { ...readForm(form.current), at: Date.now(), ...extra };
  }, [form]);

  const saveLocal = useCallback((extra: Partial<Draft> = {}): Draft | null => {
    const draft = snapshot(extra);
    if (draft) writeDraft(key, draft);
    return draft;
  }, [key, snapshot]);

  const saveServer = useCallback(async (keepalive = false) => {
    const draft = saveLocal();
    if (!draft) return;
    if (articleId === null) {
      // A new article has no row to autosave into until it is created.
      setStatus({ kind: 'local', at: draft.at, stored: true });
      return;
    }
    const body = JSON.stringify({ baseVersion: draft.baseVersion, values: draft.values });
    if (keepalive && body.length > KEEPALIVE_LIMIT) return;
    const seen = changes.current;
    setStatus({ kind: 'saving' });
    try {
      const response = await fetch(`/api/admin/articles/${articleId}/autosave`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body, keepalive });
      if (!response.ok) throw new Error(`autosave answered ${response.status}`);
      if (changes.current === seen) dirty.current = false;
      setStatus(changes.current === seen ? { kind: 'server', at: Date.now() } : { kind: 'dirty' });
    } catch {
      setStatus({ kind: 'local', at: draft.at, stored: readDraft(key)?.at === draft.at });
    }
  }, [articleId, key, saveLocal]);

  /** Call on every change; cheap (it only restarts two timers). */
  const markDirty = useCallback(() => {
    changes.current++;
    if (!dirty.current) {
      dirty.current = true;
      setStatus({ kind: 'dirty' });
    }
    clearTimeout(timers.current.local);
    clearTimeout(timers.current.server);
    timers.current.local = setTimeout(() => saveLocal(), LOCAL_DELAY_MS);
    timers.current.server = setTimeout(() => void saveServer(), SERVER_DELAY_MS);
  }, [saveLocal, saveServer]);

  /** The form is being sent: keep a copy marked as sent until the save is confirmed by a newer version. */
  const markSubmitting = useCallback(() => {
    clearTimeout(timers.current.local);
    clearTimeout(timers.current.server);
    if (dirty.current) saveLocal({ submitted: true });
  }, [saveLocal]);

  /** The save came back refused (field errors or a conflict): the copy on this device is unsaved again. */
  const markUnsaved = useCallback(() => {
    dirty.current = true;
    saveLocal();
    setStatus({ kind: 'dirty' });
  }, [saveLocal]);

  useEffect(() => {
    const leave = () => {
      if (!dirty.current) return;
      saveLocal();
      void saveServer(true);
    };
    const hidden = () => {
      if (document.visibilityState === 'hidden') leave();
    };
    window.addEventListener('pagehide', leave);
    document.addEventListener('visibilitychange', hidden);
    const pending = timers.current;
    return () => {
      window.removeEventListener('pagehide', leave);
      document.removeEventListener('visibilitychange', hidden);
      clearTimeout(pending.local);
      clearTimeout(pending.server);
    };
  }, [saveLocal, saveServer]);

  return { status, markDirty, markSubmitting, markUnsaved };
}

const time = (at: number) => new Date(at).toLocaleTimeString('en-GB');

/** The saved/unsaved line, always visible. Not role=status: the page's own save messages use that. */
export function AutosaveStatus({ status }: { status: Status }) {
  const text = {
    clean: 'No unsaved changes.',
    dirty: 'Unsaved changes.',
    saving: 'Autosaving…',
    server: status.kind === 'server' ? `Draft autosaved at ${time(status.at)}. Save to make it a revision.` : '',
    local:
      status.kind === 'local'
        ? status.stored
          ? `Not autosaved to the server: your text is kept on this device (${time(status.at)}) and offered back if you return.`
          : 'Not autosaved, and this browser will not keep a copy. Copy your text somewhere safe.'
        : '',
  }[status.kind];
  const tone = status.kind === 'local' ? 'border-amber-700 bg-amber-50 text-amber-950' : status.kind === 'clean' || status.kind === 'server' ? 'border-neutral-300 bg-white text-neutral-700' : 'border-neutral-400 bg-neutral-100 text-neutral-900';
  return (
    <p aria-live="polite" aria-atomic="true" data-testid="autosave-status" data-state={status.kind} className={`rounded border px-3 py-1.5 text-sm ${tone}`}>
      {text}
    </p>
  );
}

/** Offers back an unsaved copy found on return. */
export function RestoreOffer({ draft, source, onRestore, onDiscard }: { draft: Draft; source: 'device' | 'server'; onRestore: () => void; onDiscard: () => void }) {
  return (
    <section aria-labelledby="restore-title" className="space-y-2 rounded border border-amber-700 bg-amber-50 p-3 text-amber-950">
      <h2 id="restore-title" className="font-semibold">
        Unsaved changes from {new Date(draft.at).toLocaleString('en-GB')}
      </h2>
      <p className="text-sm">
        {source === 'device' ? 'This device kept a copy of text that was never saved.' : 'Your last autosave holds changes that were never saved.'} Restore it to keep working on it, then save.
      </p>
      <div className="flex gap-2">
        <button type="button" onClick={onRestore} className="rounded bg-neutral-900 px-4 py-1.5 font-semibold text-white">
          Restore unsaved changes
        </button>
        <button type="button" onClick={onDiscard} className="rounded border border-neutral-500 px-4 py-1.5">
          Discard them
        </button>
      </div>
    </section>
  );
}
