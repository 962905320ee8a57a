import Link from 'next/link';
import { DataRow, DataTable } from '@/components/admin/data-table';
import { inputClass } from '@/components/admin/field';
import { EmptyState, PageHeader } from '@/components/admin/page-header';
import { listAuditFilterOptions, listAuditLog, type AuditRow } from '@/lib/audit';
import { requireStaffPage } from '@/lib/auth/guards';
import { getSiteSettings } from '@/lib/settings';
import { parseAuditFilter, type AuditFilter } from '@/lib/validation/audit';

export const metadata = { title: 'Audit log' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function query(filter: AuditFilter, extra: Partial<AuditFilter> = {}): string {
  const entries = Object.entries({ ...filter, before: undefined, ...extra }).filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== '');
  const qs = new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString();
  return qs ? `/admin/audit?${qs}` : '/admin/audit';
}

/** The before/after summary, field by field; shown only when the entry recorded one. */
function Changes({ row }: { row: AuditRow }) {
  if (row.before == null && row.after == null) return null;
  const asObject = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : v == null ? {} : { value: v });
  const before = asObject(row.before);
  const after = asObject(row.after);
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const show = (v: unknown) => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));
  return (
    <details className="mt-1">
      <summary className="cursor-pointer text-neutral-700">Before and after</summary>
      <table className="mt-1 text-xs">
        <thead>
          <tr>
            <th className="pr-2 text-left">Field</th>
            <th className="pr-2 text-left">Before</th>
            <th className="text-left">After</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <tr key={key} className="align-top">
              <th className="pr-2 text-left font-medium">{key}</th>
              <td className="pr-2 break-words">{show(before[key])}</td>
              <td className="break-words">{show(after[key])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

export default async function AuditPage({ searchParams }: Props) {
  const actor = await requireStaffPage('admin');
  const filter = parseAuditFilter(await searchParams);
  const [{ rows, nextBefore }, options, settings] = await Promise.all([listAuditLog(actor, filter), listAuditFilterOptions(actor), getSiteSettings()]);
  const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: settings.timeZone });
  const filtered = Boolean(filter.userId || filter.entityType || filter.action || filter.from || filter.to);

  return (
    <div className="max-w-6xl space-y-6">
      <PageHeader title="Audit log" />
      <p className="text-neutral-700">Every change made in the newsroom, newest first: who, what, when, and what it was before. Dates are in {settings.timeZone}.</p>
      <form method="get" className="grid gap-3 rounded border border-neutral-300 bg-white p-4 sm:grid-cols-3 lg:grid-cols-6" aria-label="Filter the audit log">
        <div>
          <label htmlFor="audit-user" className="block text-sm font-medium">
            Who
          </label>
          <select id="audit-user" name="userId" defaultValue={filter.userId ?? ''} className={inputClass}>
            <option value="">Anyone</option>
            {options.users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-type" className="block text-sm font-medium">
            What kind
          </label>
          <select id="audit-type" name="entityType" defaultValue={filter.entityType ?? ''} className={inputClass}>
            <option value="">Everything</option>
            {options.entityTypes.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-action" className="block text-sm font-medium">
            Action
          </label>
          <input id="audit-action" name="action" defaultValue={filter.action ?? ''} placeholder="e.g. article" className={inputClass} aria-describedby="audit-action-hint" />
          <p id="audit-action-hint" className="sr-only">
            One action such as article.publish, or a family such as article for every article action.
          </p>
        </div>
        <div>
          <label htmlFor="audit-from" className="block text-sm font-medium">
            From
          </label>
          <input id="audit-from" name="from" type="date" defaultValue={filter.from ?? ''} className={inputClass} />
        </div>
        <div>
          <label htmlFor="audit-to" className="block text-sm font-medium">
            To
          </label>
          <input id="audit-to" name="to" type="date" defaultValue={filter.to ?? ''} className={inputClass} />
        </div>
        <div className="flex items-end gap-3">
          <button type="submit" className="rounded border border-neutral-900 bg-neutral-900 px-3 py-2 text-sm font-semibold text-white hover:bg-neutral-700">
            Filter
          </button>
          {filtered ? (
            <Link href="/admin/audit" className="text-sm underline">
              Clear
            </Link>
          ) : null}
        </div>
      </form>

      {rows.length ? (
        <DataTable caption="Audit entries, newest first" columns={[{ label: 'When' }, { label: 'Who' }, { label: 'Action' }, { label: 'Record' }, { label: 'Summary' }]}>
          {rows.map((row) => (
            <DataRow key={row.id}>
              <td className="p-2 whitespace-nowrap">{when.format(row.at)}</td>
              <td className="p-2">{row.userName ?? 'System'}</td>
              <td className="p-2 font-mono text-xs">{row.action}</td>
              <td className="p-2">
                {row.entityType === 'article' && row.entityId ? (
                  <Link href={`/admin/articles/${row.entityId}/revisions`} className="underline">
                    article {row.entityId}
                  </Link>
                ) : (
                  `${row.entityType}${row.entityId ? ` ${row.entityId}` : ''}`
                )}
              </td>
              <td className="p-2">
                {row.summary}
                <Changes row={row} />
              </td>
            </DataRow>
          ))}
        </DataTable>
      ) : (
        <EmptyState>{filtered || filter.before ? 'No entries match these filters.' : 'Nothing has been recorded yet.'}</EmptyState>
      )}

      <nav aria-label="Audit log pages" className="flex gap-4 text-sm">
        {filter.before ? (
          <Link href={query(filter)} className="underline">
            Newest entries
          </Link>
        ) : null}
        {nextBefore ? (
          <Link href={query(filter, { before: nextBefore })} className="underline">
            Older entries
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
