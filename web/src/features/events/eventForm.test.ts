import { describe, expect, it } from 'vitest';
import { emptyEventForm, type EventFormValues, formFromEvent, newQuestionKey, toEventWrite, validateEvent } from './eventForm';
import type { EventView } from './types';

const form = (v: Partial<EventFormValues>): EventFormValues => ({ ...emptyEventForm, ...v });

describe('the event form', () => {
  it('sends the day and times as Japan time, wherever the browser is', () => {
    const body = toEventWrite(form({ title: ' PPP実践セミナー ', startDate: '2025-06-14', startTime: '13:30', endTime: '15:30' }));
    expect(body.title).toBe('PPP実践セミナー');
    expect(body.startsAt).toBe('2025-06-14T13:30:00+09:00');
    expect(body.endsAt).toBe('2025-06-14T15:30:00+09:00');
    expect(body.allDay).toBe(false);
  });

  it('sends an all-day event from the start of its first day to the midnight after its last', () => {
    const body = toEventWrite(form({ title: 'x', allDay: true, startDate: '2025-06-14', endDate: '2025-06-15', startTime: '10:00' }));
    expect(body.startsAt).toBe('2025-06-14T00:00:00+09:00');
    expect(body.endsAt).toBe('2025-06-16T00:00:00+09:00');
  });

  it('reads full-width digits, leaves out what is empty, and keeps no online link for an event in person', () => {
    const body = toEventWrite(form({
      title: 'x', startDate: '2025-06-14', startTime: '10:00', capacity: '３０', heldSeats: '２', feeAmount: '５００',
      venueName: '市民館', onlineUrl: 'https://meet.example.jp/x',
    }));
    expect(body.capacity).toBe(30);
    expect(body.heldSeats).toBe(2);
    expect(body.fee).toEqual({ amountYen: 500, note: undefined });
    expect(body.venue?.name).toBe('市民館');
    expect(body.onlineUrl).toBeUndefined();
    expect(body.contact).toBeUndefined();
    expect(body.organizationId).toBeUndefined();
  });

  it('sends the questions with their choices one per line, choices only for choice questions', () => {
    const body = toEventWrite(form({
      title: 'x', startDate: '2025-06-14', startTime: '10:00',
      questions: [
        { key: 'q1', kind: 'SINGLE_CHOICE', label: '年代', options: '10代\n\n20代 \n30代以上', required: true },
        { key: 'q2', kind: 'TEXT', label: '聞きたいこと', options: 'ignored', required: false },
      ],
    }));
    expect(body.questions).toEqual([
      { key: 'q1', kind: 'SINGLE_CHOICE', label: '年代', options: ['10代', '20代', '30代以上'], required: true },
      { key: 'q2', kind: 'TEXT', label: '聞きたいこと', options: [], required: false },
    ]);
    expect(newQuestionKey([{ key: 'q2', kind: 'TEXT', label: '', options: '', required: false }])).toBe('q3');
  });

  it('names what to fix by the API field names', () => {
    expect(validateEvent(form({ capacity: '', heldSeats: '2', venueName: '市民館', title: 'x', startDate: '2025-06-14', startTime: '10:00' }), 'ja'))
      .toEqual({ heldSeats: '定員のないイベントには確保席を設けられません' });
    expect(validateEvent(form({}), 'ja')).toEqual({
      title: 'イベント名を入力してください',
      startsAt: '開始の日時を入力してください',
      'venue.name': '会場名を入力してください',
    });
    const errors = validateEvent(form({
      title: 'x', startDate: '2025-06-14', startTime: '15:00', endTime: '13:00', capacity: '10', heldSeats: '11',
      feeAmount: '五百', mode: 'ONLINE', onlineUrl: 'meet', opensDate: '2025-06-10', closesDate: '2025-06-01',
      questions: [{ key: 'q1', kind: 'MULTIPLE_CHOICE', label: '', options: '防災\n防災', required: false }],
    }), 'ja');
    expect(Object.keys(errors).sort()).toEqual([
      'endsAt', 'fee.amountYen', 'heldSeats', 'onlineUrl', 'questions[0].label', 'questions[0].options', 'registrationClosesAt',
    ]);
  });

  it('fills the form from an event in Japan time', () => {
    const event = {
      organizationId: 'o-1', coOrganizers: [{ id: 'o-2', name: '共催' }], kind: 'WORKSHOP', title: '地区ワークショップ', themes: [], areaIds: ['a-1'],
      mode: 'HYBRID', venue: { name: '赤崎公民館', latitude: 34.0 }, onlineUrl: 'https://meet.example.jp/w',
      startsAt: '2025-06-14T01:00:00Z', endsAt: '2025-06-14T03:00:00Z', allDay: false, fee: { free: true },
      capacity: 20, heldSeats: 2, registrationClosesAt: '2025-06-13T14:59:00Z', guestsAllowed: true, listed: true,
      questions: [{ key: 'q1', kind: 'SINGLE_CHOICE', label: '年代', options: ['10代', '20代'], required: true }],
      projects: [{ id: 'p-1', title: 'p' }], planItems: [],
    } as unknown as EventView;
    const v = formFromEvent(event);
    expect([v.startDate, v.startTime, v.endDate, v.endTime]).toEqual(['2025-06-14', '10:00', '2025-06-14', '12:00']);
    expect([v.closesDate, v.closesTime]).toEqual(['2025-06-13', '23:59']);
    expect(v.coOrganizerIds).toEqual(['o-2']);
    expect(v.questions[0]!.options).toBe('10代\n20代');
    expect(v.feeAmount).toBe('');
    expect(v.latitude).toBe('34');
    expect(toEventWrite(v).startsAt).toBe('2025-06-14T10:00:00+09:00');
  });
});
