/**
 * Japanese first, English second: the language the UI shows and the API is asked for, and the one
 * way texts are written. Each feature keeps its texts in one dictionary (`features/x/texts.ts`),
 * texts several features share live in `lib/texts.ts`; both are made with `defineTexts`.
 */
export type Language = 'ja' | 'en';

const STORAGE_KEY = 'kyoso.language';

export function currentLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'ja';
  } catch {
    return 'ja';
  }
}

export function setLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
}

/**
 * One text: a fixed string, a sentence built from values (`versionNumber: (n) => 第${n}版`), or
 * the labels of an enum's values (`kinds: { SELF: '自己評価', … }`).
 */
type Text = string | ((...values: never[]) => string) | { readonly [value: string]: string };

/** The Japanese dictionary, the source of truth for which texts exist. */
export type Dictionary = { readonly [key: string]: Text };

/**
 * What a dictionary holds in any language: exactly the Japanese keys, each the same kind of text
 * (a sentence takes the same values, an enum's labels the same values).
 */
export type Texts<J extends Dictionary> = {
  readonly [K in keyof J]: J[K] extends string
    ? string
    : J[K] extends (...values: infer V) => string
      ? (...values: V) => string
      : { readonly [P in keyof J[K]]: string };
};

/**
 * A feature's dictionary: the Japanese texts, and the English ones with exactly the same keys (a
 * missing or an extra key is a type error). Answers the texts of a language, the current one by
 * default: `const text = planTexts(); text.versions; text.versionNumber(3)`.
 */
export function defineTexts<const J extends Dictionary>(ja: J, en: NoInfer<Texts<J>>): (language?: Language) => Texts<J> {
  // The Japanese texts are their own kind: a literal string is a string, a sentence a sentence.
  const japanese = ja as unknown as Texts<J>;
  return (language = currentLanguage()) => (language === 'en' ? en : japanese);
}
