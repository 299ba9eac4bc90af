// The timing diagram: one lane per bit signal of the graded run, and a red line at each failing moment.
export function drawTiming(svg, csv, objectives) {
  const changes = new Map();
  let end = 0;
  for (const line of csv.trim().split('\n').slice(1)) {
    const [t, signal, value] = line.split(',');
    const ms = Number(t);
    end = Math.max(end, ms);
    if (!changes.has(signal)) changes.set(signal, []);
    changes.get(signal).push([ms, Number(value)]);
  }
  const lanes = [...changes.entries()].filter(([, c]) => c.every(([, v]) => v === 0 || v === 1)).slice(0, 14);
  const width = 560, left = 110, laneH = 22, top = 8;
  const height = top + lanes.length * laneH + 22;
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const x = (ms) => left + (width - left - 8) * (end === 0 ? 0 : ms / end);
  const ns = 'http://www.w3.org/2000/svg';
  const el = (name, attrs, content) => {
    const e = document.createElementNS(ns, name);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (content !== undefined) e.textContent = content;
    return e;
  };
  svg.replaceChildren();
  lanes.forEach(([signal, c], i) => {
    const y0 = top + i * laneH + laneH - 4, y1 = top + i * laneH + 6;
    svg.append(el('text', { x: 4, y: y0, class: 'label' }, signal));
    let d = '', last = 0;
    for (const [ms, v] of c) {
      const y = v ? y1 : y0;
      d += d === '' ? `M${x(ms)},${y}` : `H${x(ms)}V${y}`;
      last = y;
    }
    d += `H${x(end)}V${last}`;
    svg.append(el('path', { d, class: 'lane', 'data-signal': signal }));
  });
  const axisY = top + lanes.length * laneH + 14;
  for (let s = 0; s <= end / 1000; s += Math.max(1, Math.round(end / 1000 / 8))) {
    svg.append(el('text', { x: x(s * 1000), y: axisY, class: 'axis' }, `${s}s`));
  }
  for (const o of objectives) {
    if (!o.passed && o.at_ms != null) {
      svg.append(el('line', { x1: x(o.at_ms), x2: x(o.at_ms), y1: top, y2: axisY - 10, class: 'fail', id: `fail-${o.id}` }));
    }
  }
}

