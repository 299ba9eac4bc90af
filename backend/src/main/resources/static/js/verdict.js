import { inLanguage } from './api.js';
import { drawTiming } from './timing.js';

// A graded attempt shown on the workbench: the verdict per objective (click one to see its failing moment on the
// timing diagram), a new row in the attempts table, and the timing diagram of the graded run.
export async function showGrade({ api, lang, graded, onObjective }) {
  const verdict = document.getElementById('verdict');
  verdict.replaceChildren();
  const focus = (id) => {
    for (const line of document.querySelectorAll('#timing .fail')) line.classList.toggle('focus', line.id === `fail-${id}`);
    document.getElementById('timing-figure').scrollIntoView({ block: 'nearest' });
    onObjective?.(id);
  };
  for (const o of graded.grade.objectives) {
    const li = document.createElement('li');
    li.className = o.passed ? 'passed' : 'failed';
    li.dataset.objective = o.id;
    li.textContent = `${o.id}: ${inLanguage(o.message, lang)}`;
    li.tabIndex = 0;
    li.addEventListener('click', () => focus(o.id));
    li.addEventListener('keydown', (e) => { if (e.key === 'Enter') focus(o.id); });
    verdict.append(li);
  }
  const row = document.createElement('tr');
  const cells = [new Date().toTimeString().substring(0, 5), String(graded.grade.score),
    graded.grade.passed ? (lang === 'en' ? 'passed' : '통과') : (lang === 'en' ? 'not passed' : '미통과')];
  for (const [i, c] of cells.entries()) {
    const td = document.createElement('td');
    td.textContent = c;
    if (i === 2) td.className = graded.grade.passed ? 'done' : 'overdue';
    row.append(td);
  }
  document.querySelector('#attempts tbody').prepend(row);
  const trace = await fetch(`${api}/my/lab-attempts/${graded.attempt}/trace`);
  if (trace.ok) drawTiming(document.getElementById('timing'), await trace.text(), graded.grade.objectives);
  document.getElementById('timing-figure').hidden = false;
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
