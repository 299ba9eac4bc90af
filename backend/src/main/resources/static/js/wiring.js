import { call, inLanguage, t } from './api.js';
import { showGrade, showRefusal } from './verdict.js';
import { el } from './svg.js';

// Wiring mode: the lab's board drawn from its parts and terminals; the student drags wires between terminals (or
// chooses two with the keyboard), removes one by clicking it, undoes. After every change the board is powered on
// the server exactly as the grader builds it: the inputs that light, a blown fuse and the faulty nets are shown.
const bench = document.getElementById('workbench');
const { school, unit, lab, lang } = bench.dataset;
const api = `/api/schools/${school}`;
const svg = document.getElementById('wiring');
const remembered = `sfa-wiring-${school}-${lab}`;

let wires = JSON.parse(localStorage.getItem(remembered) ?? '[]');
const undo = [];
const positions = new Map();
let fixed = [];
let selected = null;
const wireLayer = el('g', { class: 'wires' });
const partLayer = el('g');
const dragLine = el('path', { class: 'wire dragging', d: '' });

const COLUMN = { Supply: 0, ThreeWireSensor: 1, InterposingRelay: 2, DcInputModule: 3, OutputModule: 3 };
const WIDTH = 170, PIN = 28, HEAD = 46, GAP = 24;

/** Wire colours as on the bench: sensor cores brown/blue/black, +24 V red, 0 V blue, signals orange. */
function colour(a, b) {
  const pins = [a, b].map((t) => t.substring(t.indexOf('.') + 1));
  if (pins.includes('BN')) return 'brown';
  if (pins.includes('BU') || pins.includes('0V')) return 'blue';
  if (pins.includes('BK')) return 'black';
  if (pins.includes('+24V')) return 'red';
  return 'orange';
}

function drawBoard(board) {
  const heights = [0, 0, 0, 0];
  for (const part of board.parts) {
    const col = COLUMN[part.kind] ?? 2;
    const x = 20 + col * (WIDTH + 70);
    const y = 20 + heights[col];
    const h = HEAD + part.pins.length * PIN;
    heights[col] += h + GAP;
    const g = el('g', { class: `part ${part.kind}`, id: `part-${part.name}` });
    g.append(el('rect', { x, y, width: WIDTH, height: h, rx: 8, class: 'body' }));
    g.append(el('text', { x: x + 10, y: y + 20, class: 'part-name' }, part.name));
    g.append(el('text', { x: x + 10, y: y + 37, class: 'part-kind' }, inLanguage(part.describe, lang)));
    const side = col >= 2 ? x : x + WIDTH;
    part.pins.forEach((pin, i) => {
      const ty = y + HEAD + i * PIN + PIN / 2;
      const id = `${part.name}.${pin}`;
      positions.set(id, { x: side, y: ty, out: col >= 2 ? -1 : 1 });
      const t = el('g', { class: 'terminal', tabindex: 0, role: 'button', 'data-terminal': id,
        'aria-label': `${part.name} ${pin}` });
      // the whole terminal (screw and label) is a target for the pointer, not only the screw
      t.append(el('rect', { x: col >= 2 ? side - 12 : side - 58, y: ty - 12, width: 70, height: 24, class: 'hit' }));
      t.append(el('circle', { cx: side, cy: ty, r: 9 }));
      t.append(el('text', { x: col >= 2 ? side + 14 : side - 14, y: ty + 4, 'text-anchor': col >= 2 ? 'start' : 'end',
        class: 'pin' }, pin));
      g.append(t);
    });
    if (part.kind === 'Supply') {
      g.append(el('rect', { x: x + 10, y: y + h - 14, width: 40, height: 8, rx: 3, class: 'fuse', id: `fuse-${part.name}` }));
      g.append(el('text', { x: x + 56, y: y + h - 6, class: 'fuse-label', id: `fuse-label-${part.name}` },
        t('fuse')));
    }
    partLayer.append(g);
  }
  const height = Math.max(...heights) + 20;
  svg.setAttribute('viewBox', `0 0 ${20 + 4 * (WIDTH + 70)} ${height}`);
  svg.append(partLayer, wireLayer, dragLine);
  const targets = document.querySelector('#wiring-bench .targets');
  for (const name of board.targets) {
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.id = `target-${name}`;
    box.dataset.target = name;
    box.addEventListener('change', tryIt);
    label.append(box, ` ${name}`);
    targets.append(label);
  }
  fixed = board.wires;
}

function path(a, b) {
  const p = positions.get(a), q = positions.get(b);
  if (!p || !q) return '';
  const bend = Math.max(40, Math.abs(q.x - p.x) / 2);
  return `M${p.x},${p.y} C${p.x + p.out * bend},${p.y} ${q.x + q.out * bend},${q.y} ${q.x},${q.y}`;
}

function drawWires() {
  wireLayer.replaceChildren(...fixed.map((w) => {
    const [a, b] = w.split(' - ');
    return el('path', { d: path(a, b), class: 'wire fixed', 'data-fixed': w });
  }));
  for (const w of wires) {
    const [a, b] = w.split(' - ');
    const line = el('path', { d: path(a, b), class: `wire ${colour(a, b)}`, 'data-wire': w, tabindex: 0, role: 'button',
      'aria-label': `${t('removeWire')} ${w}` });
    line.addEventListener('click', () => change({ op: 'remove', wire: w }));
    line.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === 'Delete') change({ op: 'remove', wire: w }); });
    wireLayer.append(line);
  }
  const list = document.getElementById('wire-list');
  list.replaceChildren(...wires.map((w) => Object.assign(document.createElement('li'), { textContent: w })));
  document.getElementById('wiring-undo').disabled = undo.length === 0;
  localStorage.setItem(remembered, JSON.stringify(wires));
}

function apply(action, backwards) {
  const add = (w) => { if (!wires.includes(w)) wires.push(w); };
  const remove = (w) => { wires = wires.filter((x) => x !== w); };
  if (action.op === 'add') (backwards ? remove : add)(action.wire);
  if (action.op === 'remove') (backwards ? add : remove)(action.wire);
  if (action.op === 'clear') wires = backwards ? [...action.wires] : [];
}

function change(action) {
  apply(action, false);
  undo.push(action);
  drawWires();
  tryIt();
}

function connect(a, b) {
  if (a === b) return;
  const exists = wires.some((w) => w === `${a} - ${b}` || w === `${b} - ${a}`);
  if (!exists) change({ op: 'add', wire: `${a} - ${b}` });
}

// Dragging from a terminal; the wire is made where the pointer is released over another terminal.
let dragFrom = null;
const point = (e) => {
  const m = svg.getScreenCTM().inverse();
  return new DOMPoint(e.clientX, e.clientY).matrixTransform(m);
};
svg.addEventListener('pointerdown', (e) => {
  const t = e.target.closest('.terminal');
  if (!t) return;
  e.preventDefault();
  dragFrom = t.dataset.terminal;
});
svg.addEventListener('pointermove', (e) => {
  if (!dragFrom) return;
  const p = positions.get(dragFrom), q = point(e);
  dragLine.setAttribute('d', `M${p.x},${p.y} L${q.x},${q.y}`);
});
document.addEventListener('pointerup', (e) => {
  if (!dragFrom) return;
  const under = document.elementFromPoint(e.clientX, e.clientY)?.closest('.terminal');
  if (under) connect(dragFrom, under.dataset.terminal);
  dragFrom = null;
  dragLine.setAttribute('d', '');
});
// The keyboard: Enter on one terminal, then Enter on another.
svg.addEventListener('keydown', (e) => {
  const t = e.target.closest('.terminal');
  if (!t || (e.key !== 'Enter' && e.key !== ' ')) return;
  e.preventDefault();
  if (!selected) {
    selected = t.dataset.terminal;
    t.classList.add('selected');
  } else {
    svg.querySelector('.terminal.selected')?.classList.remove('selected');
    connect(selected, t.dataset.terminal);
    selected = null;
  }
});

document.getElementById('wiring-undo').addEventListener('click', () => {
  const action = undo.pop();
  if (!action) return;
  apply(action, true);
  drawWires();
  tryIt();
});
document.getElementById('wiring-clear').addEventListener('click', () => {
  if (wires.length) change({ op: 'clear', wires: [...wires] });
});

const wiringText = () => wires.join('\n');
const targets = () => [...document.querySelectorAll('#wiring-bench [data-target]')].filter((b) => b.checked)
  .map((b) => b.dataset.target);

/** The faulty nets highlighted: their terminals and the wires between them. */
function highlight(problems) {
  for (const e of svg.querySelectorAll('.faulty')) e.classList.remove('faulty');
  for (const p of problems) {
    const net = new Set(p.terminals);
    for (const t of net) svg.querySelector(`.terminal[data-terminal="${CSS.escape(t)}"]`)?.classList.add('faulty');
    for (const w of wireLayer.querySelectorAll('.wire')) {
      const [a, b] = w.dataset.wire.split(' - ');
      if (net.has(a) && net.has(b)) w.classList.add('faulty');
    }
  }
}

let trying = 0;
async function tryIt() {
  const mine = ++trying;
  const r = await call('POST', `${api}/labs/${lab}/wiring/trial`, { wiring: wiringText(), targets: targets() });
  if (mine !== trying) return;
  const status = document.getElementById('wiring-status');
  const problems = document.getElementById('wiring-problems');
  problems.replaceChildren();
  if (!r.ok) {
    status.textContent = inLanguage(r.json?.message, lang);
    return;
  }
  for (const [name, value] of Object.entries(r.json.inputs)) {
    const g = document.getElementById(`io-${name}`);
    if (!g) continue;
    g.classList.toggle('on', value !== 0);
    g.querySelector('.value').textContent = String(value);
  }
  for (const fuse of svg.querySelectorAll('.fuse')) {
    const name = fuse.id.substring(5);
    const blown = r.json.blownFuses.includes(name);
    fuse.classList.toggle('blown', blown);
    document.getElementById(`fuse-label-${name}`).textContent = blown ? t('fuseBlown') : t('fuse');
  }
  status.textContent = r.json.blownFuses.length ? t('short') : r.json.problems.length ? '' : t('wiresOk', wires.length);
  for (const p of r.json.problems) {
    const li = document.createElement('li');
    li.className = 'overdue';
    li.dataset.code = p.code;
    li.textContent = inLanguage(p.message, lang);
    problems.append(li);
  }
  highlight(r.json.problems);
}

document.getElementById('grade').addEventListener('click', async () => {
  const r = await call('POST', `${api}/my/units/${unit}/labs/${lab}/attempts`, { program: '', wiring: wiringText() });
  if (!r.ok) { showRefusal(r.json, lang); return; }
  highlight((r.json.grade.wiring ?? []).map((f) => ({ terminals: f.terminals })));
  await showGrade({ api, lang, graded: r.json });
});

call('GET', `${api}/labs/${lab}/board`).then((r) => {
  if (!r.ok) return;
  drawBoard(r.json);
  wires = wires.filter((w) => w.split(' - ').every((t) => positions.has(t)));
  drawWires();
  tryIt();
});
