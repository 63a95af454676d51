import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, ApiError, unwrap } from '../../api/client';
import { FieldError, ProblemMessage } from '../../components/Problem';
import { isStaffOf, useMe } from '../../lib/auth';
import { fiscalYearLabel, fiscalYearOf, fiscalYearTitle } from '../../lib/fiscalYear';
import { currentLanguage } from '../../lib/i18n';
import { useMunicipality } from '../../lib/municipality';
import { commonTexts } from '../../lib/texts';
import { useAreas } from '../../lib/vocabulary';
import { fiscalYearChoices, toPlanCreate, type PlanFormValues } from './planForm';
import { planTexts } from './texts';

/**
 * Create a plan (/m/:code/plans/new): the municipality's own (its staff) or one of the user's
 * community councils' (their owners and editors), with area, span in 和暦 and vision. A draft.
 */
export default function PlanCreate() {
  const common = commonTexts();
  const text = planTexts();
  const code = useParams().code!;
  const navigate = useNavigate();
  const municipality = useMunicipality(code);
  const { data: me, isPending: meLoading } = useMe();
  const areas = useAreas(code);
  const councils = useQuery({
    queryKey: ['organizations', code, 'councils'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/municipalities/{code}/organizations', {
        params: { path: { code }, query: { type: 'COMMUNITY_COUNCIL', size: 100 } },
      })),
  });
  const isStaff = isStaffOf(me, code);
  const councilIds = new Set((councils.data?.items ?? []).map((o) => o.id));
  const myCouncils = (me?.organizations ?? []).filter(
    (o) => o.municipalityCode === code && o.organizationStatus === 'ACTIVE' && (!councils.data || councilIds.has(o.organizationId)),
  );
  const current = fiscalYearOf(new Date());
  const [values, setValues] = useState<PlanFormValues>({
    title: '', ownerId: '', areaId: '', startFiscalYear: String(current), endFiscalYear: String(current + 4), vision: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const ownerId = values.ownerId || (isStaff ? '' : myCouncils[0]?.organizationId ?? '');
  const set = (field: keyof PlanFormValues) => (e: { target: { value: string } }) => setValues({ ...values, [field]: e.target.value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(undefined);
    const { body, errors: found } = toPlanCreate({ ...values, ownerId }, {
      required: text.missing, endBeforeStart: text.endBeforeStart, spanTooLong: text.spanTooLong,
    });
    setErrors(found);
    if (!body) return;
    setBusy(true);
    try {
      const plan = unwrap(await api.POST('/api/v1/municipalities/{code}/plans', { params: { path: { code } }, body }));
      await navigate(`/plans/${plan.id}`);
    } catch (err) {
      if (err instanceof ApiError) {
        const byField = err.fieldErrors();
        if (byField.organizationId) byField.ownerId = byField.organizationId;
        setErrors(byField);
      }
      setProblem(err);
    } finally {
      setBusy(false);
    }
  };

  if (meLoading) return <p>{common.loading}</p>;
  if (!me || (!isStaff && myCouncils.length === 0 && councils.isFetched)) {
    return (<><h1>{text.newPlan}</h1><p className="notice">{text.notAllowed}</p></>);
  }
  const aria = (name: string) => ({
    id: `plan-${name}`,
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `plan-${name}-error` : undefined,
  });
  const years = fiscalYearChoices(current);
  const language = currentLanguage();
  return (
    <>
      <h1>{municipality.data?.name} {text.newPlan}</h1>
      <ProblemMessage error={problem} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor="plan-title">{text.title}</label>
        <input {...aria('title')} value={values.title} maxLength={200} onChange={set('title')} />
        <FieldError id="plan-title-error" message={errors.title} />

        <label htmlFor="plan-ownerId">{text.owner}</label>
        <select {...aria('ownerId')} value={ownerId} onChange={set('ownerId')}>
          {isStaff && <option value="">{text.ownerMunicipality(municipality.data?.name ?? code)}</option>}
          {myCouncils.map((o) => <option key={o.organizationId} value={o.organizationId}>{o.organizationName}</option>)}
        </select>
        <FieldError id="plan-ownerId-error" message={errors.ownerId} />

        <label htmlFor="plan-areaId">{text.area}</label>
        <select {...aria('areaId')} value={values.areaId} onChange={set('areaId')}>
          <option value="">{text.cityWide}</option>
          {areas.data?.items?.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
        </select>
        <FieldError id="plan-areaId-error" message={errors.areaId} />

        <label htmlFor="plan-startFiscalYear">{text.startYear}</label>
        <select {...aria('startFiscalYear')} className="status" value={values.startFiscalYear} onChange={set('startFiscalYear')}>
          {years.map((y) => <option key={y} value={y} title={fiscalYearTitle(y)}>{fiscalYearLabel(y, language)}</option>)}
        </select>
        <FieldError id="plan-startFiscalYear-error" message={errors.startFiscalYear} />

        <label htmlFor="plan-endFiscalYear">{text.endYear}</label>
        <select {...aria('endFiscalYear')} className="status" value={values.endFiscalYear} onChange={set('endFiscalYear')}>
          {years.map((y) => <option key={y} value={y} title={fiscalYearTitle(y)}>{fiscalYearLabel(y, language)}</option>)}
        </select>
        <FieldError id="plan-endFiscalYear-error" message={errors.endFiscalYear} />

        <label htmlFor="plan-vision">{text.visionField}</label>
        <textarea {...aria('vision')} value={values.vision} maxLength={4000} onChange={set('vision')} />
        <FieldError id="plan-vision-error" message={errors.vision} />

        <p><button type="submit" disabled={busy}>{text.create}</button></p>
      </form>
    </>
  );
}
