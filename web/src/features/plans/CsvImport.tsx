import { type FormEvent, useId, useState } from 'react';
import { ApiError, type Schemas } from '../../api/client';
import { FieldError, ProblemMessage } from '../../components/Problem';
import { t } from '../../lib/i18n';
import { csvCellErrorText, csvCellErrors, type CsvCellError } from './csvProblem';
import { pt } from './texts';

export interface CsvImportLabels {
  heading: string;
  file: string;
  button: string;
  hint: string;
}

/**
 * A CSV import: the file input, the import button, and — when the API rejects the file — each bad
 * row and column as a list right under the input; on success the counts.
 */
export function CsvImport({
  labels,
  upload,
  onImported,
}: {
  labels: CsvImportLabels;
  upload: (file: File) => Promise<Schemas['CsvImportReport']>;
  onImported: () => Promise<unknown>;
}) {
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
      setFileError(pt.csvChooseFile());
      return;
    }
    setBusy(true);
    try {
      const result = await upload(file);
      setReport(result);
      await onImported();
    } catch (err) {
      if (err instanceof ApiError && err.status === 412) setProblem(new Error(t('staleEdit')));
      else if (err instanceof ApiError && (err.problem.errors?.length ?? 0) > 0) {
        setCells(csvCellErrors(err.problem));
        setProblem(err);
      } else setProblem(err);
    } finally {
      setBusy(false);
    }
  };

  const errorsId = `${id}-errors`;
  const describedBy = [fileError ? `${id}-error` : '', cells.length ? errorsId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{labels.heading}</h3>
      <p className="muted">{labels.hint}</p>
      <form onSubmit={submit} noValidate>
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
            <p style={{ margin: 0 }}><strong>{pt.csvErrors(cells.length)}</strong></p>
            <ul className="csv-errors">
              {cells.map((c, i) => <li key={i}>{csvCellErrorText(c, pt.csvRow)}</li>)}
            </ul>
          </div>
        )}
        <p><button type="submit" disabled={busy}>{labels.button}</button></p>
      </form>
      <ProblemMessage error={problem} />
      {report && <p className="notice" role="status">{pt.csvImported(report)}</p>}
    </section>
  );
}
