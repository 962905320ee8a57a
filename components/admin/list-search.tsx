/** The one-field search above a newsroom list: a plain GET form, so results have their own URL. */
export function ListSearch({ action, label, q }: { action: string; label: string; q?: string }) {
  return (
    <form role="search" action={action} className="flex items-end gap-2">
      <div>
        <label htmlFor="q" className="block text-sm font-medium">
          {label}
        </label>
        <input id="q" name="q" defaultValue={q} className="rounded border border-neutral-400 px-3 py-2" />
      </div>
      <button type="submit" className="rounded border border-neutral-800 px-3 py-2 font-semibold">
        Search
      </button>
    </form>
  );
}
