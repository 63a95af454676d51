import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Schemas } from '../../api/client';
import { SANYO, staffMember } from '../../test/fixtures';
import { fakeNetwork, json, problem } from '../../test/network';
import { renderAt } from '../../test/render';
import OpenDataPage from './OpenDataPage';

const license = { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/deed.ja' };
const catalog: Schemas['OpenDataCatalog'] = {
  municipalityCode: SANYO, title: '山陽小野田市のオープンデータ', publisher: '山陽小野田市', license,
  items: [
    { id: 'events', title: 'イベント一覧', description: 'イベント', license, modified: '2026-11-30T10:00:00+09:00',
      distributions: [{ format: 'CSV', mediaType: 'text/csv', url: `http://localhost/api/v1/municipalities/${SANYO}/events.csv` }] },
    { id: 'organizations', title: '団体一覧', description: '団体の公開情報', license, modified: null,
      distributions: [{ format: 'CSV', mediaType: 'text/csv', url: `http://localhost/api/v1/municipalities/${SANYO}/organizations.csv` }] },
  ],
};
const settings: Schemas['OpenDataSettings'] = {
  municipalityCode: SANYO, license, defaultLicense: true, embedOrigins: [], version: 0, updatedAt: null,
};

describe('OpenDataPage', () => {
  it('lists each dataset with its licence and download link; staff see an origin refused next to the field', async () => {
    const network = fakeNetwork()
      .on('GET', '/api/v1/me', json(staffMember))
      .on('GET', '/api/v1/municipalities/{code}/open-data', json(catalog))
      .on('GET', '/api/v1/municipalities/{code}/open-data/settings', json(settings))
      .on('PUT', '/api/v1/municipalities/{code}/open-data/settings', problem({
        title: 'Bad Request', status: 400,
        errors: [{ field: 'embedOrigins[0]', message: 'https のオリジン（パスなし）を入力してください' }],
      }));
    renderAt(`/m/${SANYO}/open-data`, '/m/:code/open-data', <OpenDataPage />);
    expect(await screen.findByRole('heading', { name: '山陽小野田市のオープンデータ', level: 1 })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '団体一覧（CSV）をダウンロード' }))
      .toHaveAttribute('href', `http://localhost/api/v1/municipalities/${SANYO}/organizations.csv`);
    expect(screen.getAllByRole('link', { name: 'CC BY 4.0' })).toHaveLength(2);
    expect(screen.getByText('まだデータがありません')).toBeInTheDocument();

    const origins = await screen.findByLabelText(/埋め込みを許可するサイト/);
    await userEvent.type(origins, 'http://www.city.example.lg.jp');
    await userEvent.click(screen.getByRole('button', { name: '保存する' }));
    expect(await screen.findByText('https のオリジン（パスなし）を入力してください')).toBeInTheDocument();
    expect(origins).toHaveAttribute('aria-invalid', 'true');
    const sent = network.sentTo('PUT', `/api/v1/municipalities/${SANYO}/open-data/settings`);
    expect(sent[0]?.body).toEqual({ licenseName: null, licenseUrl: null, embedOrigins: ['http://www.city.example.lg.jp'] });
    expect(sent[0]?.headers.get('If-Match')).toBe('"0"');
  });
});
