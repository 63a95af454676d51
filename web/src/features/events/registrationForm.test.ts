import { describe, expect, it } from 'vitest';
import { toAnswers, validateRegistration } from './registrationForm';
import type { Question } from './types';

const questions: Question[] = [
  { key: 'age', kind: 'SINGLE_CHOICE', label: '年代', options: ['10代', '20代'], required: true },
  { key: 'topics', kind: 'MULTIPLE_CHOICE', label: '関心', options: ['防災', '福祉'], required: false },
  { key: 'note', kind: 'TEXT', label: '聞きたいこと', required: false },
  { key: 'photo', kind: 'CHECKBOX', label: '写真撮影に同意する', required: true },
];

describe('registering', () => {
  it('sends each answer in the shape of its question', () => {
    expect(toAnswers(questions, { age: '20代', topics: ['防災'], note: '  ', photo: true })).toEqual([
      { key: 'age', choices: ['20代'] },
      { key: 'topics', choices: ['防災'] },
      { key: 'photo', checked: true },
    ]);
    expect(toAnswers(questions, {})).toEqual([{ key: 'photo', checked: false }]);
  });

  it('asks for required answers, and a guest for a name and a valid e-mail', () => {
    expect(validateRegistration(questions, { age: '10代', photo: true }, undefined, 'ja')).toEqual({});
    expect(validateRegistration(questions, { photo: false }, { name: ' ', email: 'hanako@' }, 'ja')).toEqual({
      'guest.name': 'お名前を入力してください',
      'guest.email': 'メールアドレスの形式が正しくありません',
      'answer.age': '回答してください',
      'answer.photo': '回答してください',
    });
  });
});
