import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { areas, computedIndicator, indicator, SANYO, staffMember } from '../../test/fixtures';
import { fakeNetwork, json, problem } from '../../test/network';
import { renderAt } from '../../test/render';
import IndicatorPage from './IndicatorPage';

const INDICATOR = `/api/v1/indicators/${indicator.id}`;
const VALUE_2025 = `${INDICATOR}/values/2025`;

const staffOnTheIndicator = () => fakeNetwork().on('GET', '/api/v1/me', json(staffMember));

const figuresForm = async () => {
  renderAt(`/indicators/${indicator.id}`, '/indicators/:id', <IndicatorPage />);
  const form = await screen.findByRole('region', { name: '実績値・目標値を入力する' });
  return within(form);
};

describe("entering an indicator's figures", () => {
  let api: ReturnType<typeof staffOnTheIndicator>;
  afterEach(() => expect(api.unexpected).toEqual([]));

  it('fills in the stored figures of the chosen year and names a figure that is not a number', async () => {
    api = staffOnTheIndicator().on('GET', INDICATOR, json(indicator));
    const user = userEvent.setup();
    const form = await figuresForm();
    await user.click(form.getByRole('button', { name: '保存する' }));
    expect(form.getByLabelText('年度')).toHaveAccessibleDescription('年度を選んでください');

    await user.selectOptions(form.getByLabelText('年度'), '令和6年度');
    expect(form.getByLabelText('実績（件）')).toHaveValue('33');
    expect(form.getByLabelText('備考')).toHaveValue('速報値');
    await user.clear(form.getByLabelText('実績（件）'));
    await user.type(form.getByLabelText('実績（件）'), 'たくさん');
    await user.click(form.getByRole('button', { name: '保存する' }));
    expect(form.getByLabelText('実績（件）')).toHaveAccessibleDescription('数値を入力してください');
    expect(form.getByLabelText('年度')).not.toHaveAttribute('aria-invalid');
    expect(api.sentTo('PUT', `${INDICATOR}/values/2024`)).toHaveLength(0);
  });

  it('sends full-width figures as numbers with the version read, and shows the field errors the API answers', async () => {
    api = staffOnTheIndicator()
      .on('GET', INDICATOR, json(indicator))
      .on('PUT', VALUE_2025, problem({ title: 'Bad Request', status: 400, errors: [{ field: 'note', message: '備考は 500 文字までです' }] }));
    const user = userEvent.setup();
    const form = await figuresForm();
    await user.selectOptions(form.getByLabelText('年度'), '令和7年度');
    await user.type(form.getByLabelText('実績（件）'), '３６');
    await user.type(form.getByLabelText('備考'), '確定値');
    await user.click(form.getByRole('button', { name: '保存する' }));

    expect(await form.findByRole('alert')).toHaveTextContent('エラー Bad Request');
    expect(form.getByLabelText('備考')).toHaveAccessibleDescription('備考は 500 文字までです');
    const [put] = api.sentTo('PUT', VALUE_2025);
    expect(put?.headers.get('If-Match')).toBe('"4"');
    expect(put?.body).toEqual({ actual: 36, target: null, note: '確定値' });
  });

  it('says so when someone else saved first, keeps the figures typed, and saves them with the version reloaded', async () => {
    const latest = { ...indicator, version: 5 };
    api = staffOnTheIndicator()
      .on('GET', INDICATOR, json(indicator), json(latest))
      .on('PUT', VALUE_2025, problem({ title: 'Precondition Failed', status: 412 }), json(latest));
    const user = userEvent.setup();
    const form = await figuresForm();
    await user.selectOptions(form.getByLabelText('年度'), '令和7年度');
    await user.type(form.getByLabelText('目標（件）'), '1,234');
    await user.click(form.getByRole('button', { name: '保存する' }));

    const alert = await form.findByRole('alert');
    expect(alert).toHaveTextContent('他の人が先に更新しました。入力内容は残っています。');
    await user.click(within(alert).getByRole('button', { name: '最新を読み込む' }));
    await waitFor(() => expect(form.queryByRole('alert')).not.toBeInTheDocument());
    expect(form.getByLabelText('目標（件）')).toHaveValue('1,234');

    await user.click(form.getByRole('button', { name: '保存する' }));
    expect(await form.findByRole('status')).toHaveTextContent('保存しました');
    expect(api.sentTo('PUT', VALUE_2025).map((r) => r.headers.get('If-Match'))).toEqual(['"4"', '"5"']);
    expect(api.sentTo('PUT', VALUE_2025)[1]?.body).toEqual({ actual: null, target: 1234, note: null });
  });
});

describe('a computed indicator (fed by the events)', () => {
  const COMPUTED = `/api/v1/indicators/${computedIndicator.id}`;
  let api: ReturnType<typeof staffOnTheIndicator>;
  afterEach(() => expect(api.unexpected).toEqual([]));

  it('says it is computed, what it counts and the current year so far', async () => {
    api = staffOnTheIndicator()
      .on('GET', COMPUTED, json(computedIndicator))
      .on('GET', `/api/v1/municipalities/${SANYO}/areas`, json(areas));
    renderAt(`/indicators/${computedIndicator.id}`, '/indicators/:id', <IndicatorPage />);
    expect(await screen.findByTestId('computed-badge')).toHaveTextContent('自動集計');
    expect(await screen.findByText(/イベントの開催件数（ワークショップ・赤崎地区）/)).toBeInTheDocument();
    expect(screen.getByTestId('running-value')).toHaveTextContent('令和7年度（集計中）: 5 回');
  });

  it('keeps the actual read-only, explains why, and saves a target and a note without an actual', async () => {
    api = staffOnTheIndicator()
      .on('GET', COMPUTED, json(computedIndicator))
      .on('GET', `/api/v1/municipalities/${SANYO}/areas`, json(areas))
      .on('PUT', `${COMPUTED}/values/2026`, json(computedIndicator));
    const user = userEvent.setup();
    renderAt(`/indicators/${computedIndicator.id}`, '/indicators/:id', <IndicatorPage />);
    const form = within(await screen.findByRole('region', { name: '実績値・目標値を入力する' }));
    await user.selectOptions(form.getByLabelText('年度'), '令和8年度');
    const actual = form.getByLabelText('実績（回）');
    expect(actual).toHaveAttribute('readonly');
    expect(actual).toHaveAccessibleDescription(/実績はイベントの記録から年度ごとに自動で集計します/);
    await user.type(actual, '99');
    expect(actual).toHaveValue('');
    await user.clear(form.getByLabelText('目標（回）'));
    await user.type(form.getByLabelText('目標（回）'), '12');
    await user.type(form.getByLabelText('備考'), '地区ごとに年2回');
    await user.click(form.getByRole('button', { name: '保存する' }));
    expect(await form.findByRole('status')).toHaveTextContent('保存しました');
    expect(api.sentTo('PUT', `${COMPUTED}/values/2026`)[0]?.body).toEqual({ target: 12, note: '地区ごとに年2回' });
  });

  it('shows no computed badge for a typed indicator', async () => {
    api = staffOnTheIndicator().on('GET', INDICATOR, json(indicator));
    renderAt(`/indicators/${indicator.id}`, '/indicators/:id', <IndicatorPage />);
    expect(await screen.findByLabelText('実績（件）')).not.toHaveAttribute('readonly');
    expect(screen.queryByTestId('computed-badge')).not.toBeInTheDocument();
  });
});
