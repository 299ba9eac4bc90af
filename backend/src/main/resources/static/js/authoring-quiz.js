import { call } from './api.js';

// The quiz as a form: items of every type with their answers and explanations. The server reads the quiz
// file into the form (with the courseware loader) and writes the form back as a quiz file; in between the
// form keeps correct choices as flags and a matching's pairs as references, so renaming an id keeps them.
export function quizEditor(ctx) {
  const status = document.getElementById('quiz-status');
  const hint = status.textContent;
  const box = document.getElementById('quiz-form');
  const list = document.getElementById('quiz-items');
  const itemTemplate = document.getElementById('quiz-item-template');
  const choiceTemplate = document.getElementById('choice-template');
  const newType = document.getElementById('quiz-new-type');
  const titleKo = document.getElementById('quiz-title-ko');
  const titleEn = document.getElementById('quiz-title-en');
  const pass = document.getElementById('quiz-pass');
  const typeNames = Object.fromEntries([...newType.options].map((o) => [o.value, o.text]));
  let quiz = null;
  let path = null;
  let serial = 0;

  const entry = (id) => ({ id, text: { ko: '', en: '' } });
  const copy = (c) => ({ id: c.id, text: { ko: c.text.ko, en: c.text.en } });

  /** An item of the form as the page keeps it. */
  function model(item) {
    const m = { ...item, prompt: { ...item.prompt }, explanation: { ...item.explanation } };
    m.right = item.right.map(copy);
    m.choices = item.choices.map((c) => ({ ...copy(c), correct: item.answer.includes(c.id),
      pair: item.type === 'matching' ? m.right.find((r) => r.id === item.pairs[c.id]) ?? null : null }));
    if (item.type === 'ordering') {
      const at = (c) => { const i = item.answer.indexOf(c.id); return i < 0 ? item.answer.length : i; };
      m.choices.sort((a, b) => at(a) - at(b));
    }
    m.truth = item.answer[0] === 'false' ? 'false' : 'true';
    return m;
  }

  /** An item as the server takes it. */
  function item(m) {
    const out = { id: m.id, type: m.type, prompt: m.prompt, explanation: m.explanation, points: m.points || 1,
      choices: [], right: [], answer: [], pairs: {}, partial: false, value: null, tolerance: null, unit: null };
    switch (m.type) {
      case 'single':
      case 'multiple':
        out.choices = m.choices.map(copy);
        out.answer = m.choices.filter((c) => c.correct).map((c) => c.id);
        if (m.type === 'single') out.answer = out.answer.slice(0, 1);
        out.partial = m.type === 'multiple' && !!m.partial;
        break;
      case 'true_false': out.answer = [m.truth]; break;
      case 'numeric': Object.assign(out, { value: m.value, tolerance: m.tolerance ?? 0, unit: m.unit ?? '' }); break;
      case 'ordering':
        out.choices = m.choices.map(copy);
        out.answer = m.choices.map((c) => c.id);
        break;
      default:
        out.choices = m.choices.map(copy);
        out.right = m.right.map(copy);
        for (const c of m.choices) if (c.pair) out.pairs[c.id] = c.pair.id;
    }
    return out;
  }

  function fresh(type) {
    const ids = new Set(quiz.items.map((i) => i.id));
    let n = quiz.items.length + 1;
    while (ids.has(`q${n}`)) n++;
    const m = { id: `q${n}`, type, prompt: { ko: '', en: '' }, explanation: { ko: '', en: '' }, points: 1,
      choices: [], right: [], partial: false, truth: 'true', value: 0, tolerance: 0, unit: '' };
    if (type === 'single' || type === 'multiple' || type === 'ordering') m.choices = [entry('a'), entry('b')];
    if (type === 'single') m.choices[0].correct = true;
    if (type === 'matching') { m.choices = [entry('l1'), entry('l2')]; m.right = [entry('r1'), entry('r2')]; }
    return m;
  }

  const move = (array, i, by) => {
    const j = i + by;
    if (j < 0 || j >= array.length) return;
    [array[i], array[j]] = [array[j], array[i]];
  };
  const field = (el, get, set, event = 'input') => { get(el); el.addEventListener(event, () => set(el)); };
  const textField = (el, obj, key) => field(el, (e) => { e.value = obj[key] ?? ''; }, (e) => { obj[key] = e.value; });
  const numberOrNull = (v) => (v.trim() === '' ? null : Number(v));

  function pairOptions(select, m, c) {
    select.replaceChildren(new Option('—', ''), ...m.right.map((r, k) => new Option(`${r.id}: ${r.text[ctx.lang] || r.text.ko}`, k)));
    select.value = c.pair ? String(m.right.indexOf(c.pair)) : '';
  }

  function choiceRow(m, key, c, k, li, group) {
    const row = choiceTemplate.content.firstElementChild.cloneNode(true);
    const chooses = key === 'choices' && (m.type === 'single' || m.type === 'multiple');
    row.querySelector('[data-for~=single]').hidden = !chooses;
    row.querySelector('[data-for=pair]').hidden = !(key === 'choices' && m.type === 'matching');
    row.querySelector('[data-act=up]').hidden = row.querySelector('[data-act=down]').hidden = m.type !== 'ordering';
    const correct = row.querySelector('[data-c=correct]');
    correct.type = m.type === 'single' ? 'radio' : 'checkbox';
    correct.name = group;
    correct.checked = !!c.correct;
    correct.addEventListener('change', () => {
      if (m.type === 'single') m.choices.forEach((x) => { x.correct = x === c; });
      else c.correct = correct.checked;
    });
    const refreshPairs = () => li.querySelectorAll('[data-list=choices] [data-c=pair]')
      .forEach((s, j) => pairOptions(s, m, m.choices[j]));
    for (const [name, obj, prop] of [['id', c, 'id'], ['ko', c.text, 'ko'], ['en', c.text, 'en']]) {
      const input = row.querySelector(`[data-c=${name}]`);
      textField(input, obj, prop);
      if (key === 'right') input.addEventListener('input', refreshPairs);
    }
    const pair = row.querySelector('[data-c=pair]');
    pairOptions(pair, m, c);
    pair.addEventListener('change', () => { c.pair = pair.value === '' ? null : m.right[Number(pair.value)]; });
    row.querySelector('[data-act=up]').addEventListener('click', () => { move(m[key], k, -1); render(); });
    row.querySelector('[data-act=down]').addEventListener('click', () => { move(m[key], k, 1); render(); });
    row.querySelector('[data-act=remove]').addEventListener('click', () => {
      const [gone] = m[key].splice(k, 1);
      if (key === 'right') m.choices.forEach((x) => { if (x.pair === gone) x.pair = null; });
      render();
    });
    return row;
  }

  function itemForm(m, i) {
    const li = itemTemplate.content.firstElementChild.cloneNode(true);
    li.id = `quiz-item-${i + 1}`;
    li.dataset.type = m.type;
    li.querySelector('.item-number').textContent = i + 1;
    li.querySelector('.item-type').textContent = typeNames[m.type] ?? m.type;
    for (const el of li.querySelectorAll('[data-for]')) el.hidden = !el.dataset.for.split(' ').includes(m.type);
    const f = (name) => li.querySelector(`[data-f="${name}"]`);
    textField(f('id'), m, 'id');
    field(f('points'), (e) => { e.value = m.points; }, (e) => { m.points = Math.max(1, parseInt(e.value, 10) || 1); });
    textField(f('prompt.ko'), m.prompt, 'ko');
    textField(f('prompt.en'), m.prompt, 'en');
    textField(f('explanation.ko'), m.explanation, 'ko');
    textField(f('explanation.en'), m.explanation, 'en');
    field(f('partial'), (e) => { e.checked = !!m.partial; }, (e) => { m.partial = e.checked; }, 'change');
    field(f('truth'), (e) => { e.value = m.truth; }, (e) => { m.truth = e.value; }, 'change');
    field(f('value'), (e) => { e.value = m.value ?? ''; }, (e) => { m.value = numberOrNull(e.value); });
    field(f('tolerance'), (e) => { e.value = m.tolerance ?? 0; }, (e) => { m.tolerance = numberOrNull(e.value) ?? 0; });
    textField(f('unit'), m, 'unit');
    const group = `correct-${++serial}`;
    for (const key of ['choices', 'right']) {
      li.querySelector(`[data-list=${key}]`).replaceChildren(...m[key].map((c, k) => choiceRow(m, key, c, k, li, group)));
    }
    const add = (key, prefix) => () => {
      const ids = new Set(m[key].map((c) => c.id));
      let n = m[key].length + 1;
      let id = prefix ? `${prefix}${n}` : String.fromCharCode(96 + Math.min(n, 26));
      while (ids.has(id)) id = `${prefix || 'c'}${++n}`;
      m[key].push(entry(id));
      render();
      document.querySelector(`#quiz-item-${i + 1} [data-list=${key}] li:last-child [data-c=ko]`)?.focus();
    };
    li.querySelector('[data-act=add-choice]').addEventListener('click',
      add('choices', m.type === 'matching' ? 'l' : m.type === 'ordering' ? 'e' : ''));
    li.querySelector('[data-act=add-right]').addEventListener('click', add('right', 'r'));
    const tools = li.querySelector('fieldset > .fields .tools');
    tools.querySelector('[data-act=up]').addEventListener('click', () => { move(quiz.items, i, -1); render(); });
    tools.querySelector('[data-act=down]').addEventListener('click', () => { move(quiz.items, i, 1); render(); });
    tools.querySelector('[data-act=remove]').addEventListener('click', () => { quiz.items.splice(i, 1); render(); });
    return li;
  }

  function render() {
    list.replaceChildren(...quiz.items.map(itemForm));
  }

  async function load() {
    path = ctx.quizPath();
    const yaml = path ? ctx.contents()[path] : undefined;
    if (yaml === undefined) { status.textContent = status.dataset.none; box.hidden = true; quiz = null; return; }
    const r = await call('POST', `${ctx.base}/quiz-form`, yaml, 'text/plain;charset=UTF-8');
    if (!r.ok) { ctx.sayProblem(r); return; }
    if (!r.json.form) {
      status.textContent = status.dataset.unreadable;
      box.hidden = true;
      quiz = null;
      ctx.sayProblems(r.json.problems);
      return;
    }
    const form = r.json.form;
    quiz = { title: { ...form.title }, items: form.items.map(model) };
    titleKo.value = form.title.ko;
    titleEn.value = form.title.en;
    pass.value = form.passPercent;
    status.textContent = hint;
    box.hidden = false;
    render();
  }

  async function save() {
    const form = { title: { ko: titleKo.value, en: titleEn.value }, passPercent: parseInt(pass.value, 10) || 60,
      items: quiz.items.map(item) };
    const r = await call('POST', `${ctx.base}/quiz-yaml`, form);
    if (!r.ok) { ctx.sayProblem(r); return; }
    const saved = await ctx.saveFile(path, r.text);
    if (!saved.ok) { ctx.sayProblem(saved); return; }
    await ctx.validate([ctx.msgSaved]);
  }

  document.getElementById('quiz-add').addEventListener('click', () => {
    quiz.items.push(fresh(newType.value));
    render();
    list.lastElementChild?.querySelector('[data-f="prompt.ko"]')?.focus();
  });
  document.getElementById('quiz-save').addEventListener('click', save);
  return { load };
}
