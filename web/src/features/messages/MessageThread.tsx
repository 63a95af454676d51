import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { api, ApiError, type Schemas, unwrap } from '../../api/client';
import { FieldError, ProblemMessage } from '../../components/Problem';
import { formatDateTime } from '../../lib/format';
import { validateMessage } from './messageForm';
import { messageTexts } from './texts';

export type Message = Schemas['Message'];

/** One message and its conversation, with a reply form for whoever may answer. */
export function MessageThread({ message, showOrganization = false }: { message: Message; showOrganization?: boolean }) {
  const text = messageTexts();
  const queryClient = useQueryClient();
  const [body, setBody] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<unknown>();
  const [sending, setSending] = useState(false);
  const fieldId = `reply-${message.id}`;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(undefined);
    const found = validateMessage({ body });
    setErrors(found);
    if (Object.keys(found).length) return;
    setSending(true);
    try {
      unwrap(await api.POST('/api/v1/organizations/{id}/messages/{messageId}/replies', {
        params: { path: { id: message.organizationId, messageId: message.id } },
        body: { body },
      }));
      setBody('');
      await queryClient.invalidateQueries({ queryKey: ['messages'] });
    } catch (err) {
      if (err instanceof ApiError && err.status === 400) setErrors(err.fieldErrors());
      setProblem(err);
    } finally {
      setSending(false);
    }
  };
  return (
    <li className="card" data-testid="message">
      <h3>{message.erased ? text.erased : message.subject}</h3>
      <p className="muted">
        {showOrganization ? (
          <>{text.to}: <Link to={`/organizations/${message.organizationId}`}>{message.organizationName}</Link></>
        ) : (
          <>{text.from}: {message.senderName}</>
        )}{' '}
        · {formatDateTime(message.createdAt)}
      </p>
      {!message.erased && <p style={{ whiteSpace: 'pre-wrap' }}>{message.body}</p>}
      {message.replies && message.replies.length > 0 && (
        <ol className="replies" aria-label={text.replyLabel}>
          {message.replies.map((r) => (
            <li key={r.id} data-testid="message-reply">
              <p className="muted">{r.authorName} · {formatDateTime(r.createdAt)}</p>
              <p style={{ whiteSpace: 'pre-wrap' }}>{r.body ?? text.erased}</p>
            </li>
          ))}
        </ol>
      )}
      {!message.erased && (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <label htmlFor={fieldId}>{message.mine ? text.followUp : text.replyLabel}</label>
          <textarea
            id={fieldId}
            value={body}
            aria-invalid={errors.body ? true : undefined}
            aria-describedby={errors.body ? `${fieldId}-error` : undefined}
            onChange={(e) => setBody(e.target.value)}
          />
          <FieldError id={`${fieldId}-error`} message={errors.body} />
          <p><button type="submit" disabled={sending}>{text.reply}</button></p>
          <ProblemMessage error={problem} />
        </form>
      )}
    </li>
  );
}
