import { notFound, permanentRedirect } from 'next/navigation';
import { parsePageParam } from '@/lib/pagination';

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The page number of a listing; `?page=1` redirects to the bare URL and nonsense is a 404. */
export async function pageNumber(searchParams: SearchParams, basePath: string): Promise<number> {
  const parsed = parsePageParam((await searchParams).page);
  if ('invalid' in parsed) notFound();
  if ('redirectToFirst' in parsed) permanentRedirect(basePath);
  return parsed.page;
}

/** Title suffix for pages after the first, so each listing page has a distinct title. */
export function pageSuffix(page: number): string {
  return page > 1 ? ` — page ${page}` : '';
}
