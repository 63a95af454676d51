import type { Language } from '../../lib/i18n';
import { eventTexts } from './texts';
import type { Answer, Question } from './types';

/** What a person answers: text for TEXT and single choice, the choices for multiple choice, checked for a checkbox. */
export type AnswerValues = Record<string, string | string[] | boolean>;

export interface GuestValues {
  name: string;
  email: string;
}

/** The answers as the API takes them, one per question answered. */
export function toAnswers(questions: readonly Question[], values: AnswerValues): Answer[] {
  return questions.flatMap((q): Answer[] => {
    const value = values[q.key];
    switch (q.kind) {
      case 'TEXT':
        return typeof value === 'string' && value.trim() !== '' ? [{ key: q.key, text: value.trim() }] : [];
      case 'SINGLE_CHOICE':
        return typeof value === 'string' && value !== '' ? [{ key: q.key, choices: [value] }] : [];
      case 'MULTIPLE_CHOICE':
        return Array.isArray(value) && value.length > 0 ? [{ key: q.key, choices: value }] : [];
      case 'CHECKBOX':
        return [{ key: q.key, checked: value === true }];
    }
  });
}

const answered = (q: Question, value: AnswerValues[string] | undefined) =>
  q.kind === 'CHECKBOX' ? value === true : Array.isArray(value) ? value.length > 0 : typeof value === 'string' && value.trim() !== '';

/** What to fix before registering: a required answer left out, a guest's name or e-mail (`answer.q1`, `guest.email`). */
export function validateRegistration(
  questions: readonly Question[],
  values: AnswerValues,
  guest: GuestValues | undefined,
  language?: Language,
): Record<string, string> {
  const text = eventTexts(language);
  const errors: Record<string, string> = {};
  if (guest) {
    if (guest.name.trim() === '') errors['guest.name'] = text.enterName;
    if (guest.email.trim() === '') errors['guest.email'] = text.enterEmail;
    else if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(guest.email.trim())) errors['guest.email'] = text.invalidEmail;
  }
  for (const q of questions) {
    if (q.required && !answered(q, values[q.key])) errors[`answer.${q.key}`] = text.answerRequired;
  }
  return errors;
}
