/**
 * Turns a parsed query into `to_tsquery('simple', …)` text. `websearch_to_tsquery` has no prefix
 * operator (DESIGN §6), so we build the query ourselves: each term is a single-quoted operand (a
 * multi-word operand becomes a `<->` phrase), user terms carry the weights A–C of the text columns
 * and filter tokens the weight D, which user terms never match.
 */
import { spaceThai, type ParsedQuery, type Term } from './query';

function operand(term: Term): string {
  const text = term.words.map(spaceThai).join(' ');
  return `'${text.replaceAll('\\', '\\\\').replaceAll("'", "''")}':${term.prefix ? '*' : ''}ABC`;
}

/** `facets` are lexemes such as `s12` (section) or `a7` (author) that must all be present. */
export function tsqueryText(query: ParsedQuery, facets: readonly string[] = []): string {
  const parts = query.include.map(operand);
  for (const facet of facets) parts.push(`'${facet}':D`);
  let text = parts.join(' & ');
  if (query.exclude.length > 0) text = `${text} & !(${query.exclude.map(operand).join(' | ')})`;
  return text;
}
