import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, type Schemas, unwrap } from '../../api/client';
import { ProblemMessage } from '../../components/Problem';
import { commonTexts } from '../../lib/texts';
import { sessionTexts } from './texts';

type Settings = Schemas['NotificationSettings'];
type Frequency = Schemas['NotificationKindSetting']['frequency'];
type Kind = Schemas['NotificationKindSetting']['kind'];
const frequencies: Frequency[] = ['IMMEDIATE', 'DAILY', 'WEEKLY', 'NEVER'];

/** My page: which kinds of notification are mailed, how often, in which language, to which address. */
export function NotificationSettings() {
  const common = commonTexts();
  const text = sessionTexts();
  const [saved, setSaved] = useState(false);
  const { data, isPending, error } = useQuery({
    queryKey: ['me', 'notification-settings'],
    queryFn: async () => {
      const result = await api.GET('/api/v1/me/notification-settings');
      return { settings: unwrap(result), etag: result.response.headers.get('ETag') ?? '*' };
    },
  });
  if (isPending) return <p>{common.loading}</p>;
  if (error) return <ProblemMessage error={error} />;
  return (
    <>
      <SettingsForm key={data.etag} initial={data.settings} etag={data.etag} onSaving={() => setSaved(false)}
        onSaved={() => setSaved(true)} />
      {saved && <p className="notice" role="status">{text.mailSettingsSaved}</p>}
    </>
  );
}

function SettingsForm({ initial, etag, onSaving, onSaved }:
  { initial: Settings; etag: string; onSaving: () => void; onSaved: () => void }) {
  const text = sessionTexts();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<Settings>(initial);
  const [saveError, setSaveError] = useState<unknown>();
  const setKind = (kind: Kind, change: Partial<{ enabled: boolean; frequency: Frequency }>) =>
    setForm({ ...form, kinds: form.kinds.map((k) => (k.kind === kind ? { ...k, ...change } : k)) });
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setSaveError(undefined);
    onSaving();
    try {
      unwrap(await api.PUT('/api/v1/me/notification-settings', {
        headers: { 'If-Match': etag },
        body: {
          email: form.email?.trim() ? form.email.trim() : undefined,
          language: form.language,
          digestHour: form.digestHour,
          kinds: form.kinds.map((k) => ({ kind: k.kind, enabled: k.enabled, frequency: k.frequency })),
        },
      }));
      onSaved();
      await queryClient.invalidateQueries({ queryKey: ['me', 'notification-settings'] });
    } catch (err) {
      setSaveError(err);
    }
  };
  return (
    <section aria-labelledby="mail-settings">
      <h2 id="mail-settings">{text.mailSettings}</h2>
      <p className="muted">{text.mailSettingsHelp}</p>
      <form onSubmit={(e) => void save(e)}>
        <label htmlFor="mail-email">{text.mailAddress}</label>
        <input id="mail-email" type="email" value={form.email ?? ''} placeholder={form.accountEmail ?? ''}
          onChange={(e) => setForm({ ...form, email: e.target.value })} autoComplete="email" />
        <label htmlFor="mail-language">{text.mailLanguage}</label>
        <select id="mail-language" value={form.language}
          onChange={(e) => setForm({ ...form, language: e.target.value as Settings['language'] })}>
          <option value="JA">日本語</option>
          <option value="EN">English</option>
        </select>
        <label htmlFor="mail-hour">{text.digestHour}</label>
        <select id="mail-hour" value={form.digestHour}
          onChange={(e) => setForm({ ...form, digestHour: Number(e.target.value) })}>
          {Array.from({ length: 24 }, (_, h) => <option key={h} value={h}>{`${h}:00`}</option>)}
        </select>
        <table>
          <caption>{text.mailKinds}</caption>
          <thead>
            <tr><th scope="col">{text.mailKind}</th><th scope="col">{text.mailOn}</th><th scope="col">{text.mailFrequency}</th></tr>
          </thead>
          <tbody>
            {form.kinds.map((k) => (
              <tr key={k.kind}>
                <th scope="row">{k.label}</th>
                <td>
                  <input type="checkbox" id={`mail-on-${k.kind}`} aria-label={`${k.label}: ${text.mailOn}`}
                    checked={k.enabled} onChange={(e) => setKind(k.kind, { enabled: e.target.checked })} />
                </td>
                <td>
                  <select aria-label={`${k.label}: ${text.mailFrequency}`} value={k.frequency} disabled={!k.enabled}
                    onChange={(e) => setKind(k.kind, { frequency: e.target.value as Frequency })}>
                    {frequencies.map((f) => <option key={f} value={f}>{text.frequencies[f]}</option>)}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p><button type="submit">{text.saveMailSettings}</button></p>
      </form>
      <ProblemMessage error={saveError} />
    </section>
  );
}
