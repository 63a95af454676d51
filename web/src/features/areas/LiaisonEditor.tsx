import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, ApiError, type Schemas, unwrap } from '../../api/client';
import { FieldError, ProblemMessage } from '../../components/Problem';
import { formatDate } from '../../lib/format';
import { commonTexts } from '../../lib/texts';
import { areaTexts } from './texts';

type LiaisonRole = Schemas['LiaisonRole'];

/** Staff assign a liaison officer (地域担当職員) to an area, or end an assignment. */
export function LiaisonEditor({ code, area }: { code: string; area: Schemas['Area'] }) {
  const common = commonTexts();
  const text = areaTexts();
  const queryClient = useQueryClient();
  const staff = useQuery({
    queryKey: ['staff', code],
    queryFn: async () => unwrap(await api.GET('/api/v1/municipalities/{code}/staff', { params: { path: { code } } })),
  });
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState<LiaisonRole>('COORDINATOR');
  const [startsOn, setStartsOn] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['areas', code] });
  const assign = useMutation({
    mutationFn: async () =>
      unwrap(await api.POST('/api/v1/areas/{id}/liaisons', {
        params: { path: { id: area.id } },
        body: { userId, role, startsOn },
      })),
    onSuccess: async () => {
      setErrors({});
      await refresh();
    },
    onError: (e) => setErrors(e instanceof ApiError ? e.fieldErrors() : {}),
  });
  const end = useMutation({
    mutationFn: async (liaisonId: string) =>
      unwrap(await api.DELETE('/api/v1/areas/{id}/liaisons/{liaisonId}', { params: { path: { id: area.id, liaisonId } } })),
    onSuccess: refresh,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!userId) found.userId = text.chooseStaff;
    if (!startsOn) found.startsOn = text.enterStartDate;
    setErrors(found);
    if (Object.keys(found).length === 0) assign.mutate();
  };
  const prefix = `liaison-${area.id}`;
  return (
    <form onSubmit={submit} noValidate className="card" style={{ margin: '.5rem 0' }}>
      <h3 style={{ marginTop: 0 }}>{area.name} — {text.liaisons}</h3>
      {area.liaisons.length > 0 && (
        <ul>
          {area.liaisons.map((l) => (
            <li key={l.id}>
              {l.name}（{l.roleLabel}・{formatDate(l.startsOn)}〜{formatDate(l.endsOn)}）{' '}
              <button type="button" className="link" onClick={() => end.mutate(l.id)}>{text.remove}<span className="skip">: {l.name}</span></button>
            </li>
          ))}
        </ul>
      )}
      <ProblemMessage error={end.error ?? (assign.error instanceof ApiError && assign.error.problem.errors?.length ? undefined : assign.error)} />
      <label htmlFor={`${prefix}-user`}>{text.staffMember}</label>
      <select id={`${prefix}-user`} value={userId} onChange={(e) => setUserId(e.target.value)}
        aria-invalid={errors.userId ? true : undefined} aria-describedby={errors.userId ? `${prefix}-user-error` : undefined}>
        <option value="">—</option>
        {staff.data?.items.map((s) => <option key={s.userId} value={s.userId}>{s.name}</option>)}
      </select>
      <FieldError id={`${prefix}-user-error`} message={errors.userId} />
      <label htmlFor={`${prefix}-role`}>{common.role}</label>
      <select id={`${prefix}-role`} value={role} onChange={(e) => setRole(e.target.value as LiaisonRole)}>
        {(Object.entries(text.liaisonRoles) as [LiaisonRole, string][]).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
      </select>
      <label htmlFor={`${prefix}-starts`}>{text.startsOn}</label>
      <input id={`${prefix}-starts`} type="date" value={startsOn} onChange={(e) => setStartsOn(e.target.value)}
        aria-invalid={errors.startsOn ? true : undefined} aria-describedby={errors.startsOn ? `${prefix}-starts-error` : undefined} />
      <FieldError id={`${prefix}-starts-error`} message={errors.startsOn} />
      <p><button type="submit" disabled={assign.isPending}>{text.assign}</button></p>
    </form>
  );
}
