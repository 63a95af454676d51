import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { areas, computedIndicator, indicator, SANYO, staffMember } from '../../test/fixtures';
import { fakeNetwork, json, problem } from '../../test/network';
import { renderAt } from '../../test/render';
import IndicatorEdit from './IndicatorEdit';

const CREATE = `/api/v1/municipalities/${SANYO}/indicators`;
const staff = () =>
  fakeNetwork()
    .on('GET', '/api/v1/me', json(staffMember))
    .on('GET', `/api/v1/municipalities/${SANYO}/areas`, json(areas));

describe('creating and editing an indicator', () => {
  let api: ReturnType<typeof staff>;
  afterEach(() => expect(api.unexpected).toEqual([]));

  it('creates an indicator computed from events with its measure, kinds and areas, as the API expects', async () => {
    api = staff().on('POST', CREATE, json(computedIndicator, 201));
    const user = userEvent.setup();
    renderAt(`/m/${SANYO}/indicators/new`, '/m/:code/indicators/new', <IndicatorEdit />);
    await user.type(await screen.findByLabelText(/指標名/), '地区ワークショップの開催回数');
    await user.type(screen.getByLabelText(/単位/), '回');
    expect(screen.queryByLabelText('集計する値')).not.toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('出典'), 'イベントから自動集計');
    await user.selectOptions(screen.getByLabelText('集計する値'), '参加者数（出席と当日参加）');
    const kinds = within(screen.getByRole('group', { name: /イベントの種類/ }));
    await user.click(kinds.getByLabelText('ワークショップ'));
    await user.click(kinds.getByLabelText('エリアミーティング・地域会議'));
    await user.click(await screen.findByLabelText('赤崎地区'));
    await user.click(screen.getByRole('button', { name: '保存する' }));

    expect(await screen.findByTestId('location')).toHaveTextContent(`/indicators/${computedIndicator.id}`);
    expect(api.sentTo('POST', CREATE)[0]?.body).toEqual({
      name: '地区ワークショップの開催回数',
      unit: '回',
      direction: 'INCREASE',
      source: 'PLATFORM',
      computed: { from: 'EVENTS', measure: 'ATTENDEES', kinds: ['WORKSHOP', 'AREA_MEETING'], areaIds: ['a-akasaki'] },
    });
  });

  it("shows the API's field errors beside the computed fields and stays on the form", async () => {
    api = staff().on('POST', CREATE, problem({
      title: 'Bad Request', status: 400, errors: [{ field: 'computed.areaIds', message: '山陽小野田市の地域ではありません' }],
    }));
    const user = userEvent.setup();
    renderAt(`/m/${SANYO}/indicators/new`, '/m/:code/indicators/new', <IndicatorEdit />);
    await user.type(await screen.findByLabelText(/指標名/), '参加者数');
    await user.type(screen.getByLabelText(/単位/), '人');
    await user.selectOptions(screen.getByLabelText('出典'), 'イベントから自動集計');
    await user.click(await screen.findByLabelText('赤崎地区'));
    await user.click(screen.getByRole('button', { name: '保存する' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Bad Request');
    expect(screen.getByRole('group', { name: /地域/ })).toHaveAccessibleDescription('山陽小野田市の地域ではありません');
    expect(screen.queryByTestId('location')).not.toBeInTheDocument();
  });

  it('names a missing name and unit without sending anything', async () => {
    api = staff();
    const user = userEvent.setup();
    renderAt(`/m/${SANYO}/indicators/new`, '/m/:code/indicators/new', <IndicatorEdit />);
    await user.click(await screen.findByRole('button', { name: '保存する' }));
    expect(screen.getByLabelText(/指標名/)).toHaveAccessibleDescription('入力してください');
    expect(screen.getByLabelText(/単位/)).toHaveAccessibleDescription('入力してください');
    expect(api.sentTo('POST', CREATE)).toHaveLength(0);
  });

  it('edits a computed indicator from its stored computation and keeps what the form does not show', async () => {
    const stored = { ...computedIndicator, planItemIds: ['p-1'], decimals: 1, sortOrder: 3 };
    const path = `/api/v1/indicators/${stored.id}`;
    api = staff().on('GET', path, json(stored)).on('PUT', path, json(stored));
    const user = userEvent.setup();
    renderAt(`/indicators/${stored.id}/edit`, '/indicators/:id/edit', <IndicatorEdit />);
    expect(await screen.findByLabelText('集計する値')).toHaveValue('EVENTS_HELD');
    expect(screen.getByLabelText('ワークショップ')).toBeChecked();
    expect(await screen.findByLabelText('赤崎地区')).toBeChecked();
    await user.click(screen.getByLabelText('ワークショップ'));
    await user.click(screen.getByRole('button', { name: '保存する' }));

    await screen.findByTestId('location');
    const [put] = api.sentTo('PUT', path);
    expect(put?.headers.get('If-Match')).toBe('"4"');
    expect(put?.body).toEqual({
      planItemIds: ['p-1'], decimals: 1, tolerance: null, sortOrder: 3,
      name: '地区ワークショップの開催回数', unit: '回', direction: 'INCREASE', source: 'PLATFORM',
      computed: { from: 'EVENTS', measure: 'EVENTS_HELD', kinds: [], areaIds: ['a-akasaki'] },
    });
  });

  it('sends no computation for a typed source', async () => {
    const path = `/api/v1/indicators/${indicator.id}`;
    api = staff().on('GET', path, json(indicator)).on('PUT', path, json(indicator));
    const user = userEvent.setup();
    renderAt(`/indicators/${indicator.id}/edit`, '/indicators/:id/edit', <IndicatorEdit />);
    await user.click(await screen.findByRole('button', { name: '保存する' }));
    await screen.findByTestId('location');
    expect(api.sentTo('PUT', path)[0]?.body).toMatchObject({ source: 'STATISTICS', computed: null });
  });
});
