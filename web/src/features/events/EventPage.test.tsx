import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { owner, SANYO } from '../../test/fixtures';
import { fakeNetwork, json, noContent, problem } from '../../test/network';
import { renderAt } from '../../test/render';
import EventPage from './EventPage';
import type { EventView, RegistrationView } from './types';

const seminar: EventView = {
  id: 'e-ppp',
  municipalityCode: SANYO,
  organizationId: null,
  organizerName: '山陽小野田市',
  coOrganizers: [{ id: 'o-cci', name: '山陽商工会議所' }],
  kind: 'SEMINAR',
  kindLabel: 'セミナー・講座',
  title: 'PPP実践セミナー2026',
  titleKana: null,
  titleEnglish: null,
  description: '公民連携の実践セミナーです。',
  themes: ['ECONOMIC_ACTIVITY'],
  themeLabels: ['経済活動の活性化'],
  areaIds: [],
  mode: 'IN_PERSON',
  modeLabel: '会場',
  venue: { name: '山陽小野田市民館', address: '山口県山陽小野田市大字小野田', addressDetail: null, latitude: null, longitude: null, access: null, parking: null },
  onlineUrl: null,
  startsAt: '2027-02-20T04:30:00Z',
  endsAt: '2027-02-20T07:00:00Z',
  allDay: false,
  fiscalYear: 2026,
  fiscalYearLabel: '令和8年度',
  fee: { free: true, amountYen: null, note: null },
  capacity: 150,
  heldSeats: 10,
  registrationOpensAt: null,
  registrationClosesAt: null,
  registrationOpen: true,
  guestsAllowed: true,
  reminderHours: 24,
  questions: [{ key: 'affiliation', kind: 'SINGLE_CHOICE', label: 'ご所属', options: ['企業・事業者', '個人'], required: true }],
  contact: null,
  status: 'PUBLISHED',
  statusLabel: '公開中',
  listed: true,
  publishedAt: '2026-11-20T09:00:00+09:00',
  cancellationReason: null,
  cancelledAt: null,
  counts: { registered: 4, waitlisted: 0, attended: 0, seatsLeft: 136 },
  publicParticipants: [],
  report: null,
  projects: [{ id: 'p-labv', title: '商工センター再開発（LABV）' }],
  planItems: [],
  organizer: false,
  myRegistrationId: null,
  myRegistrationStatus: null,
  version: 3,
  createdAt: '2026-11-01T09:00:00+09:00',
  updatedAt: '2026-11-20T09:00:00+09:00',
};

const registration: RegistrationView = {
  id: 'r-1',
  eventId: 'e-ppp',
  eventTitle: seminar.title,
  eventStartsAt: seminar.startsAt,
  eventStatus: 'PUBLISHED',
  userId: 'u-owner',
  name: '赤崎 一郎',
  email: null,
  guest: false,
  status: 'REGISTERED',
  statusLabel: '申込済み',
  waitlistPosition: null,
  code: 'ABCD-2345',
  qrSvg: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>',
  answers: [{ key: 'affiliation', choices: ['個人'] }],
  showPublicly: false,
  checkedInAt: null,
  promotedAt: null,
  cancelledAt: null,
  createdAt: '2026-12-01T09:00:00+09:00',
  version: 0,
};

const show = () => renderAt('/events/e-ppp', '/events/:id', <EventPage />);

describe('EventPage', () => {
  it('tells when in Japan time and registers a signed-in person, the required answer first', async () => {
    const network = fakeNetwork()
      .on('GET', '/api/v1/me', json(owner))
      .on('GET', '/api/v1/municipalities/{code}/areas', json({ items: [], page: 0, size: 100, total: 0 }))
      .on('GET', '/api/v1/events/{id}', json(seminar), json({ ...seminar, myRegistrationId: 'r-1', myRegistrationStatus: 'REGISTERED' }))
      .on('GET', '/api/v1/events/{id}/registrations/{registrationId}', json(registration))
      .on('POST', '/api/v1/events/{id}/registrations', json(registration, 201));
    show();
    expect(await screen.findByRole('heading', { name: 'PPP実践セミナー2026', level: 1 })).toBeInTheDocument();
    expect(screen.getByText('令和9年2月20日(土) 13:30〜16:00')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'カレンダーに追加（.ics）' })).toHaveAttribute('href', '/api/v1/events/e-ppp.ics');
    expect(screen.getByRole('link', { name: '商工センター再開発（LABV）' })).toHaveAttribute('href', '/projects/p-labv');
    expect(await screen.findByRole('heading', { name: '参加を申し込む' })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: '申し込む' }));
    expect(screen.getByText('回答してください')).toBeInTheDocument();
    expect(network.sentTo('POST', '/api/v1/events/e-ppp/registrations')).toHaveLength(0);

    await userEvent.click(screen.getByLabelText('個人'));
    await userEvent.click(screen.getByRole('button', { name: '申し込む' }));
    expect(await screen.findByTestId('my-code')).toHaveTextContent('ABCD-2345');
    expect(screen.getByRole('img', { name: '受付コード ABCD-2345 の QR コード' })).toHaveAttribute('src', expect.stringMatching(/^data:image\/svg\+xml/));
    expect(network.sentTo('POST', '/api/v1/events/e-ppp/registrations')[0]!.body).toEqual({
      answers: [{ key: 'affiliation', choices: ['個人'] }],
      showPublicly: false,
    });
    expect(network.unexpected).toEqual([]);
  });

  it('shows a waitlisted person their place, and cancels after asking', async () => {
    const waiting = { ...registration, status: 'WAITLISTED' as const, statusLabel: 'キャンセル待ち', waitlistPosition: 3 };
    const network = fakeNetwork()
      .on('GET', '/api/v1/me', json(owner))
      .on('GET', '/api/v1/municipalities/{code}/areas', json({ items: [], page: 0, size: 100, total: 0 }))
      .on('GET', '/api/v1/events/{id}', json({ ...seminar, myRegistrationId: 'r-1', myRegistrationStatus: 'WAITLISTED' }), json(seminar))
      .on('GET', '/api/v1/events/{id}/registrations/{registrationId}', json(waiting))
      .on('DELETE', '/api/v1/events/{id}/registrations/{registrationId}', noContent());
    show();
    expect(await screen.findByText('キャンセル待ち 3 番目')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '申し込みを取り消す' }));
    const confirm = screen.getByRole('group');
    await userEvent.click(within(confirm).getByRole('button', { name: '申し込みを取り消す' }));
    expect(await screen.findByRole('heading', { name: '参加を申し込む' })).toBeInTheDocument();
    expect(network.sentTo('DELETE', '/api/v1/events/e-ppp/registrations/r-1')).toHaveLength(1);
  });

  it('lets a guest register with a name and an e-mail, and shows what the API refuses', async () => {
    const network = fakeNetwork()
      .on('GET', '/api/v1/me', problem({ title: 'Unauthorized', status: 401 }))
      .on('GET', '/api/v1/municipalities/{code}/areas', json({ items: [], page: 0, size: 100, total: 0 }))
      .on('GET', '/api/v1/events/{id}', json({ ...seminar, questions: [] }))
      .on('POST', '/api/v1/events/{id}/registrations',
        problem({ title: '既に申し込まれています', status: 409, detail: 'このメールアドレスでは既に申し込まれています' }),
        json({ ...registration, guest: true, name: '山本 さくら', email: 'sakura@example.jp', userId: null }, 201));
    show();
    expect(await screen.findByRole('heading', { name: 'アカウントなしで申し込む' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '申し込む' }));
    expect(screen.getByText('お名前を入力してください')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText(/お名前/), '山本 さくら');
    await userEvent.type(screen.getByLabelText(/メールアドレス/), 'sakura@example.jp');
    await userEvent.click(screen.getByRole('button', { name: '申し込む' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('このメールアドレスでは既に申し込まれています');
    await userEvent.click(screen.getByRole('button', { name: '申し込む' }));
    expect(await screen.findByTestId('my-code')).toHaveTextContent('ABCD-2345');
    expect(network.sentTo('POST', '/api/v1/events/e-ppp/registrations')[1]!.body).toEqual({
      guest: { name: '山本 さくら', email: 'sakura@example.jp' },
      answers: [],
      showPublicly: false,
    });
  });
});
