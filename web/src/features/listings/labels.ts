import type { Language } from '../../lib/i18n';

const CATEGORIES: Record<string, [string, string]> = {
  PEOPLE: ['ヒト', 'People'],
  GOODS: ['モノ', 'Goods'],
  VENUE: ['場所', 'Venue'],
  FUNDS: ['カネ', 'Funds'],
  KNOWHOW: ['知恵・技術', 'Know-how'],
  INFORMATION: ['情報', 'Information'],
  NETWORK: ['つながり', 'Network'],
};

export const categories = Object.keys(CATEGORIES);
export const categoryLabel = (key: string, language: Language) =>
  CATEGORIES[key] ? (language === 'en' ? CATEGORIES[key][1] : CATEGORIES[key][0]) : key;
export const kindLabel = (kind: string, language: Language) =>
  kind === 'HAVE' ? (language === 'en' ? 'Have' : '有る') : language === 'en' ? 'Need' : '無い';
