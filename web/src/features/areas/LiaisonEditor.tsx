import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, ApiError, type Schemas, unwrap } from '../../api/client';
import { FieldError, ProblemMessage } from '../../components/Problem';
import { currentLanguage, t } from '../../lib/i18n';

const say = (ja: string, en: string) => (currentLanguage() === 'en' ? en : ja);

/** Staff assign a liaison officer (地域担当職員) to an area, or end an assignment. */
export function LiaisonEditor({ code, area }: { code: string; area: Schemas['Area'] }) {
  const queryClient = useQueryClient();
  const staff = useQuery({
    queryKey: ['staff', code],
    queryFn: async () => unwrap(await api.GET('/api/v1/municipalities/{code}/staff', { params: { path: { code } } })),
  });
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState<'SUPPORTER' | 'COORDINATOR' | 'PRODUCER'>('COORDINATOR');
  const [startsOn, setStartsOn] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['areas', code] });
  const assign = useMutation({
    mutationFn: async () =>
      unwrap(await api.POST('/api/v1/areas/{id}/liaisons', {
        params: { path: { id: area.id! } },
        body: { userId, role, startsOn },
      })),
    onSuccess: () => { setErrors({}); refresh(); },
    onError: (e) => setErrors(e instanceof ApiError ? e.fieldErrors() : {}),
  });
  const end = useMutation({
    mutationFn: async (liaisonId: string) =>
      unwrap(await api.DELETE('/api/v1/areas/{id}/liaisons/{liaisonId}', { params: { path: { id: area.id!, liaisonId } } })),
    onSuccess: refresh,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!userId) found.userId = say('職員を選んでください', 'Choose a staff member');
    if (!startsOn) found.startsOn = say('開始日を入力してください', 'Enter a start date');
    setErrors(found);
    if (Object.keys(found).length === 0) assign.mutate();
  };
  const prefix = `liaison-${area.id}`;
  return (
    <form onSubmit={submit} noValidate className="card" style={{ margin: '.5rem 0' }}>
      <h3 style={{ marginTop: 0 }}>{area.name} — {t('liaisons')}</h3>
      {area.liaisons && area.liaisons.length > 0 && (
        <ul>
          {area.liaisons.map((l) => (
            <li key={l.id}>
              {l.name}（{l.roleLabel}・{l.startsOn}〜{l.endsOn ?? ''}）{' '}
              <button type="button" className="link" onClick={() => end.mutate(l.id!)}>{say('外す', 'Remove')}<span className="skip">: {l.name}</span></button>
            </li>
          ))}
        </ul>
      )}
      <ProblemMessage error={end.error ?? (assign.error instanceof ApiError && assign.error.problem.errors?.length ? undefined : assign.error)} />
      <label htmlFor={`${prefix}-user`}>{say('職員', 'Staff member')}</label>
      <select id={`${prefix}-user`} value={userId} onChange={(e) => setUserId(e.target.value)}
        aria-invalid={errors.userId ? true : undefined} aria-describedby={errors.userId ? `${prefix}-user-error` : undefined}>
        <option value="">—</option>
        {staff.data?.items?.map((s) => <option key={s.userId} value={s.userId}>{s.name}</option>)}
      </select>
      <FieldError id={`${prefix}-user-error`} message={errors.userId} />
      <label htmlFor={`${prefix}-role`}>{t('role')}</label>
      <select id={`${prefix}-role`} value={role} onChange={(e) => setRole(e.target.value as typeof role)}>
        <option value="SUPPORTER">{say('支える', 'Supporter')}</option>
        <option value="COORDINATOR">{say('つなぐ', 'Coordinator')}</option>
        <option value="PRODUCER">{say('掘り起こす', 'Producer')}</option>
      </select>
      <label htmlFor={`${prefix}-starts`}>{say('開始日', 'Starts on')}</label>
      <input id={`${prefix}-starts`} type="date" value={startsOn} onChange={(e) => setStartsOn(e.target.value)}
        aria-invalid={errors.startsOn ? true : undefined} aria-describedby={errors.startsOn ? `${prefix}-starts-error` : undefined} />
      <FieldError id={`${prefix}-starts-error`} message={errors.startsOn} />
      <p><button type="submit" disabled={assign.isPending}>{say('担当に任命する', 'Assign')}</button></p>
    </form>
  );
}
