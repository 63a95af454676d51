import { ApiError, isStale } from '../api/client';
import { commonTexts } from '../lib/texts';

/**
 * An error from the API as a person reads it: the problem's title and detail (RFC 9457). When
 * someone else saved first (412), it says so and offers to reload the latest version.
 */
export function ProblemMessage({ error, onReload }: { error: unknown; onReload?: () => void }) {
  const common = commonTexts();
  if (!error) return null;
  if (isStale(error)) {
    return (
      <div className="alert" role="alert">
        <p>{common.staleEdit}</p>
        {onReload && <button type="button" className="secondary" onClick={onReload}>{common.reloadLatest}</button>}
      </div>
    );
  }
  const message =
    error instanceof ApiError
      ? [error.problem.title, error.problem.detail].filter(Boolean).join(': ')
      : error instanceof Error
        ? error.message
        : typeof error === 'string'
          ? error
          : '';
  return (
    <div className="alert" role="alert">
      <strong>{common.errorTitle}</strong> {message}
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
