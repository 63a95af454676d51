import type { Language } from '../../lib/i18n';
import { messageTexts } from './texts';

export const MAX_SUBJECT = 200;
export const MAX_BODY = 4000;

/** What the browser can tell before the API does: empty or too long. */
export function validateMessage(v: { subject?: string; body: string }, language?: Language): Record<string, string> {
  const text = messageTexts(language);
  const errors: Record<string, string> = {};
  if (v.subject !== undefined) {
    if (v.subject.trim() === '') errors.subject = text.required;
    else if (v.subject.length > MAX_SUBJECT) errors.subject = text.tooLong;
  }
  if (v.body.trim() === '') errors.body = text.required;
  else if (v.body.length > MAX_BODY) errors.body = text.tooLong;
  return errors;
}
