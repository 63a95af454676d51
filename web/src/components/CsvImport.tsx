import { type FormEvent, useId, useState } from 'react';
import { ApiError, type Schemas } from '../api/client';
import { csvCellErrorText, csvCellErrors, type CsvCellError } from '../lib/csvProblem';
import { commonTexts } from '../lib/texts';
import { FieldError, ProblemMessage } from './Problem';

export interface CsvImportLabels {
  heading: string;
  file: string;
  button: string;
  hint: string;
}

/**
 * A CSV import: the file input, the import button, and — when the API rejects the file — each bad
 * row and column as a list right under the input; on success the counts. `refresh` re-reads what
 * the import changes: after an import, and to reload when someone else saved first.
 */
export function CsvImport({
  labels,
  upload,
  refresh,
}: {
  labels: CsvImportLabels;
  upload: (file: File) => Promise<Schemas['CsvImportReport']>;
  refresh: () => Promise<unknown>;
}) {
  const common = commonTexts();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [cells, setCells] = useState<CsvCellError[]>([]);
  const [fileError, setFileError] = useState<string>();
  const [problem, setProblem] = useState<unknown>();
  const [report, setReport] = useState<Schemas['CsvImportReport']>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setCells([]);
    setProblem(undefined);
    setReport(undefined);
    setFileError(undefined);
    if (!file) {
      setFileError(common.csvChooseFile);
      return;
    }
    setBusy(true);
    try {
      const result = await upload(file);
      setReport(result);
      await refresh();
    } catch (err) {
      if (err instanceof ApiError && !err.stale) setCells(csvCellErrors(err.problem));
      setProblem(err);
    } finally {
      setBusy(false);
    }
  };
  const reload = async () => {
    setProblem(undefined);
    await refresh();
  };

  const errorsId = `${id}-errors`;
  const describedBy = [fileError ? `${id}-error` : '', cells.length ? errorsId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{labels.heading}</h3>
      <p className="muted">{labels.hint}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor={`${id}-file`}>{labels.file}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          aria-invalid={fileError || cells.length ? true : undefined}
          aria-describedby={describedBy}
        />
        <FieldError id={`${id}-error`} message={fileError} />
        {cells.length > 0 && (
          <div id={errorsId} className="field-error">
            <p style={{ margin: 0 }}><strong>{common.csvErrors(cells.length)}</strong></p>
            <ul className="csv-errors">
              {cells.map((c, i) => <li key={i}>{csvCellErrorText(c, common.csvRow)}</li>)}
            </ul>
          </div>
        )}
        <p><button type="submit" disabled={busy}>{labels.button}</button></p>
      </form>
      <ProblemMessage error={problem} onReload={() => void reload()} />
      {report && <p className="notice" role="status">{common.csvImported(report)}</p>}
    </section>
  );
}
