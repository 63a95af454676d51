import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { areas, listing, organization, SANYO, themes } from '../../test/fixtures';
import { fakeNetwork, json, problem } from '../../test/network';
import { renderAt } from '../../test/render';
import ListingEdit from './ListingEdit';

const LISTING = `/api/v1/listings/${listing.id}`;
const POST = `/api/v1/organizations/${organization.id}/listings`;

function network() {
  return fakeNetwork()
    .on('GET', `/api/v1/organizations/${organization.id}`, json(organization))
    .on('GET', '/api/v1/themes', json(themes))
    .on('GET', `/api/v1/municipalities/${SANYO}/areas`, json(areas));
}

describe('posting a have or a need', () => {
  let api: ReturnType<typeof network>;
  afterEach(() => expect(api.unexpected).toEqual([]));

  const newListing = async () => {
    renderAt(`/organizations/${organization.id}/listings/new`, '/organizations/:id/listings/new', <ListingEdit />);
    expect(await screen.findByRole('heading', { name: `${organization.name} — 有る・無いを投稿する` })).toBeInTheDocument();
  };

  it('names what to fix next to each field, keeps what was typed and sends nothing', async () => {
    api = network();
    const user = userEvent.setup();
    await newListing();
    await user.type(screen.getByLabelText('数量'), '2.5');
    await user.type(screen.getByLabelText('提供・募集の開始日'), '2026-05-01');
    await user.type(screen.getByLabelText('提供・募集の終了日'), '2026-04-01');
    await user.click(screen.getByRole('button', { name: '投稿する' }));

    expect(screen.getByLabelText('タイトル（必須）')).toHaveAccessibleDescription('タイトルを入力してください');
    expect(screen.getByLabelText('数量')).toHaveAccessibleDescription('数量は 1 以上の整数で入力してください');
    expect(screen.getByLabelText('数量')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('提供・募集の終了日')).toHaveAccessibleDescription('終了日は開始日以降にしてください');
    expect(screen.getByLabelText('数量')).toHaveValue('2.5');
    expect(api.sentTo('POST', POST)).toHaveLength(0);
  });

  it('shows the field errors of the problem the API answers beside the fields, and the problem above', async () => {
    api = network().on('POST', POST, problem({
      title: 'Bad Request',
      status: 400,
      detail: '入力に誤りがあります',
      errors: [{ field: 'title', message: '200 文字以内で入力してください' }, { field: 'unit', message: '単位は 20 文字までです' }],
    }));
    const user = userEvent.setup();
    await newListing();
    await user.click(screen.getByLabelText('有る（提供できるもの）'));
    await user.type(screen.getByLabelText('タイトル（必須）'), '段ボールベッドを貸し出します');
    await user.type(screen.getByLabelText('数量'), '３０');
    await user.click(await screen.findByLabelText('防災・災害救援'));
    await user.click(screen.getByRole('button', { name: '投稿する' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('エラー Bad Request: 入力に誤りがあります');
    expect(screen.getByLabelText('タイトル（必須）')).toHaveAccessibleDescription('200 文字以内で入力してください');
    expect(screen.getByLabelText('単位')).toHaveAccessibleDescription('単位は 20 文字までです');
    expect(api.sentTo('POST', POST)[0]?.body).toEqual({
      kind: 'HAVE', category: 'GOODS', title: '段ボールベッドを貸し出します', themes: ['DISASTER_RELIEF'], areaIds: [], quantity: 30,
    });
  });
});

describe('editing a listing', () => {
  let api: ReturnType<typeof network>;
  afterEach(() => expect(api.unexpected).toEqual([]));

  it('names the version it read; when someone else saved first it says so and reloads the latest on request', async () => {
    const latest = { ...listing, title: '段ボールベッドが30台必要です', quantity: 30, version: 4 };
    api = network()
      .on('GET', LISTING, json(listing), json(latest))
      .on('PUT', LISTING, problem({ title: 'Precondition Failed', status: 412 }), json(latest));
    const user = userEvent.setup();
    renderAt(`/listings/${listing.id}/edit`, '/listings/:listingId/edit', <ListingEdit />);
    const title = await screen.findByDisplayValue(listing.title);
    expect(screen.getByLabelText('無い（求めているもの）')).toBeChecked();
    await user.clear(screen.getByLabelText('数量'));
    await user.type(screen.getByLabelText('数量'), '25');
    await user.click(screen.getByRole('button', { name: '保存する' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('他の人が先に更新しました');
    expect(screen.getByLabelText('数量')).toHaveValue('25');
    await user.click(within(alert).getByRole('button', { name: '最新を読み込む' }));
    await waitFor(() => expect(title).toHaveValue('段ボールベッドが30台必要です'));
    expect(screen.getByLabelText('数量')).toHaveValue('30');

    await user.click(screen.getByRole('button', { name: '保存する' }));
    expect(await screen.findByTestId('location')).toHaveTextContent(`/listings/${listing.id}`);
    expect(api.sentTo('PUT', LISTING).map((r) => r.headers.get('If-Match'))).toEqual(['"3"', '"4"']);
  });
});
