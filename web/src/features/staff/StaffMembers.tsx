import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, ApiError, unwrap } from '../../api/client';
import { FieldError, ProblemMessage } from '../../components/Problem';
import { currentLanguage, t } from '../../lib/i18n';
import { useMe } from '../session/useMe';

const say = (ja: string, en: string) => (currentLanguage() === 'en' ? en : ja);

/** A municipality's staff; managers appoint staff by the e-mail of someone who has signed in. */
export function StaffMembers({ code }: { code: string }) {
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const isManager = me?.admin || me?.staff?.some((s) => s.municipalityCode === code && s.role === 'MANAGER');
  const staff = useQuery({
    queryKey: ['staff', code],
    queryFn: async () => unwrap(await api.GET('/api/v1/municipalities/{code}/staff', { params: { path: { code } } })),
  });
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<'STAFF' | 'MANAGER'>('STAFF');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const appoint = useMutation({
    mutationFn: async () =>
      unwrap(await api.POST('/api/v1/municipalities/{code}/staff', { params: { path: { code } }, body: { email: email.trim(), role } })),
    onSuccess: () => {
      setEmail('');
      setErrors({});
      queryClient.invalidateQueries({ queryKey: ['staff', code] });
    },
    onError: (e) => setErrors(e instanceof ApiError ? e.fieldErrors() : {}),
  });
  const remove = useMutation({
    mutationFn: async (userId: string) =>
      unwrap(await api.DELETE('/api/v1/municipalities/{code}/staff/{userId}', { params: { path: { code, userId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['staff', code] }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!email.trim()) {
      setErrors({ email: say('メールアドレスを入力してください', 'Enter an e-mail address') });
      return;
    }
    appoint.mutate();
  };
  return (
    <section>
      <h2>{say('職員', 'Staff')}</h2>
      <ProblemMessage error={staff.error ?? remove.error} />
      <div className="table-wrap">
        <table>
          <thead>
            <tr><th scope="col">{t('name')}</th><th scope="col">{t('email')}</th><th scope="col">{t('role')}</th>{isManager && <th scope="col"><span className="skip">{say('操作', 'Actions')}</span></th>}</tr>
          </thead>
          <tbody>
            {staff.data?.items?.map((s) => (
              <tr key={s.userId}>
                <td>{s.name}</td>
                <td>{s.email}</td>
                <td>{s.roleLabel}</td>
                {isManager && (
                  <td>
                    {s.userId !== me?.id && (
                      <button type="button" className="secondary" onClick={() => remove.mutate(s.userId!)} disabled={remove.isPending}>
                        {say('外す', 'Remove')}<span className="skip">: {s.name}</span>
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {isManager && (
        <form onSubmit={submit} noValidate>
          <h3>{say('職員を登録する', 'Appoint a staff member')}</h3>
          <p className="muted">{say('一度ログインしたことのある人のメールアドレスを入力してください。', 'Enter the e-mail of someone who has signed in once.')}</p>
          <label htmlFor="staff-email">{t('email')}</label>
          <input id="staff-email" type="email" value={email} onChange={(e) => setEmail(e.target.value)}
            aria-invalid={errors.email ? true : undefined} aria-describedby={errors.email ? 'staff-email-error' : undefined} />
          <FieldError id="staff-email-error" message={errors.email} />
          <label htmlFor="staff-role">{t('role')}</label>
          <select id="staff-role" value={role} onChange={(e) => setRole(e.target.value as 'STAFF' | 'MANAGER')}>
            <option value="STAFF">{say('職員', 'Staff')}</option>
            <option value="MANAGER">{say('管理職員（プラットフォーム管理者のみ任命できます）', 'Manager (appointed by platform admins)')}</option>
          </select>
          <p><button type="submit" disabled={appoint.isPending}>{say('登録する', 'Appoint')}</button></p>
          {!(appoint.error instanceof ApiError && appoint.error.problem.errors?.length) && <ProblemMessage error={appoint.error} />}
        </form>
      )}
    </section>
  );
}
