import { useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, type Schemas, unwrap } from '../../api/client';
import { CsvImport } from '../../components/CsvImport';
import { planTexts } from './texts';

/** The item tree as CSV: a download for everyone, an import (all or nothing) for editors. */
export function PlanCsv({ plan, viewing }: { plan: Schemas['Plan']; viewing: number | undefined }) {
  const text = planTexts();
  const id = plan.id;
  const queryClient = useQueryClient();
  const href = `/api/v1/plans/${id}/items.csv${viewing !== undefined ? `?version=${viewing}` : ''}`;
  const upload = async (file: File) =>
    unwrap(await api.PUT('/api/v1/plans/{id}/items.csv', {
      params: { path: { id }, header: ifMatch(plan.version) },
      // The file goes as it is (UTF-8 or Shift_JIS: the API detects which), typed as CSV.
      body: file as unknown as string,
      bodySerializer: (body: unknown) => body as BodyInit,
      headers: { 'Content-Type': 'text/csv' },
    }));
  return (
    <section aria-labelledby="csv-heading">
      <h2 id="csv-heading">{text.csv}</h2>
      <p>
        <a className="button secondary" href={href} download>
          ⬇ {text.csvExport}{viewing !== undefined ? `（${text.versionNumber(viewing)}）` : ''}
        </a>
      </p>
      {plan.canEdit && viewing === undefined && plan.status !== 'ARCHIVED' && (
        <CsvImport
          labels={{ heading: text.csvImport, file: text.csvFile, button: text.csvImport, hint: text.csvImportHint }}
          upload={upload}
          refresh={() => queryClient.invalidateQueries({ queryKey: ['plan', id] })}
        />
      )}
    </section>
  );
}
