import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, ApiError, type Schemas, unwrap } from '../../api/client';
import { FieldError, ProblemMessage } from '../../components/Problem';
import { fiscalYearTitle } from '../../lib/fiscalYear';
import { commonTexts } from '../../lib/texts';
import { toReviewWrite, type ReviewFormValues } from './planForm';
import { planTexts } from './texts';

type ReviewKind = Schemas['ReviewKind'];
const KINDS: ReviewKind[] = ['SELF', 'MUTUAL', 'THIRD_PARTY'];

const empty: ReviewFormValues = { fiscalYear: '', kind: 'SELF', evaluator: '', summary: '', findings: '', nextActions: '' };

/** ふりかえり: the reviews of each fiscal year, newest first, and for editors the form to record one. */
export function PlanReviews({ plan }: { plan: Schemas['Plan'] }) {
  const common = commonTexts();
  const text = planTexts();
  const id = plan.id;
  const queryClient = useQueryClient();
  const reviews = useQuery({
    queryKey: ['plan', id, 'reviews'],
    queryFn: async () => unwrap(await api.GET('/api/v1/plans/{id}/reviews', { params: { path: { id }, query: { size: 100 } } })),
  });
  const [values, setValues] = useState<ReviewFormValues>(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const set = (field: keyof ReviewFormValues) => (e: { target: { value: string } }) =>
    setValues({ ...values, [field]: e.target.value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(undefined);
    setSaved(false);
    const { body, errors: found } = toReviewWrite(values, text.missing);
    setErrors(found);
    if (!body) return;
    setBusy(true);
    try {
      unwrap(await api.POST('/api/v1/plans/{id}/reviews', { params: { path: { id } }, body }));
      setValues(empty);
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: ['plan', id, 'reviews'] });
    } catch (err) {
      if (err instanceof ApiError) setErrors(err.fieldErrors());
      setProblem(err);
    } finally {
      setBusy(false);
    }
  };

  const field = (name: keyof ReviewFormValues) => ({
    id: `review-${name}`,
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `review-${name}-error` : undefined,
  });
  const items = [...(reviews.data?.items ?? [])].sort((a, b) => (b.fiscalYear ?? 0) - (a.fiscalYear ?? 0));
  return (
    <section aria-labelledby="reviews-heading">
      <h2 id="reviews-heading">{text.reviews}</h2>
      <ProblemMessage error={reviews.error} />
      {reviews.data && items.length === 0 && <p>{text.noReviews}</p>}
      {items.map((r) => (
        <article className="review" key={r.id} aria-labelledby={`review-${r.id}`}>
          <h3 id={`review-${r.id}`}>
            <span title={fiscalYearTitle(r.fiscalYear)}>{r.fiscalYearLabel}</span> {r.kindLabel}
            {r.evaluator ? `（${r.evaluator}）` : ''}
          </h3>
          <dl className="facts">
            <dt>{text.summary}</dt><dd>{r.summary}</dd>
            {r.findings && (<><dt>{text.findings}</dt><dd>{r.findings}</dd></>)}
            {r.nextActions && (<><dt>{text.nextActions}</dt><dd>{r.nextActions}</dd></>)}
            {r.authorName && (<><dt>{text.recordedBy}</dt><dd>{r.authorName}</dd></>)}
          </dl>
        </article>
      ))}

      {plan.canEdit && plan.status !== 'ARCHIVED' && (
        <>
          <h3>{text.writeReview}</h3>
          <ProblemMessage error={problem} />
          {saved && <p className="notice" role="status">{text.reviewSaved}</p>}
          <form onSubmit={(e) => void submit(e)} noValidate>
            <label htmlFor="review-fiscalYear">{common.fiscalYear}</label>
            <select {...field('fiscalYear')} className="status" value={values.fiscalYear} onChange={set('fiscalYear')}>
              <option value="">—</option>
              {(plan.fiscalYears ?? []).map((y) => (
                <option key={y.fiscalYear} value={y.fiscalYear} title={fiscalYearTitle(y.fiscalYear)}>{y.fiscalYearLabel}</option>
              ))}
            </select>
            <FieldError id="review-fiscalYear-error" message={errors.fiscalYear} />
            <label htmlFor="review-kind">{text.reviewKind}</label>
            <select {...field('kind')} className="status" value={values.kind} onChange={set('kind')}>
              {KINDS.map((k) => <option key={k} value={k}>{text.reviewKinds[k]}</option>)}
            </select>
            <FieldError id="review-kind-error" message={errors.kind} />
            <label htmlFor="review-evaluator">{text.evaluator}</label>
            <input {...field('evaluator')} value={values.evaluator} maxLength={200} onChange={set('evaluator')} />
            <FieldError id="review-evaluator-error" message={errors.evaluator} />
            <label htmlFor="review-summary">{text.summary}</label>
            <textarea {...field('summary')} value={values.summary} onChange={set('summary')} />
            <FieldError id="review-summary-error" message={errors.summary} />
            <label htmlFor="review-findings">{text.findings}</label>
            <textarea {...field('findings')} value={values.findings} onChange={set('findings')} />
            <FieldError id="review-findings-error" message={errors.findings} />
            <label htmlFor="review-nextActions">{text.nextActions}</label>
            <textarea {...field('nextActions')} value={values.nextActions} onChange={set('nextActions')} />
            <FieldError id="review-nextActions-error" message={errors.nextActions} />
            <p><button type="submit" disabled={busy}>{common.save}</button></p>
          </form>
        </>
      )}
    </section>
  );
}
