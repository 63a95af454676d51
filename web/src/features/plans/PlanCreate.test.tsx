import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { fiscalYearLabel, fiscalYearOf } from '../../lib/fiscalYear';
import { areas, SANYO, sanyo, staffMember } from '../../test/fixtures';
import { fakeNetwork, json, problem } from '../../test/network';
import { renderAt } from '../../test/render';
import PlanCreate from './PlanCreate';

const PLANS = `/api/v1/municipalities/${SANYO}/plans`;

const staffCreatingAPlan = () =>
  fakeNetwork()
    .on('GET', '/api/v1/me', json(staffMember))
    .on('GET', `/api/v1/municipalities/${SANYO}`, json(sanyo))
    .on('GET', `/api/v1/municipalities/${SANYO}/areas`, json(areas))
    .on('GET', `/api/v1/municipalities/${SANYO}/organizations`, json({ items: [], page: 0, size: 100, total: 0 }));

describe('creating a plan', () => {
  let api: ReturnType<typeof staffCreatingAPlan>;
  afterEach(() => expect(api.unexpected).toEqual([]));

  const planForm = async () => {
    renderAt(`/m/${SANYO}/plans/new`, '/m/:code/plans/new', <PlanCreate />);
    expect(await screen.findByRole('heading', { name: '山陽小野田市 計画をつくる' })).toBeInTheDocument();
  };

  it('offers the fiscal years in 和暦 and names each field to fix, sending nothing', async () => {
    api = staffCreatingAPlan();
    const user = userEvent.setup();
    const current = fiscalYearOf(new Date());
    await planForm();
    expect(screen.getByLabelText('開始年度')).toHaveDisplayValue(fiscalYearLabel(current, 'ja'));
    expect(screen.getByRole('option', { name: fiscalYearLabel(current + 4, 'ja'), selected: true })).toHaveAttribute('title', `${current + 4}年4月〜${current + 5}年3月 (FY${current + 4})`);
    await user.selectOptions(screen.getByLabelText('終了年度'), fiscalYearLabel(current - 1, 'ja'));
    await user.click(screen.getByRole('button', { name: '作成する' }));

    expect(screen.getByLabelText('計画の名称')).toHaveAccessibleDescription('入力してください');
    expect(screen.getByLabelText('終了年度')).toHaveAccessibleDescription('開始年度以降の年度を選んでください');
    expect(screen.getByLabelText('開始年度')).not.toHaveAttribute('aria-invalid');
    expect(api.sentTo('POST', PLANS)).toHaveLength(0);
  });

  it("shows the API's field errors beside the fields, its owner error beside the owner", async () => {
    api = staffCreatingAPlan().on('POST', PLANS, problem({
      title: 'Bad Request',
      status: 400,
      detail: '計画を作れません',
      errors: [{ field: 'organizationId', message: 'この団体は計画を持てません' }, { field: 'vision', message: '4000 文字までです' }],
    }));
    const user = userEvent.setup();
    const current = fiscalYearOf(new Date());
    await planForm();
    await user.type(screen.getByLabelText('計画の名称'), ' 地域づくり計画 ');
    await user.selectOptions(await screen.findByLabelText('対象地域'), '赤崎地区');
    await user.type(screen.getByLabelText('めざす姿'), 'みんなで');
    await user.click(screen.getByRole('button', { name: '作成する' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('エラー Bad Request: 計画を作れません');
    expect(screen.getByLabelText('計画の持ち主')).toHaveAccessibleDescription('この団体は計画を持てません');
    expect(screen.getByLabelText('めざす姿')).toHaveAccessibleDescription('4000 文字までです');
    expect(api.sentTo('POST', PLANS)[0]?.body).toEqual({
      title: '地域づくり計画', startFiscalYear: current, endFiscalYear: current + 4, areaId: 'a-akasaki', vision: 'みんなで',
    });
  });
});
