/*
 * The organizer console's forms talk to the JSON API. A form with data-api="METHOD" and
 * data-path="/api/…" is sent as JSON built from its named fields (or, with
 * enctype="multipart/form-data", as the form's own fields and files) (data-type says how: number,
 * boolean, list, number-list, money, datetime in the zone of data-zone or of the selected option);
 * on success the page goes to data-next (with {id} / {code} from the answer), shows the answer's url
 * in the data-output element, or reloads; problems
 * are shown in words in the form, next to the fields at fault. Disabled fields are not sent.
 */
(function () {
  'use strict';

  function offsetOf(zone, local) {
    const probe = new Date(local + 'Z');
    const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
      .formatToParts(probe).find((p) => p.type === 'timeZoneName').value;
    const match = name.match(/GMT([+-]\d{2}):?(\d{2})?/);
    return match ? match[1] + ':' + (match[2] || '00') : 'Z';
  }

  function zoneFor(field, form) {
    if (field.dataset.zone) return field.dataset.zone;
    const source = form.querySelector(field.dataset.zoneFrom || '[data-zone-source]');
    if (source && source.selectedOptions && source.selectedOptions[0]) return source.selectedOptions[0].dataset.zone;
    return 'UTC';
  }

  function value(field, form) {
    const type = field.dataset.type || 'text';
    if (type === 'boolean') return field.checked;
    const raw = field.value.trim();
    if (raw === '') return undefined;
    switch (type) {
      case 'number': return Number(raw);
      case 'list': return raw.split(',').map((s) => s.trim()).filter(Boolean);
      case 'number-list': return raw.split(',').map((s) => s.trim()).filter(Boolean).map(Number);
      case 'money': return { amount: raw, currency: field.dataset.currency || 'CNY' };
      case 'datetime': {
        const local = raw.length === 16 ? raw + ':00' : raw;
        return local + offsetOf(zoneFor(field, form), local);
      }
      case 'json': return JSON.parse(raw);
      default: return raw;
    }
  }

  function put(target, path, v) {
    const keys = path.split('.');
    let node = target;
    keys.slice(0, -1).forEach((k) => { node = node[k] = node[k] || {}; });
    node[keys[keys.length - 1]] = v;
  }

  function body(form) {
    const out = {};
    form.querySelectorAll('[name]').forEach((field) => {
      if (field.matches(':disabled')) return; // as a browser's own submission: not sent
      if (field.type === 'radio' && !field.checked) return;
      if (field.type === 'checkbox' && field.dataset.type !== 'boolean') {
        if (!field.checked) return;
        const list = out[field.name] || [];
        list.push(field.dataset.value !== undefined ? Number(field.dataset.value) || field.value : field.value);
        out[field.name] = list;
        return;
      }
      const v = value(field, form);
      if (v !== undefined) put(out, field.name, v);
    });
    return out;
  }

  function showProblem(form, problem) {
    let box = form.querySelector('.form-errors');
    if (!box) {
      box = document.createElement('div');
      box.className = 'form-errors error';
      box.setAttribute('role', 'alert');
      form.prepend(box);
    }
    form.querySelectorAll('[aria-invalid]').forEach((f) => f.removeAttribute('aria-invalid'));
    const lines = [];
    (problem && problem.errors || []).forEach((e) => {
      const field = form.querySelector('[name="' + e.field + '"]');
      if (field) field.setAttribute('aria-invalid', 'true');
      lines.push(e.field + ': ' + e.message);
    });
    box.textContent = (problem && (problem.detail || problem.title)) || 'Error';
    if (lines.length) {
      const list = document.createElement('ul');
      lines.forEach((l) => { const li = document.createElement('li'); li.textContent = l; list.appendChild(li); });
      box.appendChild(list);
    }
  }

  // A checkbox with data-toggles="#fieldset" switches that fieldset (and so its fields) on and off.
  document.addEventListener('change', (event) => {
    const box = event.target.closest('[data-toggles]');
    if (box) document.querySelector(box.dataset.toggles).disabled = !box.checked;
  });

  document.addEventListener('submit', async (event) => {
    const form = event.target;
    if (!form.dataset.api) return;
    event.preventDefault();
    if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) return;
    const buttons = form.querySelectorAll('button');
    buttons.forEach((b) => { b.disabled = true; b.setAttribute('aria-busy', 'true'); });
    try {
      const payload = form.dataset.api === 'DELETE' ? undefined
        : form.enctype === 'multipart/form-data' ? new FormData(form) : body(form);
      const response = await Fengyun.api(form.dataset.api, form.dataset.path, payload);
      if (response.status >= 200 && response.status < 300) {
        const next = form.dataset.next;
        const output = form.dataset.output && document.querySelector(form.dataset.output);
        if (output) {
          output.textContent = response.json.url;
          buttons.forEach((b) => { b.disabled = false; b.removeAttribute('aria-busy'); });
          return;
        }
        if (next) {
          window.location.assign(next.replace(/\{(\w+)\}/g, (m, k) => encodeURIComponent(response.json ? response.json[k] : '')));
        } else {
          window.location.reload();
        }
        return;
      }
      showProblem(form, response.json);
    } catch (e) {
      showProblem(form, { detail: e.message });
    }
    buttons.forEach((b) => { b.disabled = false; b.removeAttribute('aria-busy'); });
  });
})();
