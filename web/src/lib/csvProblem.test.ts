import { describe, expect, it } from 'vitest';
import { csvCellErrors, csvCellErrorText } from './csvProblem';

describe('csvCellErrors', () => {
  it('reads row and column from rows[n].column, file-wide errors first, rows in order', () => {
    const errors = csvCellErrors({
      errors: [
        { field: 'rows[6].2022', message: '6行目 E列（2022）: 次のいずれかを入力してください' },
        { field: 'rows[3].title', message: '3行目 C列（title）: 入力してください' },
        { field: 'rows[3].code', message: '3行目 A列（code）: 重複しています' },
        { field: 'header', message: '不明な列があります' },
      ],
    });
    expect(errors).toEqual([
      { message: '不明な列があります' },
      { row: 3, column: 'title', message: '3行目 C列（title）: 入力してください' },
      { row: 3, column: 'code', message: '3行目 A列（code）: 重複しています' },
      { row: 6, column: '2022', message: '6行目 E列（2022）: 次のいずれかを入力してください' },
    ]);
  });
  it('is empty without errors', () => {
    expect(csvCellErrors(undefined)).toEqual([]);
    expect(csvCellErrors({})).toEqual([]);
  });
});

describe('csvCellErrorText', () => {
  const row = (n: number) => `Row ${n}`;
  it('keeps a message that already names the row', () => {
    expect(csvCellErrorText({ row: 3, column: 'title', message: '3行目 C列（title）: 入力してください' }, row)).toBe('3行目 C列（title）: 入力してください');
  });
  it('names row and column when the message does not', () => {
    expect(csvCellErrorText({ row: 4, column: 'title', message: 'required' }, row)).toBe('Row 4 title: required');
  });
  it('shows a file-wide message as it is', () => {
    expect(csvCellErrorText({ message: 'empty file' }, row)).toBe('empty file');
  });
});
