import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Schemas } from '../../api/client';
import { areas, SANYO } from '../../test/fixtures';
import { fakeNetwork, json } from '../../test/network';
import { renderAt } from '../../test/render';
import { LiaisonEditor } from './LiaisonEditor';

const area: Schemas['Area'] = {
  ...areas.items[0]!,
  liaisons: [{ id: 'li-1', userId: 'u-staff', name: '厚狭 恵（地域担当職員）', role: 'COORDINATOR', roleLabel: 'つなぐ', startsOn: '2026-04-01', endsOn: null }],
};
const staff: Schemas['PageStaffMemberView'] = {
  items: [{ userId: 'u-staff', name: '厚狭 恵（地域担当職員）', email: 'staff@example.jp', role: 'STAFF', roleLabel: '職員', since: '2024-04-01T09:00:00+09:00' }],
  page: 0,
  size: 50,
  total: 1,
  totalExact: true,
};

describe('liaison officers', () => {
  let api: ReturnType<typeof fakeNetwork>;
  afterEach(() => expect(api.unexpected).toEqual([]));

  it('are listed with their role and the day they start, in 和暦', async () => {
    api = fakeNetwork().on('GET', `/api/v1/municipalities/${SANYO}/staff`, json(staff));
    renderAt('/m/352161/areas', '/m/:code/areas', <LiaisonEditor code={SANYO} area={area} />);
    expect(await screen.findByText(/厚狭 恵（地域担当職員）（つなぐ・令和8年4月1日〜）/)).toBeInTheDocument();
  });

  it('need a staff member and a start date before one is assigned', async () => {
    api = fakeNetwork().on('GET', `/api/v1/municipalities/${SANYO}/staff`, json(staff));
    const user = userEvent.setup();
    renderAt('/m/352161/areas', '/m/:code/areas', <LiaisonEditor code={SANYO} area={area} />);
    await user.click(await screen.findByRole('button', { name: '担当に任命する' }));
    expect(screen.getByLabelText('職員')).toHaveAccessibleDescription('職員を選んでください');
    expect(screen.getByLabelText('開始日')).toHaveAccessibleDescription('開始日を入力してください');
    expect(api.sentTo('POST', `/api/v1/areas/${area.id}/liaisons`)).toHaveLength(0);
  });
});
