/** Fiscal years (年度) as the API labels them; the Western year is offered on hover. */
export function fiscalYearTitle(fiscalYear: number): string {
  return `${fiscalYear}年4月〜${fiscalYear + 1}年3月 (FY${fiscalYear})`;
}

/** The fiscal year a date falls in: April to March, named by the year it starts. */
export function fiscalYearOf(date: Date): number {
  return date.getMonth() >= 3 ? date.getFullYear() : date.getFullYear() - 1;
}
