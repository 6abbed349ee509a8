/**
 * A sound-alike key for Indonesian personal names, for proposing likely duplicates (never for merging
 * on its own). It folds the spelling variants met in registers: the old spelling (oe→u, tj→c, ch→kh;
 * old j = new y and old dj = new j, so all three fold together), doubled letters, vowels after the first letter of a word (Muhammad / Mohamad /
 * Muhamad, Nur / Noor), h after a consonant or at a word's end, and titles/ornaments like "an." or "by."
 * (anak / bayi) that cadres prefix to babies' names.
 */
const PREFIXES = new Set(["an", "anak", "by", "bayi", "bayi ny", "ny", "nn", "tn", "sdr", "hj", "h"]);

function wordKey(word: string): string {
  const hit = wordCache.get(word);
  if (hit !== undefined) return hit;
  const key = computeWordKey(word);
  if (wordCache.size >= CACHE_MAX) wordCache.clear();
  wordCache.set(word, key);
  return key;
}

function computeWordKey(word: string): string {
  let w = word
    .replace(/oe/g, "u")
    .replace(/tj/g, "c")
    .replace(/d?j/g, "y")
    .replace(/ch/g, "kh")
    .replace(/ph/g, "f")
    .replace(/v/g, "f")
    .replace(/q/g, "k")
    .replace(/x/g, "ks")
    .replace(/z/g, "s");
  w = w.replace(/([^aeiou])h/g, "$1").replace(/h$/, "");
  w = w.replace(/(.)\1+/g, "$1");
  const first = w[0] ?? "";
  const rest = w.slice(1).replace(/[aeiouy]/g, "");
  return first + rest;
}

// Registers repeat names (and imports repeat parents' names) thousands of times; the key is pure, so a
// bounded cache changes nothing but the time.
// Whole names are mostly unique in a file (or carry a number), but their words repeat: words are cached too.
const cache = new Map<string, string>();
const wordCache = new Map<string, string>();
const CACHE_MAX = 50_000;

export function nameKey(name: string): string {
  const hit = cache.get(name);
  if (hit !== undefined) return hit;
  const key = computeNameKey(name);
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(name, key);
  return key;
}

function computeNameKey(name: string): string {
  const words = asciiWords(name) ?? unicodeWords(name);
  while (words.length > 1 && PREFIXES.has(words[0] ?? "")) words.shift();
  return words.map(wordKey).join(" ");
}

/** The words of a name: accents dropped, lower case, split at anything that is not a letter a–z. */
function unicodeWords(name: string): string[] {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z\s]/g, " ")
    .split(/\s+/)
    .filter((w) => w !== "");
}

/**
 * The same words for a name written in ASCII (most names), in one pass: NFKD leaves ASCII as it is, so a
 * word is a run of letters, lower-cased. Five passes of normalize/replace/split per name were half of
 * nameKey's time in a 30k-row import (issue 16); name-key.test.ts holds the two equal. null: not ASCII.
 */
function asciiWords(name: string): string[] | null {
  const words: string[] = [];
  let start = -1; // where the word being read began
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c >= 128) return null;
    const lower = c | 0x20;
    if (lower >= 97 && lower <= 122) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      words.push(name.slice(start, i).toLowerCase());
      start = -1;
    }
  }
  if (start >= 0) words.push(name.slice(start).toLowerCase());
  return words;
}
