import { inLanguage, t } from './api.js';
import { drawTiming } from './timing.js';

// A graded attempt on the page: the verdict per objective (click one to zoom the timing diagram to its failing
// moment) and the timing diagram of the graded run, on the workbench and on a teacher's replay alike.

/** Lists the objectives in #verdict; returns the list's focus function's target setter. */
export function showObjectives(grade, lang, focus) {
  const verdict = document.getElementById('verdict');
  verdict.replaceChildren();
  for (const o of grade.objectives) {
    const li = document.createElement('li');
    li.className = o.passed ? 'passed' : 'failed';
    li.dataset.objective = o.id;
    li.textContent = `${o.id}: ${inLanguage(o.message, lang)}`;
    li.tabIndex = 0;
    li.addEventListener('click', () => focus(o.id));
    li.addEventListener('keydown', (e) => { if (e.key === 'Enter') focus(o.id); });
    verdict.append(li);
  }
}

/** Fetches a graded run's trace and draws its timing diagram; the diagram, or null when there is no trace. */
export async function showTiming(traceUrl, objectives, lang) {
  const trace = await fetch(traceUrl);
  const figure = document.getElementById('timing-figure');
  figure.hidden = false;
  return trace.ok ? drawTiming(document.getElementById('timing'), await trace.text(), objectives, lang) : null;
}

/** The workbench after grading: verdict, a new row in the attempts table, the timing diagram. */
export async function showGrade({ api, lang, graded }) {
  let diagram = null;
  showObjectives(graded.grade, lang, (id) => {
    diagram?.focus(id);
    document.getElementById('timing-figure').scrollIntoView({ block: 'nearest' });
  });
  const row = document.createElement('tr');
  const cells = [new Date().toTimeString().substring(0, 5), String(graded.grade.score),
    graded.grade.passed ? t('passed') : t('notPassed')];
  for (const [i, c] of cells.entries()) {
    const td = document.createElement('td');
    td.textContent = c;
    if (i === 2) td.className = graded.grade.passed ? 'done' : 'overdue';
    row.append(td);
  }
  document.querySelector('#attempts tbody').prepend(row);
  diagram = await showTiming(`${api}/my/lab-attempts/${graded.attempt}/trace`, graded.grade.objectives, lang);
}

/** A refused grading (a program that does not compile, bad wiring): its message where the verdict goes. */
export function showRefusal(problem, lang) {
  const verdict = document.getElementById('verdict');
  verdict.replaceChildren();
  const li = document.createElement('li');
  li.className = 'failed';
  li.textContent = inLanguage(problem?.message, lang);
  verdict.append(li);
}
