import { useQueryClient } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../api/client';
import { CsvImport } from './CsvImport';
import { pt } from './texts';

/** The item tree as CSV: a download for everyone, an import (all or nothing) for editors. */
export function PlanCsv({ plan, viewing }: { plan: Schemas['Plan']; viewing: number | undefined }) {
  const id = plan.id!;
  const queryClient = useQueryClient();
  const href = `/api/v1/plans/${id}/items.csv${viewing !== undefined ? `?version=${viewing}` : ''}`;
  const upload = async (file: File) =>
    unwrap(await api.PUT('/api/v1/plans/{id}/items.csv', {
      params: { path: { id }, header: { 'If-Match': `"${plan.version}"` } },
      // The file goes as it is (UTF-8 or Shift_JIS: the API detects which), typed as CSV.
      body: file as unknown as string,
      bodySerializer: (body: unknown) => body as BodyInit,
      headers: { 'Content-Type': 'text/csv' },
    }));
  return (
    <section aria-labelledby="csv-heading">
      <h2 id="csv-heading">{pt.csv()}</h2>
      <p>
        <a className="button secondary" href={href} download>
          ⬇ {pt.csvExport()}{viewing !== undefined ? `（${pt.versionNumber(viewing)}）` : ''}
        </a>
      </p>
      {plan.canEdit && viewing === undefined && plan.status !== 'ARCHIVED' && (
        <CsvImport
          labels={{ heading: pt.csvImport(), file: pt.csvFile(), button: pt.csvImport(), hint: pt.csvImportHint() }}
          upload={upload}
          onImported={() => queryClient.invalidateQueries({ queryKey: ['plan', id] })}
        />
      )}
    </section>
  );
}
