// Form helpers: labelled inputs, and showing an RFC 9457 problem next to the field it names.
import { h, notice } from '../dom.js';

/** A labelled input row; `field` is the API's name for it (e.g. "config.lower"). */
export function input(id, label, attrs = {}, hint) {
  const el = h(attrs.tag || 'input', { id, name: id, 'data-field': attrs.field || id, ...without(attrs, 'tag', 'field', 'options') }, (attrs.options || []).map(option));
  const row = h('div', { class: 'row' }, h('label', { for: id }, label), el, hint ? h('span', { class: 'muted' }, hint) : null);
  return { row, el };
}

function option(o) {
  return typeof o === 'string' ? h('option', { value: o }, o) : h('option', { value: o.value }, o.label);
}

function without(obj, ...keys) {
  const out = { ...obj };
  for (const k of keys) delete out[k];
  return out;
}

/** Removes the marks a previous problem left. */
export function clearProblems(form) {
  for (const el of form.querySelectorAll('[aria-invalid]')) {
    el.removeAttribute('aria-invalid');
    el.removeAttribute('aria-describedby');
  }
  for (const el of form.querySelectorAll('.field-error, .notice')) el.remove();
}

/**
 * Shows the server's problem: its detail in a notice at the top of the form and, when it names a
 * field this form has, the same message under that field (marked invalid and focused).
 */
export function showProblem(form, error) {
  clearProblems(form);
  const detail = error.message || String(error);
  form.prepend(notice('error', detail));
  const field = error.field;
  if (!field) return;
  const target = [...form.querySelectorAll('[data-field]')].find((el) => el.dataset.field === field);
  if (!target) return;
  const id = target.id + '-error';
  target.setAttribute('aria-invalid', 'true');
  target.setAttribute('aria-describedby', id);
  const message = detail.startsWith(field + ': ') ? detail.slice(field.length + 2) : detail;
  target.closest('.row').append(h('span', { class: 'field-error', id }, message));
  target.focus();
}

/** Disables the submit button while `work` runs. */
export async function busy(form, work) {
  const buttons = form.querySelectorAll('button[type=submit]');
  buttons.forEach((b) => (b.disabled = true));
  try {
    return await work();
  } finally {
    buttons.forEach((b) => (b.disabled = false));
  }
}
