'use client';
/**
 * Multi-file upload with a progress bar per file. Each file goes in its own XHR (fetch cannot
 * report upload progress), two at a time, so one refused file does not stop the others and
 * each gets its own message.
 */
import { useRouter } from 'next/navigation';
import { useId, useRef, useState } from 'react';

interface Job {
  key: string;
  name: string;
  size: number;
  progress: number;
  status: 'waiting' | 'uploading' | 'done' | 'failed';
  message?: string;
  editUrl?: string;
}

const PARALLEL = 2;

function send(file: File, onProgress: (fraction: number) => void): Promise<{ ok: boolean; status: number; body: { error?: string; uploaded?: { id: number }[] } }> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.open('POST', '/api/admin/media');
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => resolve({ ok: xhr.status === 201, status: xhr.status, body: (xhr.response as object) ?? {} });
    xhr.onerror = () => resolve({ ok: false, status: 0, body: { error: 'The connection failed; check your network and try again.' } });
    xhr.send(form);
  });
}

export function MediaUploader({ accept }: { accept: string }) {
  const router = useRouter();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [jobs, setJobs] = useState<Job[]>([]);
  const busy = jobs.some((j) => j.status === 'waiting' || j.status === 'uploading');

  const update = (key: string, patch: Partial<Job>) => setJobs((all) => all.map((j) => (j.key === key ? { ...j, ...patch } : j)));

  async function start(files: File[]) {
    const batch = files.map((file, i) => ({ file, job: { key: `${Date.now()}-${i}-${file.name}`, name: file.name, size: file.size, progress: 0, status: 'waiting' as const } }));
    setJobs((all) => [...batch.map((b) => b.job), ...all]);
    let next = 0;
    const worker = async () => {
      while (next < batch.length) {
        const { file, job } = batch[next++]!;
        update(job.key, { status: 'uploading' });
        const result = await send(file, (progress) => update(job.key, { progress }));
        const id = result.body.uploaded?.[0]?.id;
        if (result.ok && id) update(job.key, { status: 'done', progress: 1, editUrl: `/admin/media/${id}` });
        else update(job.key, { status: 'failed', message: result.body.error ?? `The upload failed (${result.status}).` });
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, batch.length) }, worker));
    router.refresh();
  }

  return (
    <section aria-labelledby={`${inputId}-title`} className="space-y-3 rounded border border-neutral-300 bg-white p-4">
      <h2 id={`${inputId}-title`} className="text-lg font-semibold">
        Upload images
      </h2>
      <p className="text-sm text-neutral-700">JPEG, PNG, WebP, AVIF or GIF, up to 25 MB and 50 megapixels each. Location and camera data are removed.</p>
      <div>
        <label htmlFor={inputId} className="inline-block cursor-pointer rounded bg-neutral-900 px-4 py-2 font-semibold text-white focus-within:outline-2 focus-within:outline-blue-700 hover:bg-neutral-700">
          Choose images…
        </label>
        <input
          ref={input}
          id={inputId}
          type="file"
          multiple
          accept={accept}
          className="sr-only"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            if (files.length) void start(files);
          }}
        />
      </div>
      {jobs.length ? (
        <ul className="space-y-2" aria-live="polite" aria-busy={busy}>
          {jobs.map((job) => (
            <li key={job.key} className="text-sm">
              <div className="flex justify-between gap-2">
                <span className="truncate font-medium">{job.name}</span>
                <span className={job.status === 'failed' ? 'text-red-700' : 'text-neutral-700'}>
                  {job.status === 'done' ? 'Uploaded' : job.status === 'failed' ? 'Refused' : job.status === 'waiting' ? 'Waiting' : `${Math.round(job.progress * 100)}%`}
                </span>
              </div>
              <progress className="h-2 w-full" max={1} value={job.progress} aria-label={`Upload of ${job.name}`} />
              {job.message ? (
                <p role="alert" className="text-red-700">
                  {job.message}
                </p>
              ) : null}
              {job.editUrl ? (
                <a href={job.editUrl} className="underline">
                  Add alt text and focal point for {job.name}
                </a>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
