import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, ApiError, ifMatch, type Schemas, unwrap } from '../../api/client';
import { FieldError, ProblemMessage } from '../../components/Problem';
import { commonTexts } from '../../lib/texts';
import { type AreaFormValues, emptyAreaForm, formFromArea, toAreaWrite, validateArea } from './areaForm';
import { areaTexts } from './texts';

/** Staff create an area, or correct one (name, place in the tree, profile figures). */
export function AreaEditor({ code, areas, area, onDone }: {
  code: string;
  areas: Schemas['Area'][];
  area?: Schemas['Area'];
  onDone: () => void;
}) {
  const common = commonTexts();
  const text = areaTexts();
  const queryClient = useQueryClient();
  const prefix = area ? `area-${area.id}` : 'new-area';
  const [values, setValues] = useState<AreaFormValues>(area ? formFromArea(area) : emptyAreaForm);
  // The version the form was filled from: the one the save names in If-Match.
  const [version, setVersion] = useState(area?.version);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<unknown>();
  const set = (field: keyof AreaFormValues) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(undefined);
    const found = validateArea(values);
    setErrors(found);
    if (Object.keys(found).length) return;
    try {
      const body = toAreaWrite(values);
      if (area && version !== undefined) {
        unwrap(await api.PUT('/api/v1/areas/{id}', { params: { path: { id: area.id }, header: ifMatch(version) }, body }));
      } else {
        unwrap(await api.POST('/api/v1/municipalities/{code}/areas', { params: { path: { code } }, body }));
      }
      await queryClient.invalidateQueries({ queryKey: ['areas', code] });
      onDone();
    } catch (err) {
      if (err instanceof ApiError && !err.stale) setErrors(err.fieldErrors());
      setProblem(err);
    }
  };
  const reloadLatest = async () => {
    if (!area) return;
    try {
      const latest = unwrap(await api.GET('/api/v1/areas/{id}', { params: { path: { id: area.id } } }));
      setValues(formFromArea(latest));
      setVersion(latest.version);
      setErrors({});
      setProblem(undefined);
      await queryClient.invalidateQueries({ queryKey: ['areas', code] });
    } catch (err) {
      setProblem(err);
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
    <form onSubmit={(e) => void submit(e)} noValidate className="card" style={{ margin: '.5rem 0' }}>
      <ProblemMessage error={problem} onReload={() => void reloadLatest()} />
      {field('name', `${common.name}（${common.required}）`)}
      {field('nameKana', common.nameKana)}
      <label htmlFor={`${prefix}-kind`}>{text.kind}</label>
      <select id={`${prefix}-kind`} value={values.kind} onChange={(e) => set('kind')(e.target.value)}>
        {Object.entries(text.kinds).map(([kind, label]) => <option key={kind} value={kind}>{label}</option>)}
      </select>
      <label htmlFor={`${prefix}-parentId`}>{text.parentArea}</label>
      <select id={`${prefix}-parentId`} value={values.parentId} onChange={(e) => set('parentId')(e.target.value)}
        aria-invalid={errors.parentId ? true : undefined} aria-describedby={errors.parentId ? `${prefix}-parentId-error` : undefined}>
        <option value="">{text.noParent}</option>
        {areas.filter((a) => a.id !== area?.id).map((a) => (
          <option key={a.id} value={a.id}>{'\u3000'.repeat(a.depth)}{a.name}</option>
        ))}
      </select>
      <FieldError id={`${prefix}-parentId-error`} message={errors.parentId} />
      {field('population', text.population)}
      {field('households', text.households)}
      {field('aged65Share', `${text.aged65Share}（%）`)}
      {field('profileAsOf', text.figuresAsOf, 'date')}
      <p>
        <button type="submit">{common.save}</button>{' '}
        <button type="button" className="secondary" onClick={onDone}>{common.cancel}</button>
      </p>
    </form>
  );
}
