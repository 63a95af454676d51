import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Schemas } from '../../api/client';
import { SANYO } from '../../test/fixtures';
import { fakeNetwork, json } from '../../test/network';
import { renderAt } from '../../test/render';
import { AreaActivity } from './AreaActivity';

const count = (value: string, label: string, n: number): Schemas['ActivityCount'] => ({ value, label, count: n });
const progress: Schemas['PlanProgressFigures'] = {
  total: 4,
  counts: { NOT_STARTED: 1, UNDER_STUDY: 0, PARTLY_DONE: 0, ONGOING: 1, DONE: 2 },
  percents: { NOT_STARTED: 25, UNDER_STUDY: 0, PARTLY_DONE: 0, ONGOING: 25, DONE: 50 },
};
const activity: Schemas['AreaActivity'] = {
  areaId: 'a-akasaki', areaName: '赤崎地区', municipalityCode: SANYO, subAreas: 2, organizations: 3,
  organizationsByType: [count('NEIGHBOURHOOD_ASSOCIATION', '自治会・町内会', 2), count('CIVIC_GROUP', '市民活動団体・NPO法人', 1),
    count('COMPANY', '企業', 0)],
  organizationsByBond: [count('TERRITORIAL', '地縁', 2), count('THEMATIC', '志縁', 1)],
  haves: { kind: 'HAVE', kindLabel: '有る', total: 1, byCategory: [count('VENUE', '場所', 1)] },
  needs: { kind: 'NEED', kindLabel: '無い', total: 0, byCategory: [count('PEOPLE', '人', 0)] },
  projects: 1, projectsByStage: [count('ACTION', '実行', 1)],
  events: [{ fiscalYear: 2025, fiscalYearLabel: '令和7年度', eventsHeld: 4, registrations: 50, attendees: 41, headcount: 45 }],
  plans: [{ planId: 'p1', title: '赤崎地区まちづくり計画', areaId: 'a-akasaki', areaName: '赤崎地区', fiscalYear: 2025,
    fiscalYearLabel: '令和7年度', progress }],
};

describe('AreaActivity', () => {
  it('shows each figure as a link to its list filtered by the area, and the plans with their progress', async () => {
    const network = fakeNetwork().on('GET', '/api/v1/areas/{id}/activity', json(activity));
    renderAt(`/m/${SANYO}/areas/a-akasaki`, '/m/:code/areas/:id', <AreaActivity code={SANYO} areaId="a-akasaki" />);
    const byType = await screen.findByRole('table', { name: '団体: 種別' });
    expect(within(byType).getAllByRole('row')).toHaveLength(3);
    expect(within(byType).getByRole('link', { name: '2' }))
      .toHaveAttribute('href', `/m/${SANYO}/organizations?area=a-akasaki&type=NEIGHBOURHOOD_ASSOCIATION`);
    expect(screen.getByRole('table', { name: '有る（提供できるもの）' }).querySelector('a'))
      .toHaveAttribute('href', `/m/${SANYO}/listings?area=a-akasaki&kind=HAVE&category=VENUE`);
    expect(screen.getByRole('link', { name: '4' }))
      .toHaveAttribute('href', `/m/${SANYO}/events?area=a-akasaki&from=2025-04-01&to=2026-03-31`);
    const plans = screen.getByRole('table', { name: 'この地域の計画の進捗' });
    expect(within(plans).getByRole('link', { name: '赤崎地区まちづくり計画' })).toHaveAttribute('href', '/plans/p1');
    expect(within(plans).getByText('50.0%')).toBeInTheDocument();
    expect(screen.getByText(/2の下位地域/)).toBeInTheDocument();
    expect(network.unexpected).toEqual([]);
  });
});
