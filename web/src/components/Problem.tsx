import { ApiError } from '../api/client';
import { t } from '../lib/i18n';

/** An error from the API as a person reads it: the problem's title and detail. */
export function ProblemMessage({ error }: { error: unknown }) {
  if (!error) return null;
  const message =
    error instanceof ApiError
      ? [error.problem.title, error.problem.detail].filter(Boolean).join(': ')
      : error instanceof Error
        ? error.message
        : String(error);
  return (
    <div className="alert" role="alert">
      <strong>{t('errorTitle')}</strong> {message}
    </div>
  );
}

/** The message for one field, tied to its input by id for screen readers. */
export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p className="field-error" id={id}>
      {message}
    </p>
  );
}
