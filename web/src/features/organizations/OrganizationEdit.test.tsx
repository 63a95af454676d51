import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { areas, organization, owner, SANYO, themes } from '../../test/fixtures';
import { fakeNetwork, json, problem } from '../../test/network';
import { renderAt } from '../../test/render';
import OrganizationEdit from './OrganizationEdit';

const PATH = `/api/v1/organizations/${organization.id}`;

function signedInOwner() {
  return fakeNetwork()
    .on('GET', '/api/v1/me', json(owner))
    .on('GET', '/api/v1/themes', json(themes))
    .on('GET', `/api/v1/municipalities/${SANYO}/areas`, json(areas));
}

const editForm = async () => {
  renderAt(`/organizations/${organization.id}/edit`, '/organizations/:id/edit', <OrganizationEdit />);
  return screen.findByDisplayValue(organization.name);
};

describe('the organisation form', () => {
  let network: ReturnType<typeof fakeNetwork>;
  beforeEach(() => {
    network = signedInOwner().on('GET', PATH, json(organization));
  });
  afterEach(() => expect(network.unexpected).toEqual([]));

  it('is filled with what was read, and names what to fix next to each field without sending anything', async () => {
    const user = userEvent.setup();
    const name = await editForm();
    expect(screen.getByLabelText('よみがな')).toHaveValue(organization.nameKana);
    expect(await screen.findByLabelText('防災・災害救援')).toBeChecked();
    expect(await screen.findByLabelText('赤崎地区')).toBeChecked();

    await user.clear(name);
    await user.clear(screen.getByLabelText('ウェブサイト'));
    await user.type(screen.getByLabelText('ウェブサイト'), 'not a url');
    await user.click(screen.getByRole('button', { name: '保存する' }));

    expect(await screen.findByText('名称を入力してください')).toHaveAttribute('id', 'name-error');
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription('名称を入力してください');
    expect(screen.getByLabelText('ウェブサイト')).toHaveAccessibleDescription('http または https で始まる URL を入力してください');
    expect(screen.getByLabelText('ウェブサイト')).toHaveValue('not a url');
    expect(network.sentTo('PUT', PATH)).toHaveLength(0);
  });

  it('shows the problem the API answers: its title and detail, and each field error beside its field', async () => {
    network.on('PUT', PATH, problem({
      type: 'https://kyoso.example/problems/validation',
      title: '入力内容を確認してください',
      status: 400,
      detail: '2 件の項目に誤りがあります',
      errors: [
        { field: 'contact.email', message: 'このメールアドレスには届きません' },
        { field: 'name', message: '同じ名前の団体がすでにあります' },
      ],
    }));
    const user = userEvent.setup();
    await editForm();
    await user.type(screen.getByLabelText('よみがな'), 'ん');
    await user.click(screen.getByRole('button', { name: '保存する' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('エラー 入力内容を確認してください: 2 件の項目に誤りがあります');
    expect(screen.getByLabelText('メールアドレス')).toHaveAccessibleDescription('このメールアドレスには届きません');
    expect(screen.getByLabelText('名称', { exact: false })).toHaveAccessibleDescription('同じ名前の団体がすでにあります');
    // Nothing typed is lost.
    expect(screen.getByLabelText('よみがな')).toHaveValue(`${organization.nameKana}ん`);

    const [put] = network.sentTo('PUT', PATH);
    expect(put?.headers.get('If-Match')).toBe('"7"');
    expect(put?.body).toMatchObject({ name: organization.name, nameKana: `${organization.nameKana}ん`, themes: ['DISASTER_RELIEF'] });
  });

  it('says so when someone else saved first, reloads the latest on request and saves it with its version', async () => {
    const latest = { ...organization, description: '別の人が書き直した紹介文', version: 8 };
    network
      .on('PUT', PATH, problem({ title: 'Precondition Failed', status: 412, detail: 'The organisation was changed' }), json(latest))
      .on('GET', PATH, json(organization), json(latest));
    const user = userEvent.setup();
    await editForm();
    await user.type(screen.getByLabelText('紹介文'), '。');
    await user.click(screen.getByRole('button', { name: '保存する' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('他の人が先に更新しました。入力内容は残っています。最新を読み込んでから保存し直してください。');
    expect(screen.getByLabelText('紹介文')).toHaveValue(`${organization.description}。`);

    await user.click(within(alert).getByRole('button', { name: '最新を読み込む' }));
    await waitFor(() => expect(screen.getByLabelText('紹介文')).toHaveValue('別の人が書き直した紹介文'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '保存する' }));
    expect(await screen.findByTestId('location')).toHaveTextContent(`/organizations/${organization.id}`);
    expect(network.sentTo('PUT', PATH).map((r) => r.headers.get('If-Match'))).toEqual(['"7"', '"8"']);
  });
});

describe('registering an organisation', () => {
  it('posts the form and goes to the new organisation', async () => {
    const created = { ...organization, id: 'o-kadan', name: '赤崎花壇の会', status: 'PENDING' as const, version: 0 };
    const network = signedInOwner().on('POST', `/api/v1/municipalities/${SANYO}/organizations`, json(created, 201));
    const user = userEvent.setup();
    renderAt(`/m/${SANYO}/organizations/new`, '/m/:code/organizations/new', <OrganizationEdit />);
    expect(await screen.findByRole('heading', { name: '団体を登録する' })).toBeInTheDocument();
    await user.type(screen.getByLabelText('名称', { exact: false }), '赤崎花壇の会');
    await user.click(await screen.findByLabelText('環境保全'));
    await user.click(screen.getByRole('button', { name: '保存する' }));

    expect(await screen.findByTestId('location')).toHaveTextContent('/organizations/o-kadan');
    const [post] = network.sentTo('POST', `/api/v1/municipalities/${SANYO}/organizations`);
    expect(post?.headers.get('If-Match')).toBeNull();
    expect(post?.body).toMatchObject({ name: '赤崎花壇の会', themes: ['ENVIRONMENT'], contactPublished: { name: false, email: false, phone: false } });
    expect(network.unexpected).toEqual([]);
  });
});
