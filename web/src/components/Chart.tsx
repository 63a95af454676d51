import {
  BarController,
  BarElement,
  CategoryScale,
  Chart as ChartJs,
  type ChartConfiguration,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'react';

ChartJs.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

/**
 * A chart drawn by Chart.js. The figures are also given as a table by the caller (charts are
 * not readable by everyone), so the canvas carries a short label only.
 */
export function Chart({ config, label }: { config: ChartConfiguration; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    // Without a drawing context (canvas blocked by the browser) the table beside it still tells all.
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    const chart = new ChartJs(context, { ...config, options: { ...config.options, animation: false, responsive: true } });
    return () => chart.destroy();
  }, [config]);
  return (
    <div style={{ position: 'relative', maxWidth: '48rem' }}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
