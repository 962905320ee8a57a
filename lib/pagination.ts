/** The `?page=N` parameter of reader listings (DESIGN §4: page 1 has no parameter). */
export type PageParam = { page: number } | { redirectToFirst: true } | { invalid: true };

export function parsePageParam(value: string | string[] | undefined): PageParam {
  if (value === undefined) return { page: 1 };
  if (Array.isArray(value) || !/^[1-9]\d{0,6}$/.test(value)) return { invalid: true };
  const page = Number(value);
  return page === 1 ? { redirectToFirst: true } : { page };
}
