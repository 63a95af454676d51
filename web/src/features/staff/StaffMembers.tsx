import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, ApiError, type Schemas, unwrap } from '../../api/client';
import { FieldError, ProblemMessage } from '../../components/Problem';
import { useMe } from '../../lib/auth';
import { commonTexts } from '../../lib/texts';
import { staffTexts } from './texts';

type StaffRole = Schemas['StaffRole'];

/** A municipality's staff; managers appoint staff by the e-mail of someone who has signed in. */
export function StaffMembers({ code }: { code: string }) {
  const common = commonTexts();
  const text = staffTexts();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const isManager = !!me && (me.admin || me.staff.some((s) => s.municipalityCode === code && s.role === 'MANAGER'));
  const staff = useQuery({
    queryKey: ['staff', code],
    queryFn: async () => unwrap(await api.GET('/api/v1/municipalities/{code}/staff', { params: { path: { code } } })),
  });
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<StaffRole>('STAFF');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const appoint = useMutation({
    mutationFn: async () =>
      unwrap(await api.POST('/api/v1/municipalities/{code}/staff', { params: { path: { code } }, body: { email: email.trim(), role } })),
    onSuccess: () => {
      setEmail('');
      setErrors({});
      return queryClient.invalidateQueries({ queryKey: ['staff', code] });
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
      setErrors({ email: text.enterEmail });
      return;
    }
    appoint.mutate();
  };
  return (
    <section>
      <h2>{text.staff}</h2>
      <ProblemMessage error={staff.error ?? remove.error} />
      <div className="table-wrap">
        <table>
          <thead>
            <tr><th scope="col">{common.name}</th><th scope="col">{common.email}</th><th scope="col">{common.role}</th>{isManager && <th scope="col"><span className="skip">{text.actions}</span></th>}</tr>
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
                      <button type="button" className="secondary" onClick={() => remove.mutate(s.userId)} disabled={remove.isPending}>
                        {text.remove}<span className="skip">: {s.name}</span>
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
          <h3>{text.appoint}</h3>
          <p className="muted">{text.appointHint}</p>
          <label htmlFor="staff-email">{common.email}</label>
          <input id="staff-email" type="email" value={email} onChange={(e) => setEmail(e.target.value)}
            aria-invalid={errors.email ? true : undefined} aria-describedby={errors.email ? 'staff-email-error' : undefined} />
          <FieldError id="staff-email-error" message={errors.email} />
          <label htmlFor="staff-role">{common.role}</label>
          <select id="staff-role" value={role} onChange={(e) => setRole(e.target.value as StaffRole)}>
            <option value="STAFF">{text.roles.STAFF}</option>
            <option value="MANAGER">{text.roles.MANAGER}</option>
          </select>
          <p><button type="submit" disabled={appoint.isPending}>{text.register}</button></p>
          {!(appoint.error instanceof ApiError && appoint.error.problem.errors?.length) && <ProblemMessage error={appoint.error} />}
        </form>
      )}
    </section>
  );
}
