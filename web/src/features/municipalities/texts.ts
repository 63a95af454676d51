import { defineTexts } from '../../lib/i18n';

/** The first screen and a municipality's home. */
export const municipalityTexts = defineTexts(
  {
    tagline: '有るものと無いものをつなぐ、協創のまちづくり',
    chooseMunicipality: '自治体を選んでください',
    homeHeading: (name: string, concept: string) => `${name}の${concept}のまちづくり`,
    newListings: '新しい「有る・無い」',
    allListings: 'すべての「有る・無い」',
    brokering: 'つなぐ（職員・コーディネーター）',
    activeProjects: '進行中の協創の場',
    allProjects: 'すべての協創の場',
    findOrganizations: '団体を探す',
    done: '実施済',
    ongoing: '継続推進',
    items: '項目',
  },
  {
    tagline: 'Bring what you have to what others lack',
    chooseMunicipality: 'Choose a municipality',
    homeHeading: (name, concept) => `${name}: ${concept} town planning`,
    newListings: 'New haves and needs',
    allListings: 'All haves and needs',
    brokering: 'Brokering (staff and coordinators)',
    activeProjects: 'Co-creation projects',
    allProjects: 'All co-creation projects',
    findOrganizations: 'Find organisations',
    done: 'Done',
    ongoing: 'Ongoing',
    items: 'items',
  },
);
