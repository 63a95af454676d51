import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Schemas } from '../../api/client';
import { areas, sanyo, SANYO } from '../../test/fixtures';
import { fakeNetwork, json } from '../../test/network';
import { renderAt } from '../../test/render';
import ParticipationDashboard from './ParticipationDashboard';

const figures = (attendees: number, steppedUp: number): Schemas['ParticipationFigures'] => ({
  eventsHeld: 3, registrations: attendees + 10, attendees, firstTimeAttendees: attendees - 5, repeatAttendees: 5,
  steppedUp, walkIns: 2, headcount: attendees + 2,
});
const year = (fiscalYear: number, label: string, attendees: number, steppedUp: number): Schemas['ParticipationYear'] => ({
  fiscalYear,
  fiscalYearLabel: label,
  total: figures(attendees, steppedUp),
  areas: [
    { areaId: 'a-akasaki', areaName: '赤崎地区', cityWide: false, population: 8123, figures: figures(20, 4),
      per1000: { registrations: 3.69, attendees: 2.46, firstTimeAttendees: 1.85, steppedUp: 0.49, headcount: 2.71 } },
    { areaId: null, areaName: null, cityWide: true, population: null, figures: figures(attendees - 20, steppedUp - 4), per1000: null },
  ],
  kinds: [{ kind: 'WORKSHOP', kindLabel: 'ワークショップ', figures: figures(attendees, steppedUp) }],
  cells: [],
});
const participation: Schemas['Participation'] = {
  municipalityCode: SANYO, fiscalYear: null, areaId: null, kind: null, months: 12,
  years: [year(2024, '令和6年度', 40, 6), year(2025, '令和7年度', 60, 12)],
};

describe('ParticipationDashboard', () => {
  it('shows every fiscal year as a table, the latest year’s funnel, and that year by area and by kind', async () => {
    const network = fakeNetwork()
      .on('GET', '/api/v1/municipalities/{code}', json(sanyo))
      .on('GET', '/api/v1/municipalities/{code}/areas', json(areas))
      .on('GET', '/api/v1/municipalities/{code}/participation', json(participation));
    renderAt(`/m/${SANYO}/participation`, '/m/:code/participation', <ParticipationDashboard />);
    const years = await screen.findByTestId('participation-years');
    expect(within(years).getAllByRole('row')).toHaveLength(3);
    expect(within(years).getByRole('rowheader', { name: '令和7年度' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '参加から協働へ（令和7年度）' })).toBeInTheDocument();
    expect(screen.getByTestId('funnel-attendees')).toHaveTextContent('60人');
    expect(screen.getByTestId('funnel-steppedUp')).toHaveTextContent('12人');
    expect(screen.getByText('（20%）')).toBeInTheDocument();
    const byArea = screen.getByRole('table', { name: '地域別' });
    expect(within(byArea).getByRole('row', { name: /赤崎地区/ })).toHaveTextContent('2.46');
    expect(within(byArea).getByRole('row', { name: /市全域/ })).toHaveTextContent('—');

    await userEvent.selectOptions(screen.getByLabelText('年度'), '2024');
    expect(screen.getByTestId('funnel-attendees')).toHaveTextContent('40人');

    await userEvent.selectOptions(screen.getByLabelText('種類'), 'WORKSHOP');
    await screen.findByTestId('participation-years');
    const asked = network.sentTo('GET', `/api/v1/municipalities/${SANYO}/participation`);
    expect(asked.length).toBeGreaterThanOrEqual(2);
    expect(network.unexpected).toEqual([]);
  });
});
