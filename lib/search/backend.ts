/** What lib/search.ts asks of a database: the newest matches, each with a text-relevance score. */
import type { ParsedQuery } from './query';

export interface Candidate {
  articleId: number;
  /** Higher is more relevant (the backends' scales differ; only the order within one query matters). */
  score: number;
  /** Reader index: publication time (epoch ms). Staff index: the article id, its creation order. */
  order: number;
}

export interface CandidateQuery {
  query: ParsedQuery;
  /** Filter tokens: `s<sectionId>`, `a<personId>`. */
  facets: string[];
  /** Reader index only: publication time bounds, epoch ms, inclusive start, exclusive end. */
  fromMs?: number;
  toMs?: number;
  /** How many of the newest matches to return at most. */
  limit: number;
}

export interface Candidates {
  /** Newest first. */
  rows: Candidate[];
  /** `order` of the oldest document in the index within the bounds, for estimating totals. */
  oldest: number | null;
}

export interface SearchBackend {
  reader(request: CandidateQuery): Promise<Candidates>;
  staff(request: CandidateQuery): Promise<Candidates>;
}
