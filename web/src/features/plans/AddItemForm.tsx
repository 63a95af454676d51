import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, ApiError, type Schemas, unwrap } from '../../api/client';
import { FieldError, ProblemMessage } from '../../components/Problem';
import { toItemWrite } from './planForm';
import { planTexts } from './texts';

/** Adds an item under a parent (or at the top); the code is generated when left empty. */
export function AddItemForm({ planId, items }: { planId: string; items: Schemas['PlanItem'][] }) {
  const text = planTexts();
  const queryClient = useQueryClient();
  const [values, setValues] = useState({ parentItemId: '', code: '', title: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<unknown>();
  const [added, setAdded] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(undefined);
    setAdded(undefined);
    const { body, errors: found } = toItemWrite(values, text.missing);
    setErrors(found);
    if (!body) return;
    setBusy(true);
    try {
      const item = unwrap(await api.POST('/api/v1/plans/{id}/items', { params: { path: { id: planId } }, body }));
      setAdded(`${item.code} ${item.title}`);
      setValues({ ...values, code: '', title: '' });
      await queryClient.invalidateQueries({ queryKey: ['plan', planId] });
    } catch (err) {
      if (err instanceof ApiError) setErrors(err.fieldErrors());
      setProblem(err);
    } finally {
      setBusy(false);
    }
  };
  const aria = (name: string) => ({
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `item-${name}-error` : undefined,
  });
  return (
    <section aria-labelledby="add-item-heading">
      <h3 id="add-item-heading">{text.addItem}</h3>
      <ProblemMessage error={problem} />
      {added && <p className="notice" role="status">{text.itemAdded}: {added}</p>}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor="item-parentItemId">{text.parentItem}</label>
        <select id="item-parentItemId" value={values.parentItemId} {...aria('parentItemId')}
          onChange={(e) => setValues({ ...values, parentItemId: e.target.value })}>
          <option value="">{text.topLevel}</option>
          {items.map((i) => (
            <option key={i.id} value={i.id}>{'　'.repeat(i.depth)}{i.code} {i.title}</option>
          ))}
        </select>
        <FieldError id="item-parentItemId-error" message={errors.parentItemId} />
        <label htmlFor="item-code">{text.itemCode}</label>
        <input id="item-code" value={values.code} maxLength={40} {...aria('code')}
          onChange={(e) => setValues({ ...values, code: e.target.value })} />
        <FieldError id="item-code-error" message={errors.code} />
        <label htmlFor="item-title">{text.itemTitle}</label>
        <input id="item-title" value={values.title} maxLength={500} {...aria('title')}
          onChange={(e) => setValues({ ...values, title: e.target.value })} />
        <FieldError id="item-title-error" message={errors.title} />
        <p><button type="submit" disabled={busy}>{text.addItem}</button></p>
      </form>
    </section>
  );
}
