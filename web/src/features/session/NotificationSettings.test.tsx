import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Schemas } from '../../api/client';
import { fakeNetwork } from '../../test/network';
import { renderAt } from '../../test/render';
import { NotificationSettings } from './NotificationSettings';

const settings: Schemas['NotificationSettings'] = {
  email: null, accountEmail: 'hanako@example.jp', language: 'JA', digestHour: 8, timeZone: 'Asia/Tokyo',
  kinds: [
    { kind: 'MATCH_PROPOSED', label: 'マッチの提案', enabled: true, frequency: 'IMMEDIATE', frequencyLabel: 'すぐに', defaultFrequency: 'IMMEDIATE' },
    { kind: 'MATCH_DECLINED', label: 'マッチの辞退', enabled: true, frequency: 'DAILY', frequencyLabel: '毎日のまとめ', defaultFrequency: 'DAILY' },
  ],
};
const withEtag = (body: unknown, etag: string) => () =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json', ETag: etag } });

describe('NotificationSettings', () => {
  it('sends the changed kinds with the ETag it read, and says it saved', async () => {
    const network = fakeNetwork()
      .on('GET', '/api/v1/me/notification-settings', withEtag(settings, '"3"'))
      .on('PUT', '/api/v1/me/notification-settings', withEtag(settings, '"4"'));
    renderAt('/me', '/me', <NotificationSettings />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('checkbox', { name: 'マッチの辞退: メールで受け取る' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'マッチの提案: 頻度' }), 'WEEKLY');
    await user.click(screen.getByRole('button', { name: '通知メールの設定を保存' }));
    await waitFor(() => expect(network.sentTo('PUT', '/api/v1/me/notification-settings')).toHaveLength(1));
    const put = network.sentTo('PUT', '/api/v1/me/notification-settings')[0]!;
    expect(put.headers.get('If-Match')).toBe('"3"');
    expect(put.body).toEqual({
      language: 'JA', digestHour: 8,
      kinds: [
        { kind: 'MATCH_PROPOSED', enabled: true, frequency: 'WEEKLY' },
        { kind: 'MATCH_DECLINED', enabled: false, frequency: 'DAILY' },
      ],
    });
    expect(await screen.findByRole('status')).toHaveTextContent('保存しました');
    expect(network.unexpected).toEqual([]);
  });
});
