import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, ApiError, ifMatch, unwrap, type Schemas } from '../../api/client';
import { FieldError, ProblemMessage } from '../../components/Problem';
import { signInUrl, useMe } from '../../lib/auth';
import { commonTexts } from '../../lib/texts';
import { useAreas } from '../../lib/vocabulary';
import { eventKindLabels, eventKinds } from '../events';
import {
  directions, emptyIndicatorForm, formFromIndicator, type IndicatorFormValues, measures, sources, toIndicatorWrite, validateIndicator,
} from './indicatorForm';
import { indicatorTexts } from './texts';

/** Create a municipality's indicator (/m/:code/indicators/new) or edit one (/indicators/:id/edit). */
export default function IndicatorEdit() {
  const common = commonTexts();
  const { code, id } = useParams();
  const { data: me, isPending } = useMe();
  const existing = useQuery({
    queryKey: ['indicator', id],
    enabled: !!id,
    queryFn: async () => unwrap(await api.GET('/api/v1/indicators/{id}', { params: { path: { id: id! } } })),
  });
  if (!isPending && !me) return <p><a href={signInUrl()}>{common.signIn}</a></p>;
  if (!id) return <IndicatorForm code={code!} />;
  if (existing.error) return <ProblemMessage error={existing.error} />;
  if (!existing.data) return <p>{common.loading}</p>;
  return <IndicatorForm key={existing.data.id} code={existing.data.municipalityCode} indicator={existing.data} />;
}

function IndicatorForm({ code, indicator }: { code: string; indicator?: Schemas['Indicator'] }) {
  const common = commonTexts();
  const text = indicatorTexts();
  const kindLabels = eventKindLabels();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const areas = useAreas(code);
  const [values, setValues] = useState<IndicatorFormValues>(() => (indicator ? formFromIndicator(indicator) : emptyIndicatorForm));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<unknown>();
  const [saving, setSaving] = useState(false);

  const set = <K extends keyof IndicatorFormValues>(field: K, value: IndicatorFormValues[K]) => setValues((v) => ({ ...v, [field]: value }));
  const toggle = <K extends 'kinds' | 'areaIds'>(field: K, key: IndicatorFormValues[K][number]) =>
    setValues((v) => {
      const list = v[field] as string[];
      return { ...v, [field]: list.includes(key) ? list.filter((k) => k !== key) : [...list, key] };
    });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(undefined);
    const found = validateIndicator(values, text.enterText);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    try {
      const body = toIndicatorWrite(values, indicator);
      const saved = indicator
        ? unwrap(await api.PUT('/api/v1/indicators/{id}', { params: { path: { id: indicator.id }, header: ifMatch(indicator.version) }, body }))
        : unwrap(await api.POST('/api/v1/municipalities/{code}/indicators', { params: { path: { code } }, body }));
      queryClient.setQueryData(['indicator', saved.id], saved);
      await queryClient.invalidateQueries({ queryKey: ['indicators'] });
      await navigate(`/indicators/${saved.id}`);
    } catch (err) {
      if (err instanceof ApiError && !err.stale && err.problem.errors?.length) setErrors(err.fieldErrors());
      setProblem(err);
    } finally {
      setSaving(false);
    }
  };

  /** A field with its label and its error; the id is the API's field name with dots as dashes. */
  const field = (name: string, label: ReactNode, input: (props: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode) => {
    const id = name.replace(/\W/g, '-');
    const error = errors[name];
    return (
      <div>
        <label htmlFor={id}>{label}</label>
        {input({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? `${id}-error` : undefined })}
        <FieldError id={`${id}-error`} message={error} />
      </div>
    );
  };
  /** A group of check boxes with its legend and its error. */
  const choices = (name: string, legend: string, options: { key: string; label: string; checked: boolean; onChange: () => void }[]) => {
    const id = name.replace(/\W/g, '-');
    const error = errors[name];
    return (
      <fieldset id={id} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
        <legend>{legend}</legend>
        <div className="checkboxes">
          {options.map((o) => (
            <label key={o.key}><input type="checkbox" checked={o.checked} onChange={o.onChange} />{o.label}</label>
          ))}
        </div>
        <FieldError id={`${id}-error`} message={error} />
      </fieldset>
    );
  };
  const required = <span className="muted"> （{common.required}）</span>;
  const computed = values.source === 'PLATFORM';

  return (
    <>
      <h1>{indicator ? `${indicator.name} ${common.edit}` : text.newIndicator}</h1>
      <ProblemMessage error={problem} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        {field('name', <>{text.name}{required}</>, (props) => (
          <input {...props} value={values.name} onChange={(e) => set('name', e.target.value)} />
        ))}
        {field('unit', <>{text.unit}{required}</>, (props) => (
          <input {...props} value={values.unit} onChange={(e) => set('unit', e.target.value)} />
        ))}
        {field('direction', text.direction, (props) => (
          <select {...props} value={values.direction} onChange={(e) => set('direction', e.target.value as IndicatorFormValues['direction'])}>
            {directions.map((d) => <option key={d} value={d}>{text.directions[d]}</option>)}
          </select>
        ))}
        {field('source', text.source, (props) => (
          <select {...props} value={values.source} onChange={(e) => set('source', e.target.value as IndicatorFormValues['source'])}>
            {sources.map((s) => <option key={s} value={s}>{text.sources[s]}</option>)}
          </select>
        ))}
        {computed && (
          <fieldset>
            <legend>{text.sources.PLATFORM}</legend>
            <p className="muted">{text.computedFormHint}</p>
            {field('computed.measure', text.measure, (props) => (
              <select {...props} value={values.measure} onChange={(e) => set('measure', e.target.value as IndicatorFormValues['measure'])}>
                {measures.map((m) => <option key={m} value={m}>{text.measures[m]}</option>)}
              </select>
            ))}
            {choices('computed.kinds', text.kinds, eventKinds.map((k) => ({
              key: k, label: kindLabels[k], checked: values.kinds.includes(k), onChange: () => toggle('kinds', k),
            })))}
            {choices('computed.areaIds', text.areas, (areas.data?.items ?? []).map((a) => ({
              key: a.id, label: a.name, checked: values.areaIds.includes(a.id), onChange: () => toggle('areaIds', a.id),
            })))}
          </fieldset>
        )}
        {errors.computed && <FieldError id="computed-error" message={errors.computed} />}
        {field('definition', text.definition, (props) => (
          <textarea {...props} rows={3} value={values.definition} onChange={(e) => set('definition', e.target.value)} />
        ))}
        <p><button type="submit" disabled={saving}>{common.save}</button></p>
      </form>
    </>
  );
}
