import { describe, expect, it } from 'vitest';
import { defineTexts } from './i18n';

const texts = defineTexts(
  { title: '計画', versionNumber: (n: number) => `第${n}版`, kinds: { SELF: '自己評価', MUTUAL: '相互評価' } },
  { title: 'Plan', versionNumber: (n) => `Version ${n}`, kinds: { SELF: 'Self-evaluation', MUTUAL: 'Mutual evaluation' } },
);

describe('defineTexts', () => {
  it('answers Japanese first, English on request', () => {
    expect(texts().title).toBe('計画');
    expect(texts('ja').versionNumber(3)).toBe('第3版');
    expect(texts('en').versionNumber(3)).toBe('Version 3');
    expect(texts('en').kinds.MUTUAL).toBe('Mutual evaluation');
  });

  it('makes the English dictionary have exactly the Japanese keys (checked by tsc)', () => {
    // @ts-expect-error: an English text is missing
    defineTexts({ a: 'あ', b: 'い' }, { a: 'a' });
    // @ts-expect-error: an English text the Japanese dictionary does not have
    defineTexts({ a: 'あ' }, { a: 'a', c: 'c' });
    // @ts-expect-error: a sentence must take the same values
    defineTexts({ n: (n: number) => `${n}件` }, { n: (s: string) => s });
    // @ts-expect-error: an enum's labels must cover the same values
    defineTexts({ kinds: { A: 'あ', B: 'い' } }, { kinds: { A: 'a' } });
    expect(true).toBe(true);
  });
});
