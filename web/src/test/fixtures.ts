import type { Schemas } from '../api/client';

// Resources shaped as the API sends them (the contract's types check every field).

export const SANYO = '352161';

export const owner: Schemas['Me'] = {
  id: 'u-owner',
  name: '赤崎 一郎',
  email: 'owner@example.jp',
  admin: false,
  staff: [],
  organizations: [
    {
      organizationId: 'o-akasaki',
      organizationName: '赤崎地区自治会連合会',
      municipalityCode: SANYO,
      organizationStatus: 'ACTIVE',
      role: 'OWNER',
      roleLabel: '代表者',
    },
  ],
};

export const staffMember: Schemas['Me'] = {
  id: 'u-staff',
  name: '厚狭 恵',
  email: 'staff@example.jp',
  admin: false,
  staff: [{ municipalityCode: SANYO, municipalityName: '山陽小野田市', role: 'STAFF', roleLabel: '職員' }],
  organizations: [],
};

export const themes: Schemas['PageThemeView'] = {
  items: [
    { code: 'DISASTER_RELIEF', label: '防災・災害救援', labelJa: '災害救援活動', labelEn: 'Disaster relief', statutoryWording: '災害救援活動' },
    { code: 'ENVIRONMENT', label: '環境保全', labelJa: '環境の保全を図る活動', labelEn: 'Environment', statutoryWording: '環境の保全を図る活動' },
  ],
  page: 0,
  size: 20,
  total: 2,
  totalExact: true,
};

export const areas: Schemas['PageAreaView'] = {
  items: [
    {
      id: 'a-akasaki',
      municipalityCode: SANYO,
      parentId: null,
      depth: 0,
      kind: 'DISTRICT',
      kindLabel: '地区',
      name: '赤崎地区',
      nameKana: 'あかさきちく',
      profile: { population: 8123, aged65Share: 33.4, households: 3600, asOf: '2024-04-01' },
      sortOrder: 1,
      liaisons: [],
      version: 1,
      createdAt: '2024-04-01T09:00:00+09:00',
      updatedAt: '2024-04-01T09:00:00+09:00',
    },
  ],
  page: 0,
  size: 100,
  total: 1,
  totalExact: true,
};

export const organization: Schemas['Organization'] = {
  id: 'o-akasaki',
  municipalityCode: SANYO,
  type: 'NEIGHBOURHOOD_ASSOCIATION',
  typeLabel: '自治会・町内会',
  bond: 'TERRITORIAL',
  bondLabel: '地縁',
  name: '赤崎地区自治会連合会',
  nameKana: 'あかさきちくじちかいれんごうかい',
  description: '赤崎地区の自治会の連合会です',
  themes: ['DISASTER_RELIEF'],
  areaIds: ['a-akasaki'],
  website: 'https://akasaki.example.jp',
  status: 'ACTIVE',
  statusLabel: '活動中',
  contact: { name: '赤崎 一郎', email: 'akasaki@example.jp', phone: '0836-00-0000' },
  contactPublished: { name: false, email: false, phone: false },
  myRole: 'OWNER',
  version: 7,
  createdAt: '2024-04-01T09:00:00+09:00',
  updatedAt: '2025-04-01T09:00:00+09:00',
};

export const listing: Schemas['Listing'] = {
  id: 'l-beds',
  municipalityCode: SANYO,
  organizationId: 'o-akasaki',
  organizationName: '赤崎地区自治会連合会',
  kind: 'NEED',
  kindLabel: '無い',
  category: 'GOODS',
  categoryLabel: 'モノ',
  title: '避難所の段ボールベッドが足りません',
  description: '地区防災訓練で使います',
  themes: ['DISASTER_RELIEF'],
  areaIds: [],
  cityWide: true,
  quantity: 20,
  quantityRemaining: 20,
  unit: '台',
  availableFrom: null,
  availableUntil: null,
  status: 'OPEN',
  statusLabel: '募集中',
  contact: null,
  version: 3,
  createdAt: '2025-05-01T09:00:00+09:00',
  updatedAt: '2025-05-01T09:00:00+09:00',
};

export const indicator: Schemas['Indicator'] = {
  id: 'i-projects',
  municipalityCode: SANYO,
  ownerType: 'MUNICIPALITY',
  ownerTypeLabel: '自治体',
  planId: null,
  planItemIds: [],
  name: '協創・協働事業の件数',
  unit: '件',
  direction: 'INCREASE',
  directionLabel: '増やす',
  source: 'STATISTICS',
  sourceLabel: '統計',
  definition: null,
  decimals: 0,
  tolerance: null,
  sortOrder: 1,
  baseline: { fiscalYear: 2023, fiscalYearLabel: '令和5年度', value: 30 },
  targets: [{ fiscalYear: 2026, fiscalYearLabel: '令和8年度', value: 40, achievement: null }],
  actuals: [{ fiscalYear: 2024, fiscalYearLabel: '令和6年度', value: 33, note: null, sourceDate: null }],
  status: 'ON_TRACK',
  statusLabel: '順調',
  assessment: null,
  computed: null,
  series: [
    { fiscalYear: 2023, fiscalYearLabel: '令和5年度', baseline: 30, target: null, actual: null, expected: 30 },
    { fiscalYear: 2024, fiscalYearLabel: '令和6年度', baseline: null, target: null, actual: 33, expected: 33.3 },
    { fiscalYear: 2025, fiscalYearLabel: '令和7年度', baseline: null, target: null, actual: null, expected: 36.7 },
    { fiscalYear: 2026, fiscalYearLabel: '令和8年度', baseline: null, target: 40, actual: null, expected: 40 },
  ],
  values: [
    { fiscalYear: 2023, fiscalYearLabel: '令和5年度', baseline: 30, target: null, actual: null, note: null, sourceDate: null },
    { fiscalYear: 2024, fiscalYearLabel: '令和6年度', baseline: null, target: null, actual: 33, note: '速報値', sourceDate: null },
    { fiscalYear: 2026, fiscalYearLabel: '令和8年度', baseline: null, target: 40, actual: null, note: null, sourceDate: null },
  ],
  version: 4,
  createdAt: '2024-04-01T09:00:00+09:00',
  updatedAt: '2025-04-01T09:00:00+09:00',
};

/** 地区ワークショップの開催回数: computed from the events (source PLATFORM), its actuals derived. */
export const computedIndicator: Schemas['Indicator'] = {
  ...indicator,
  id: 'i-workshops',
  name: '地区ワークショップの開催回数',
  unit: '回',
  source: 'PLATFORM',
  sourceLabel: 'Kyoso の記録から集計',
  computed: {
    from: 'EVENTS',
    fromLabel: 'イベント',
    measure: 'EVENTS_HELD',
    measureLabel: '開催件数',
    kinds: ['WORKSHOP'],
    kindLabels: ['ワークショップ'],
    areaIds: ['a-akasaki'],
    runningFiscalYear: 2025,
    runningFiscalYearLabel: '令和7年度',
    runningValue: 5,
  },
};

export const sanyo: Schemas['Municipality'] = {
  code: SANYO,
  name: '山陽小野田市',
  nameKana: 'さんようおのだし',
  prefecture: '山口県',
  conceptTerm: 'CO_CREATION',
  conceptLabel: '協創',
  version: 1,
  createdAt: '2024-04-01T09:00:00+09:00',
  updatedAt: '2024-04-01T09:00:00+09:00',
};
