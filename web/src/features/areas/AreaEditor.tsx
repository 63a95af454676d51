import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, ApiError, type Schemas, unwrap } from '../../api/client';
import { FieldError, ProblemMessage } from '../../components/Problem';
import { currentLanguage, t } from '../../lib/i18n';
import { type AreaFormValues, emptyAreaForm, formFromArea, toAreaWrite, validateArea } from './areaForm';

const say = (ja: string, en: string) => (currentLanguage() === 'en' ? en : ja);
const KINDS: Record<string, [string, string]> = {
  DISTRICT: ['地区', 'District'], SCHOOL_ZONE: ['校区', 'School zone'], NEIGHBOURHOOD: ['町内', 'Neighbourhood'], OTHER: ['その他', 'Other'],
};

/** Staff create an area, or correct one (name, place in the tree, profile figures). */
export function AreaEditor({ code, areas, area, onDone }: {
  code: string;
  areas: Schemas['Area'][];
  area?: Schemas['Area'];
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const prefix = area ? `area-${area.id}` : 'new-area';
  const [values, setValues] = useState<AreaFormValues>(area ? formFromArea(area) : emptyAreaForm);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<unknown>();
  const set = (field: keyof AreaFormValues) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(undefined);
    const found = validateArea(values, currentLanguage());
    setErrors(found);
    if (Object.keys(found).length) return;
    try {
      const body = toAreaWrite(values);
      if (area) {
        unwrap(await api.PUT('/api/v1/areas/{id}', { params: { path: { id: area.id! }, header: { 'If-Match': `"${area.version}"` } }, body }));
      } else {
        unwrap(await api.POST('/api/v1/municipalities/{code}/areas', { params: { path: { code } }, body }));
      }
      await queryClient.invalidateQueries({ queryKey: ['areas', code] });
      onDone();
    } catch (err) {
      if (err instanceof ApiError && err.status === 412) setProblem(new Error(t('staleEdit')));
      else {
        if (err instanceof ApiError) setErrors(err.fieldErrors());
        setProblem(err);
      }
    }
  };
  const field = (name: keyof AreaFormValues, label: string, type = 'text') => (
    <div>
      <label htmlFor={`${prefix}-${name}`}>{label}</label>
      <input id={`${prefix}-${name}`} type={type} value={values[name]} onChange={(e) => set(name)(e.target.value)}
        inputMode={type === 'text' && name !== 'name' && name !== 'nameKana' ? 'decimal' : undefined}
        aria-invalid={errors[name] ? true : undefined} aria-describedby={errors[name] ? `${prefix}-${name}-error` : undefined} />
      <FieldError id={`${prefix}-${name}-error`} message={errors[name]} />
    </div>
  );
  return (
    <form onSubmit={submit} noValidate className="card" style={{ margin: '.5rem 0' }}>
      <ProblemMessage error={problem} />
      {field('name', `${t('name')}（${t('required')}）`)}
      {field('nameKana', t('nameKana'))}
      <label htmlFor={`${prefix}-kind`}>{say('区分', 'Kind')}</label>
      <select id={`${prefix}-kind`} value={values.kind} onChange={(e) => set('kind')(e.target.value)}>
        {Object.entries(KINDS).map(([k, [ja, en]]) => <option key={k} value={k}>{currentLanguage() === 'en' ? en : ja}</option>)}
      </select>
      <label htmlFor={`${prefix}-parentId`}>{say('上位の地域', 'Parent area')}</label>
      <select id={`${prefix}-parentId`} value={values.parentId} onChange={(e) => set('parentId')(e.target.value)}
        aria-invalid={errors.parentId ? true : undefined} aria-describedby={errors.parentId ? `${prefix}-parentId-error` : undefined}>
        <option value="">{say('なし（最上位）', 'None (top level)')}</option>
        {areas.filter((a) => a.id !== area?.id).map((a) => (
          <option key={a.id} value={a.id}>{'\u3000'.repeat(a.depth ?? 0)}{a.name}</option>
        ))}
      </select>
      <FieldError id={`${prefix}-parentId-error`} message={errors.parentId} />
      {field('population', t('population'))}
      {field('households', t('households'))}
      {field('aged65Share', `${t('aged65Share')}（%）`)}
      {field('profileAsOf', say('数値の時点', 'Figures as of'), 'date')}
      <p>
        <button type="submit">{t('save')}</button>{' '}
        <button type="button" className="secondary" onClick={onDone}>{t('cancel')}</button>
      </p>
    </form>
  );
}
