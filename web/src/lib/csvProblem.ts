import type { Problem } from '../api/client';

/** One bad cell of a rejected CSV file, as a person finds it in the spreadsheet. */
export interface CsvCellError {
  /** The row as the spreadsheet numbers it (the header is row 1); undefined for a file-wide error. */
  row?: number;
  /** The column's key (`title`, `2022`); undefined for a file-wide error. */
  column?: string;
  message: string;
}

const CELL = /^rows\[(\d+)]\.(.+)$/;

/**
 * Turns the problem of a rejected import into one entry per bad cell, in row and column-key
 * order as the API sent them (file-wide errors first). `rows[3].title` → row 3, column `title`.
 */
export function csvCellErrors(problem: Pick<Problem, 'errors'> | undefined): CsvCellError[] {
  const errors = problem?.errors ?? [];
  const cells: CsvCellError[] = errors.map((e) => {
    const match = e.field ? CELL.exec(e.field) : null;
    const message = e.message ?? e.field ?? '';
    return match ? { row: Number(match[1]), column: match[2], message } : { message };
  });
  // A stable sort keeps the API's column order inside a row.
  return cells
    .map((c, index) => ({ c, index }))
    .sort((a, b) => (a.c.row ?? 0) - (b.c.row ?? 0) || a.index - b.index)
    .map(({ c }) => c);
}

/** What a cell error reads as: the API's message, which already names row and column, or one built from them. */
export function csvCellErrorText(error: CsvCellError, rowLabel: (row: number) => string): string {
  if (error.row === undefined) return error.message;
  if (/\d/.test(error.message) && error.message.includes(String(error.row))) return error.message;
  return `${rowLabel(error.row)} ${error.column}: ${error.message}`;
}
