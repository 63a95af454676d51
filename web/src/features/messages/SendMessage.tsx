import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, ApiError, unwrap } from '../../api/client';
import { FieldError, ProblemMessage } from '../../components/Problem';
import { signInUrl } from '../../lib/auth';
import { validateMessage } from './messageForm';
import { messageTexts } from './texts';

/** 「メッセージを送る」: the way to reach an organisation without its address. */
export function SendMessage({ organizationId, signedIn }: { organizationId: string; signedIn: boolean }) {
  const text = messageTexts();
  const queryClient = useQueryClient();
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<unknown>();
  const [sent, setSent] = useState(false);
  const [sending, setSending] = useState(false);
  if (!signedIn) {
    return (
      <section aria-labelledby="send-message">
        <h2 id="send-message">{text.sendMessage}</h2>
        <p><a href={signInUrl()}>{text.signInToMessage}</a></p>
      </section>
    );
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(undefined);
    setSent(false);
    const found = validateMessage({ subject, body });
    setErrors(found);
    if (Object.keys(found).length) return;
    setSending(true);
    try {
      unwrap(await api.POST('/api/v1/organizations/{id}/messages', {
        params: { path: { id: organizationId } },
        body: { subject, body },
      }));
      setSubject('');
      setBody('');
      setSent(true);
      await queryClient.invalidateQueries({ queryKey: ['messages'] });
    } catch (err) {
      if (err instanceof ApiError && err.status === 400) setErrors(err.fieldErrors());
      setProblem(err);
    } finally {
      setSending(false);
    }
  };
  return (
    <section aria-labelledby="send-message">
      <h2 id="send-message">{text.sendMessage}</h2>
      <p className="muted">{text.sendMessageNote}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor="message-subject">{text.subject}</label>
        <input
          id="message-subject"
          value={subject}
          maxLength={200}
          aria-invalid={errors.subject ? true : undefined}
          aria-describedby={errors.subject ? 'message-subject-error' : undefined}
          onChange={(e) => setSubject(e.target.value)}
        />
        <FieldError id="message-subject-error" message={errors.subject} />
        <label htmlFor="message-body">{text.body}</label>
        <textarea
          id="message-body"
          value={body}
          aria-invalid={errors.body ? true : undefined}
          aria-describedby={errors.body ? 'message-body-error' : undefined}
          onChange={(e) => setBody(e.target.value)}
        />
        <FieldError id="message-body-error" message={errors.body} />
        <p><button type="submit" disabled={sending}>{text.send}</button></p>
      </form>
      <ProblemMessage error={problem} />
      {sent && <p className="notice" role="status">{text.sent}</p>}
    </section>
  );
}
