import { describe, expect, it } from 'vitest';
import { validateMessage } from './messageForm';

describe('message form', () => {
  it('names the empty and the too long fields, in Japanese first', () => {
    expect(validateMessage({ subject: ' ', body: '' }, 'ja')).toEqual({ subject: '入力してください', body: '入力してください' });
    expect(Object.keys(validateMessage({ subject: 'あ'.repeat(201), body: 'x'.repeat(4001) }, 'en'))).toEqual(['subject', 'body']);
  });

  it('accepts a reply without a subject', () => {
    expect(validateMessage({ body: 'ありがとうございます' })).toEqual({});
  });
});
