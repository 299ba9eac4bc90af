// A small helper for the drawings (plant, wiring board): an SVG element with its attributes and text.
const ns = 'http://www.w3.org/2000/svg';

export function el(name, attrs = {}, content) {
  const e = document.createElementNS(ns, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (content !== undefined) e.textContent = content;
  return e;
}
