/**
 * Turns a parsed query into an FTS5 MATCH expression. Every term is a double-quoted FTS5 string
 * (words are letters, digits and marks only, so no quote can occur inside), user terms are confined
 * to the text columns and filter tokens to the `facets` column, which user terms never reach.
 */
import { spaceThai, type ParsedQuery, type Term } from './query';

const TEXT_COLUMNS = '{headline standfirst body}';

function phrase(term: Term): string {
  const text = term.words.map(spaceThai).join(' ');
  return `"${text.replaceAll('"', '""')}"${term.prefix ? ' *' : ''}`;
}

/** `facets` are tokens such as `s12` (section) or `a7` (author) that must all be present. */
export function fts5Match(query: ParsedQuery, facets: readonly string[] = []): string {
  let expr = `${TEXT_COLUMNS} : (${query.include.map(phrase).join(' AND ')})`;
  if (facets.length > 0) expr = `(${expr} AND facets : (${facets.map((f) => `"${f}"`).join(' AND ')}))`;
  if (query.exclude.length > 0) expr = `${expr} NOT ${TEXT_COLUMNS} : (${query.exclude.map(phrase).join(' OR ')})`;
  return expr;
}
