/**
 * Row ids from URLs and forms. Ids are PostgreSQL `integer`s (SQLite's are wider, but the schema is
 * shared), and Prisma throws on a larger number instead of finding nothing — so an id beyond
 * {@link MAX_ID} is refused at the boundary like any other non-id.
 */
import { z } from 'zod';

export const MAX_ID = 2_147_483_647;

/** A positive integer id within range (from JSON or parsed form data). */
export const idNumber = () => z.number().int().positive().max(MAX_ID);

/** A route parameter or query value naming a row: plain decimal digits within range, else null. */
export function parseId(value: string | null | undefined): number | null {
  if (!value || !/^[1-9]\d{0,9}$/.test(value)) return null;
  const id = Number(value);
  return id <= MAX_ID ? id : null;
}
