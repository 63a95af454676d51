import type { Schemas } from '../../api/client';
import { parseFigure } from './indicatorDisplay';

export interface ValueFormValues {
  fiscalYear: string;
  actual: string;
  target: string;
  note: string;
}

/** The form's fields for a year, filled from its stored figures (empty when it has none). */
export function valueFormFor(
  fiscalYear: string,
  stored: Pick<Schemas['IndicatorValue'], 'fiscalYear' | 'actual' | 'target' | 'note'>[] | undefined,
): ValueFormValues {
  const row = stored?.find((v) => String(v.fiscalYear) === fiscalYear);
  const text = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));
  return { fiscalYear, actual: text(row?.actual), target: text(row?.target), note: row?.note ?? '' };
}

/**
 * The request for one year's actual, target and note — an empty field clears that figure — or the
 * errors to show next to the fields. The baseline is left as it is, and so is the actual of a computed
 * indicator (derived from the events: the API refuses a typed one).
 */
export function toValueWrite(
  values: ValueFormValues,
  messages: { chooseYear: string; enterNumber: string },
  computed = false,
): { body?: Schemas['IndicatorValueWrite']; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const actual = computed ? null : parseFigure(values.actual);
  const target = parseFigure(values.target);
  if (!values.fiscalYear) errors.fiscalYear = messages.chooseYear;
  if (actual === 'invalid') errors.actual = messages.enterNumber;
  if (target === 'invalid') errors.target = messages.enterNumber;
  if (Object.keys(errors).length) return { errors };
  const note = values.note.trim();
  return {
    body: {
      ...(!computed && { actual: actual as number | null }),
      target: target as number | null,
      note: note === '' ? null : note,
    },
    errors,
  };
}
