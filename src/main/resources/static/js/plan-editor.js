/*
 * The seating-plan generator: blocks of rows side by side in front of a stage, an optional
 * standing area. Every change redraws the preview from the server's own generator and renderer;
 * saving stores the layout as the venue's next plan revision. A JSON file can be uploaded instead.
 */
(function () {
  'use strict';
  const page = document.getElementById('plan-editor');
  if (!page) return;
  const base = '/api/v1/organizers/' + page.dataset.org;
  const form = document.getElementById('generator');
  const blocks = document.getElementById('blocks');

  function layout() {
    const rows = Array.from(blocks.querySelectorAll('tr.block'));
    let x = 0;
    const list = rows.map((row) => {
      const get = (name) => row.querySelector('[name="' + name + '"]').value.trim();
      const rowCount = Number(get('rows'));
      const seats = Number(get('seatsPerRow'));
      const front = Math.min(rowCount, Number(get('frontRows') || 0));
      const categories = [];
      if (front > 0) categories.push({ from: 1, to: front, category: 'A' });
      if (front < rowCount) categories.push({ from: front + 1, to: rowCount, category: 'B' });
      const block = { name: get('blockName'), shape: 'RECTANGLE', rows: rowCount, seatsPerRow: seats, x, y: 120, categories };
      x += seats * 30 + 60;
      return block;
    });
    const width = Math.max(400, x - 60);
    const standing = Number(document.getElementById('standing').value || 0);
    const result = {
      name: document.getElementById('plan-name').value.trim(),
      blocks: list,
      stage: { x: width / 2 - 200, y: 0, width: 400, height: 80 }
    };
    if (standing > 0) {
      const deepest = Math.max(...list.map((b) => b.rows)) * 30;
      result.standing = [{ name: 'Standing', capacity: standing, category: 'GA', x: 0, y: 160 + deepest, width, height: 200 }];
    }
    return result;
  }

  function problem(box, response) {
    box.hidden = false;
    const p = response.json || {};
    box.textContent = (p.detail || p.title || 'Error') +
      (p.errors ? ' ' + p.errors.map((e) => e.field + ': ' + e.message).join('; ') : '');
  }

  let timer = null;
  let generation = 0;
  async function preview() {
    const mine = ++generation;
    const errors = document.getElementById('generator-errors');
    const generated = await Fengyun.api('POST', base + '/seating-plans/generate', layout());
    if (mine !== generation) return;
    if (generated.status !== 200) {
      problem(errors, generated);
      return;
    }
    errors.hidden = true;
    const plan = generated.json;
    const response = await fetch(base + '/seating-plans/svg', {
      method: 'POST', credentials: 'same-origin',
      headers: Object.assign({ 'Content-Type': 'application/json' }, csrfHeaders()),
      body: JSON.stringify(plan)
    });
    if (mine !== generation || !response.ok) return;
    const svg = new DOMParser().parseFromString(await response.text(), 'image/svg+xml').documentElement;
    document.getElementById('preview').replaceChildren(document.importNode(svg, true));
    const seats = document.getElementById('preview').querySelectorAll('.seat').length;
    document.getElementById('preview-summary').textContent = page.dataset.seatsLabel.replace('{0}', seats);
    page.dataset.previewed = String(mine);
  }

  function csrfHeaders() {
    const token = document.querySelector('meta[name="_csrf"]');
    const header = document.querySelector('meta[name="_csrf_header"]');
    return token ? { [header.content]: token.content } : {};
  }

  form.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(preview, 300);
  });
  document.getElementById('add-block').addEventListener('click', () => {
    const copy = blocks.querySelector('tr.block').cloneNode(true);
    const n = blocks.querySelectorAll('tr.block').length + 1;
    copy.querySelector('[name="blockName"]').value = copy.querySelector('[name="blockName"]').value.replace(/\d+$/, String(n));
    blocks.appendChild(copy);
    preview();
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = document.getElementById('save-plan');
    button.disabled = true;
    const saved = await Fengyun.api('POST', base + '/venues/' + page.dataset.venue + '/plan/generate', layout());
    if (saved.status === 200 || saved.status === 201) {
      window.location.reload();
      return;
    }
    problem(document.getElementById('generator-errors'), saved);
    button.disabled = false;
  });
  document.getElementById('upload').addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = document.getElementById('plan-file').files[0];
    const box = document.getElementById('upload-errors');
    let plan;
    try {
      plan = JSON.parse(await file.text());
    } catch (e) {
      box.hidden = false;
      box.textContent = e.message;
      return;
    }
    const saved = await Fengyun.api('PUT', base + '/venues/' + page.dataset.venue + '/plan', plan);
    if (saved.status === 200 || saved.status === 201) {
      window.location.reload();
      return;
    }
    problem(box, saved);
  });
  preview();
})();
