/** How indicator figures read in the UI: achievement and the status badge. */
export type IndicatorStatus = 'ON_TRACK' | 'BEHIND' | 'ACHIEVED' | 'NO_DATA';

export function formatAchievement(achievement: number | null | undefined): string {
  if (achievement === null || achievement === undefined) return '—';
  return `${achievement.toFixed(1)}%`;
}

/** A badge's look: its class, and a symbol so that colour is never the only signal. */
export function statusBadge(status: IndicatorStatus | undefined): { className: string; symbol: string } {
  switch (status) {
    case 'ACHIEVED':
      return { className: 'badge badge-achieved', symbol: '◎' };
    case 'ON_TRACK':
      return { className: 'badge badge-on-track', symbol: '○' };
    case 'BEHIND':
      return { className: 'badge badge-behind', symbol: '▲' };
    default:
      return { className: 'badge', symbol: '―' };
  }
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
