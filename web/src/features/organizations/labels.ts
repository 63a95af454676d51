import type { Language } from '../../lib/i18n';

/** Labels of the organisation enums for filters and forms (the API labels them in responses). */
const TYPES: Record<string, [string, string]> = {
  NEIGHBOURHOOD_ASSOCIATION: ['自治会・町内会', 'Neighbourhood association'],
  COMMUNITY_COUNCIL: ['地域づくり協議会・地域運営組織', 'Community council'],
  CIVIC_GROUP: ['市民活動団体・NPO法人', 'Citizen group / NPO'],
  BUSINESS: ['事業者', 'Business'],
  EDUCATION: ['教育機関', 'Educational institution'],
  GOVERNMENT: ['行政', 'Government department'],
  INTERMEDIARY: ['中間支援組織', 'Intermediary support organisation'],
  SOCIAL_WELFARE_COUNCIL: ['社会福祉協議会', 'Social welfare council'],
  OTHER: ['その他', 'Other'],
};

const BONDS: Record<string, [string, string]> = {
  TERRITORIAL: ['地縁', 'Territorial'],
  THEMATIC: ['志縁', 'Thematic'],
  HYBRID: ['融合', 'Hybrid'],
};

const pick = (pair: [string, string] | undefined, key: string, language: Language) =>
  pair ? (language === 'en' ? pair[1] : pair[0]) : key;

export const organizationTypes = Object.keys(TYPES);
export const bonds = Object.keys(BONDS);
export const typeLabel = (key: string, language: Language) => pick(TYPES[key], key, language);
export const bondLabel = (key: string, language: Language) => pick(BONDS[key], key, language);
