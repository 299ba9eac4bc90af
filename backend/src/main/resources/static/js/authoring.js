import { call, inLanguage } from './api.js';
import { quizEditor } from './authoring-quiz.js';
import { labEditor } from './authoring-labs.js';

// Authoring a unit: make a draft; edit its quiz in a form, its lab notes, and any file as text (lessons with a
// live preview by the students' renderer); check it with the courseware validator; publish.
const root = document.getElementById('authoring');
const { school, unit, draft, lang, msgSaved, msgOk } = root.dataset;
const base = `/api/schools/${school}/units/${unit}`;
const text = (m) => inLanguage(m, lang);

const problems = document.getElementById('problems');
function say(lines, good) {
  problems.replaceChildren();
  for (const line of lines) {
    const li = document.createElement('li');
    li.className = good ? 'done' : 'overdue';
    li.textContent = line;
    problems.append(li);
  }
}
const sayProblem = (r) => say([text(r.json?.message) || `HTTP ${r.status}`], false);
const problemLines = (list) => list.map((p) => `${p.file}:${p.line}:${p.column} ${lang === 'en' ? p.en : p.ko}`);

/** Runs the courseware validator on the draft and shows its problems with file:line (after {@code before}). */
async function validate(before = []) {
  const r = await call('POST', `${base}/versions/${draft}/validate`);
  if (!r.ok) { sayProblem(r); return false; }
  if (r.json.ok) say([...before, msgOk], true);
  else say([...before, ...problemLines(r.json.problems)], false);
  return r.json.ok;
}

document.getElementById('new-draft')?.addEventListener('click', async () => {
  const r = await call('POST', `${base}/drafts`);
  if (r.ok) location.reload(); else sayProblem(r);
});

if (draft) {
  const files = document.getElementById('file');
  const editor = document.getElementById('text');
  const previewBox = document.getElementById('lesson-preview-box');
  const preview = document.getElementById('lesson-preview');
  let contents = {};

  const showFile = () => { editor.value = contents[files.value] ?? ''; renderPreview(); };
  /** Fetches the draft's files again; the open file's text is replaced only if it changed on the server. */
  const reload = async () => {
    const r = await call('GET', `${base}/versions/${draft}/files`);
    if (!r.ok) { sayProblem(r); return; }
    const before = contents;
    contents = r.json;
    const open = files.value;
    files.replaceChildren(...Object.keys(contents).map((p) => new Option(p, p)));
    if (open && open in contents) files.value = open;
    if (!open || before[files.value] !== contents[files.value]) showFile();
  };

  // a lesson's preview: the server renders it exactly as the student's lesson page does
  let typing;
  let asked = 0;
  async function renderPreview() {
    if (!files.value.endsWith('.md')) { previewBox.hidden = true; return; }
    previewBox.hidden = false;
    const mine = ++asked;
    const r = await call('POST', `${base}/preview-markdown?version=${draft}&path=${encodeURIComponent(files.value)}`,
      editor.value, 'text/plain;charset=UTF-8');
    if (mine !== asked) return;
    if (r.ok) { preview.innerHTML = r.json.html; window.sfaTypeset?.(preview); } else sayProblem(r);
  }
  editor.addEventListener('input', () => { clearTimeout(typing); typing = setTimeout(renderPreview, 300); });
  files.addEventListener('change', showFile);

  const ctx = {
    base, draft, lang, text, say, sayProblem, validate, msgSaved,
    sayProblems: (list) => say(problemLines(list), false),
    contents: () => contents,
    reload,
    /** The quiz file unit.yaml names. */
    quizPath: () => /^quiz:\s*["']?([^"'\s#]+)/m.exec(contents['unit.yaml'] ?? '')?.[1],
    /** Saves one file of the draft (the text editor shows the new text if that file is open). */
    async saveFile(path, body) {
      const r = await call('PUT', `${base}/versions/${draft}/files?path=${encodeURIComponent(path)}`, body,
        'text/plain;charset=UTF-8');
      if (r.ok) {
        contents[path] = body;
        if (files.value === path) { editor.value = body; renderPreview(); }
      }
      return r;
    },
  };
  const quiz = quizEditor(ctx);
  const labs = labEditor(ctx);

  document.getElementById('save').addEventListener('click', async () => {
    const path = files.value;
    const r = await ctx.saveFile(path, editor.value);
    if (!r.ok) { sayProblem(r); return; }
    say([msgSaved], true);
    if (path === ctx.quizPath()) await quiz.load();
    if (path === 'unit.yaml') { await quiz.load(); await labs.load(); }
    else if (path.startsWith('labs/')) await labs.load();
  });
  document.getElementById('validate').addEventListener('click', () => validate());
  document.getElementById('publish').addEventListener('click', async () => {
    const r = await call('POST', `${base}/versions/${draft}/publish`);
    if (r.ok) location.reload(); else sayProblem(r);
  });
  await reload();
  await Promise.all([quiz.load(), labs.load()]);
}
