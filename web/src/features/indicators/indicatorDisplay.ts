/** How indicator figures read in the UI, and how the figures people type are read. */

export function formatAchievement(achievement: number | null | undefined): string {
  if (achievement === null || achievement === undefined) return '—';
  return `${achievement.toFixed(1)}%`;
}

/** Reads a figure a person typed: full-width digits, thousands separators and ▲ for minus. */
export function parseFigure(text: string): number | null | 'invalid' {
  const folded = text
    .trim()
    .replace(/[０-９．，－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/,/g, '')
    .replace(/^▲/, '-');
  if (folded === '') return null;
  const value = Number(folded);
  return Number.isFinite(value) ? value : 'invalid';
}
