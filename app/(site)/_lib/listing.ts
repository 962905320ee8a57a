import { permanentRedirect } from 'next/navigation';
import { parsePageParam } from '@/lib/pagination';

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The page number of a listing, or null (a 404) for nonsense; `?page=1` redirects to the bare URL. */
export async function pageNumber(searchParams: SearchParams, basePath: string): Promise<number | null> {
  const parsed = parsePageParam((await searchParams).page);
  if ('invalid' in parsed) return null;
  if ('redirectToFirst' in parsed) permanentRedirect(basePath);
  return parsed.page;
}

/** Title suffix for pages after the first, so each listing page has a distinct title. */
export function pageSuffix(page: number | null): string {
  return page && page > 1 ? ` — page ${page}` : '';
}
