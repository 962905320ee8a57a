/**
 * Turns a parsed query into `to_tsquery('simple', …)` text. `websearch_to_tsquery` has no prefix
 * operator (DESIGN §6), so we build the query ourselves: each term is a single-quoted operand (a
 * multi-word operand becomes a `<->` phrase). Filter tokens are lexemes with a space in them
 * ('facet s12'), which no text and no user term can produce, so they go in as a separate
 * `tsquery` literal: to_tsquery would split them.
 */
import { spaceThai, type ParsedQuery, type Term } from './query';

const quoted = (text: string) => `'${text.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;

function operand(term: Term): string {
  return `${quoted(term.words.map(spaceThai).join(' '))}${term.prefix ? ':*' : ''}`;
}

/**
 * The user's terms, unweighted: a weighted operand would make GIN recheck every candidate row
 * against its stored vector (docs/adr/019).
 */
export function tsqueryText(query: ParsedQuery): string {
  let text = query.include.map(operand).join(' & ');
  if (query.exclude.length > 0) text = `${text} & !(${query.exclude.map(operand).join(' | ')})`;
  return text;
}

/** `tsquery` literal text requiring every facet (`s12` section, `a7` author); empty for none. */
export function facetQueryText(facets: readonly string[]): string {
  return facets.map((facet) => quoted(`facet ${facet}`)).join(' & ');
}
