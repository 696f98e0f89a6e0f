// Stems and content terms: the comparable core of a text once function words are gone.
import { stemmer } from 'stemmer';
import { STOPWORDS } from './stopwords';

const cache = new Map<string, string>();

/** Porter stem of one lower-case word (memoised: the corpus and pages reuse few thousand words). */
export function stem(word: string): string {
  let s = cache.get(word);
  if (s === undefined) {
    s = /^\d/.test(word) ? word : stemmer(word);
    if (cache.size < 50_000) cache.set(word, s);
  }
  return s;
}

/** True for words that carry content (not function words, not single letters). */
export function isContentWord(word: string): boolean {
  return word.length > 1 && !STOPWORDS.has(word);
}
