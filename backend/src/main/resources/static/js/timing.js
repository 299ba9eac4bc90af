import { t } from './api.js';

// The timing diagram of a graded run, drawn with uPlot (a WebJar, loaded as a classic script before this module):
// one lane per signal (bits as steps, words scaled into their lane), a red line at each failing moment; focusing an
// objective zooms to its moment. Double-click the chart to see the whole run again; drag across it to zoom.
const LANE = 1.4;

/** Signal changes from the trace CSV ({@code t_ms,signal,value}) by signal, in time order. */
function parse(csv) {
  const changes = new Map();
  let end = 0;
  for (const line of csv.trim().split('\n').slice(1)) {
    const [t, signal, value] = line.split(',');
    const ms = Number(t);
    end = Math.max(end, ms);
    if (!changes.has(signal)) changes.set(signal, []);
    changes.get(signal).push([ms, Number(value)]);
  }
  return { changes, end };
}

/**
 * @param container an empty element the chart goes into (its width is used)
 * @param objectives the grade's objectives ({id, passed, at_ms}); failing ones are marked
 * @returns {focus(id)} to zoom to an objective's failing moment
 */
export function drawTiming(container, csv, objectives, lang) {
  const { uPlot } = window;
  const { changes, end } = parse(csv);
  const signals = [...changes.keys()].slice(0, 16);
  const times = [...new Set(signals.flatMap((s) => changes.get(s).map(([ms]) => ms)).concat([0, end]))]
    .sort((a, b) => a - b);
  // every signal held at its last value at each moment anything changed, lifted into its own lane
  const data = [times.map((ms) => ms / 1000)];
  signals.forEach((signal, lane) => {
    const c = changes.get(signal);
    const bits = c.every(([, v]) => v === 0 || v === 1);
    const max = Math.max(1, ...c.map(([, v]) => Math.abs(v)));
    const base = (signals.length - 1 - lane) * LANE;
    let i = 0, value = c[0]?.[1] ?? 0;
    data.push(times.map((ms) => {
      while (i < c.length && c[i][0] <= ms) value = c[i++][1];
      return base + (bits ? value : value / max);
    }));
  });
  const failures = objectives.filter((o) => !o.passed && o.at_ms != null);
  let focused = null;
  container.replaceChildren();
  const opts = {
    width: Math.max(320, container.clientWidth || 560),
    height: 60 + signals.length * 30,
    legend: { show: false },
    cursor: { drag: { x: true, y: false } },
    scales: { x: { time: false }, y: { range: [-0.3, signals.length * LANE] } },
    axes: [
      { label: t('time'), stroke: '#1b1f24' },
      {
        stroke: '#1b1f24', size: 110, gap: 4,
        splits: () => signals.map((_, lane) => (signals.length - 1 - lane) * LANE + 0.5),
        values: (_, splits) => splits.map((v) => signals[signals.length - 1 - Math.round((v - 0.5) / LANE)] ?? ''),
        grid: { show: false },
      },
    ],
    series: [{ label: 't (s)' }, ...signals.map((signal) => ({
      label: signal, stroke: '#0b5cad', width: 1.5, paths: uPlot.paths.stepped({ align: 1 }), points: { show: false },
      value: (u, v, si, i) => (i == null ? '' : String(changes.get(signal).filter(([ms]) => ms <= times[i]).at(-1)?.[1] ?? 0)),
    }))],
    hooks: {
      draw: [(u) => {
        const { ctx } = u;
        ctx.save();
        for (const o of failures) {
          const x = u.valToPos(o.at_ms / 1000, 'x', true);
          if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) continue;
          ctx.strokeStyle = '#b42318';
          ctx.lineWidth = (o.id === focused ? 4 : 2) * devicePixelRatio;
          ctx.beginPath();
          ctx.moveTo(x, u.bbox.top);
          ctx.lineTo(x, u.bbox.top + u.bbox.height);
          ctx.stroke();
        }
        ctx.restore();
      }],
    },
  };
  const plot = new uPlot(opts, data, container);
  container.dataset.signals = signals.join(' ');
  container.dataset.failures = failures.map((o) => o.id).join(' ');
  container.addEventListener('dblclick', () => { focused = null; plot.setScale('x', { min: 0, max: end / 1000 }); });
  return {
    focus(id) {
      const o = failures.find((f) => f.id === id);
      focused = o ? id : null;
      container.dataset.focus = focused ?? '';
      if (o) {
        const t = o.at_ms / 1000;
        plot.setScale('x', { min: Math.max(0, t - 2), max: Math.min(end / 1000, t + 2) });
      } else plot.redraw();
    },
  };
}
