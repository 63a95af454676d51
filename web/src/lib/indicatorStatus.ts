import type { Schemas } from '../api/client';

export type IndicatorStatus = Schemas['IndicatorStatus'];

/** An indicator status badge's look: its class, and a symbol so that colour is never the only signal. */
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
