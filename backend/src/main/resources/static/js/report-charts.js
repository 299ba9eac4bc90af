// The completion report's charts, drawn with uPlot from the report's JSON API. uPlot is served as a WebJar (no
// CDN) and loaded by the page before this module: its minified build (50 kB) is the global one, the ES module
// build comes unminified (140 kB).
// Each chart is an image to assistive technology (its caption names it); the table under it has the same
// figures. Texts come from the page (message bundles), content titles in the page's language.
import { inLanguage } from './api.js';

const { uPlot } = window;
const lang = document.documentElement.lang;
const INK = '#1b1f24';
const GRID = '#d0d7de';
// at least 4.5:1 against white, told apart by dash and point shape too, not by colour alone
const COLOURS = ['#0b5cad', '#b35900', '#1a7f37'];
const DASHES = [[], [8, 4], [2, 3]];
const FONT = '12px "Noto Sans CJK KR", "Noto Sans KR", "Malgun Gothic", sans-serif';

const data = new Map();
const load = (src) => {
  if (!data.has(src)) {
    data.set(src, fetch(src, { headers: { Accept: 'application/json' } })
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`${r.status} ${src}`)))));
  }
  return data.get(src);
};

const short = (s, n) => (s.length > n ? `${s.substring(0, n - 1)}…` : s);

/** An axis of category labels at the given x positions. */
function categories(labels, at, rotate) {
  return {
    stroke: INK, font: FONT, grid: { show: false }, ticks: { show: false },
    splits: () => at, values: (u, splits) => splits.map((_, i) => labels[i]),
    rotate: rotate ? -35 : 0, size: rotate ? 120 : 40,
  };
}

function countAxis() {
  return { stroke: INK, font: FONT, grid: { stroke: GRID }, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000] };
}

function rateAxis() {
  return { stroke: INK, font: FONT, grid: { stroke: GRID }, values: (u, splits) => splits.map((v) => `${v}%`) };
}

const bars = (colour, size = 0.6) => ({
  fill: colour, stroke: colour, width: 0, points: { show: false }, paths: uPlot.paths.bars({ size: [size, 64] }),
});

function weekAxis(weeks) {
  return {
    stroke: INK, font: FONT, grid: { show: false }, space: 48, incrs: [1, 2, 4, 8, 13, 26, 52],
    values: (u, splits) => splits.map((i) => (weeks[i] ? weeks[i].from.substring(5) : '')),
  };
}

const indexScale = { time: false, range: (u, min, max) => [min - 0.5, max + 0.5] };
const fromZero = (top) => ({ range: (u, min, max) => [0, top ?? Math.max(1, Math.ceil(max * 1.1))] });
const xLabel = (label, names) => ({ label, value: (u, v) => (v == null || names[v] == null ? '–' : names[v]) });

const charts = {
  'over-time': (el, school) => {
    const w = school.weeks;
    return {
      opts: {
        height: 260,
        scales: { x: indexScale, y: fromZero() },
        axes: [weekAxis(w), countAxis()],
        series: [xLabel(el.dataset.week, w.map((x) => x.from)),
          { label: el.dataset.weekly, ...bars(COLOURS[0]) },
          { label: el.dataset.cumulative, stroke: COLOURS[1], width: 2, points: { size: 6, fill: COLOURS[1] } }],
      },
      values: [w.map((_, i) => i), w.map((x) => x.completed), w.map((x) => x.cumulative)],
    };
  },
  units: (el, school) => {
    const names = school.units.map((u) => inLanguage(u.title, lang));
    // titles level while each has room (about 12 px a Hangul character), slanted and shortened when not
    const room = el.clientWidth / names.length;
    const slant = room < 110;
    const labels = names.map((n) => short(n, slant ? 16 : Math.floor(room / 12)));
    return {
      opts: {
        height: slant ? 320 : 240,
        scales: { x: indexScale, y: fromZero(100) },
        axes: [categories(labels, names.map((_, i) => i), slant), rateAxis()],
        series: [xLabel(el.dataset.category, names), { label: el.dataset.rate, ...bars(COLOURS[0]) }],
      },
      values: [names.map((_, i) => i), school.units.map((u) => u.tally.rate)],
    };
  },
  tracks: (el, school) => {
    const names = school.tracks.map((t) => inLanguage(t.name, lang));
    return {
      opts: {
        height: 240,
        scales: { x: indexScale, y: fromZero(100) },
        axes: [categories(names, names.map((_, i) => i)), rateAxis()],
        series: [xLabel(el.dataset.category, names), { label: el.dataset.rate, ...bars(COLOURS[0], 0.5) }],
      },
      values: [names.map((_, i) => i), school.tracks.map((t) => (t.tally.expected ? t.tally.rate : null))],
    };
  },
  'programme-over-time': (el, schools) => {
    const w = schools[0].weeks;
    return {
      opts: {
        height: 260,
        scales: { x: indexScale, y: fromZero() },
        axes: [weekAxis(w), countAxis()],
        series: [xLabel(el.dataset.week, w.map((x) => x.from)), ...schools.map((s, i) => ({
          label: inLanguage(s.name, lang), stroke: COLOURS[i % 3], width: 2, dash: DASHES[i % 3],
          points: { size: 5 + 2 * (i % 3), fill: COLOURS[i % 3] },
        }))],
      },
      values: [w.map((_, i) => i), ...schools.map((s) => s.weeks.map((x) => x.cumulative))],
    };
  },
  // the schools' bars side by side for each track: x positions track × (schools + a gap) + school
  'programme-tracks': (el, schools) => {
    const tracks = schools[0].tracks.map((t) => inLanguage(t.name, lang));
    const n = schools.length + 1;
    const x = Array.from({ length: tracks.length * n - 1 }, (_, i) => i);
    const names = x.map((i) => (i % n < schools.length ? `${tracks[Math.floor(i / n)]} · ${inLanguage(schools[i % n].name, lang)}` : null));
    return {
      opts: {
        height: 260,
        scales: { x: indexScale, y: fromZero(100) },
        axes: [categories(tracks, tracks.map((_, t) => t * n + (schools.length - 1) / 2)), rateAxis()],
        series: [xLabel(el.dataset.category, names), ...schools.map((s, i) => ({
          label: inLanguage(s.name, lang), ...bars(COLOURS[i % 3], 0.9),
        }))],
      },
      values: [x, ...schools.map((s, si) => x.map((i) => {
        const t = s.tracks[Math.floor(i / n)];
        return i % n === si && t.tally.expected ? t.tally.rate : null;
      }))],
    };
  },
};

async function draw(el) {
  try {
    const { opts, values } = charts[el.dataset.chart](el, await load(el.dataset.src));
    const plot = new uPlot({ ...opts, width: el.clientWidth, cursor: { drag: { x: false, y: false } } }, values, el);
    plot.root.setAttribute('aria-hidden', 'true');
    window.addEventListener('resize', () => {
      if (el.clientWidth !== plot.width) {
        plot.setSize({ width: el.clientWidth, height: opts.height });
      }
    });
    el.dataset.drawn = 'true';
  } catch (e) {
    console.warn('chart', el.dataset.chart, e);
    el.textContent = el.dataset.failed;
    el.dataset.drawn = 'failed';
  }
}

document.querySelectorAll('.plot[data-chart]').forEach(draw);
