/*
 * The seat page: choose seats on the SVG map (mouse, touch or keyboard), zoom and pan, see seats
 * taken by others within seconds, or ask for the best available places; then hold them and go to
 * the checkout. Everything goes through the public API.
 */
(function () {
  'use strict';

  const page = document.getElementById('seat-page');
  if (!page || page.dataset.open !== 'true') return;
  const performanceId = Number(page.dataset.performanceId);
  const max = Number(page.dataset.max);
  const zones = new Map(JSON.parse(page.dataset.zones).map((z) => [z.id, z]));
  const text = JSON.parse(page.dataset.messages);
  const box = document.getElementById('seat-map');
  const svg = box ? box.querySelector('svg') : null;
  const seats = svg ? Array.from(svg.querySelectorAll('.seat:not([data-unsold])')) : [];
  const byId = new Map(seats.map((c) => [c.dataset.seatId, c]));
  const selected = new Set();
  const holdButton = document.getElementById('hold-seats');
  const error = document.getElementById('seat-error');

  // --- choosing ------------------------------------------------------------------------------

  function zoneOf(seat) {
    return zones.get(Number(seat.dataset.zoneId));
  }

  function describe(seat) {
    const title = seat.querySelector('title');
    const zone = zoneOf(seat);
    const state = seat.classList.contains('taken') ? text.taken
      : selected.has(seat.dataset.seatId) ? text.selected : text.available;
    seat.setAttribute('aria-label',
      (title ? title.textContent : seat.dataset.seatId) + (zone ? ', ' + zone.name + ', ' + zone.price : '') + ', ' + state);
    seat.setAttribute('aria-checked', String(selected.has(seat.dataset.seatId)));
    seat.setAttribute('aria-disabled', String(seat.classList.contains('taken')));
  }

  function toggle(seat) {
    const id = seat.dataset.seatId;
    showError(null);
    if (seat.classList.contains('taken')) return;
    if (selected.has(id)) {
      selected.delete(id);
    } else if (selected.size >= max) {
      showError(text.tooMany.replace('{0}', max));
      return;
    } else {
      selected.add(id);
    }
    seat.classList.toggle('chosen', selected.has(id));
    describe(seat);
    render();
  }

  function render() {
    const list = document.getElementById('selected-list');
    let total = 0;
    let currency = null;
    list.replaceChildren(...Array.from(selected).map((id) => {
      const seat = byId.get(id);
      const zone = zoneOf(seat);
      total += zone.minor;
      currency = zone.currency;
      const item = document.createElement('li');
      const title = seat.querySelector('title');
      item.textContent = zone.name + ' · ' + (title ? title.textContent : id) + ' — ' + zone.price;
      return item;
    }));
    if (!selected.size) {
      const item = document.createElement('li');
      item.className = 'muted';
      item.textContent = text.none;
      list.appendChild(item);
    }
    document.getElementById('selected-total').textContent = currency ? Fengyun.formatMoney(total, currency) : '–';
    holdButton.disabled = selected.size === 0;
  }

  function showError(message) {
    error.hidden = !message;
    error.textContent = message || '';
  }

  // --- keyboard: one seat in the tab order, arrows move between seats ------------------------

  function centre(seat) {
    return { x: Number(seat.getAttribute('cx')), y: Number(seat.getAttribute('cy')) };
  }

  function nearest(from, dx, dy) {
    const a = centre(from);
    let best = null, bestScore = Infinity;
    for (const seat of seats) {
      if (seat === from) continue;
      const b = centre(seat);
      const along = (b.x - a.x) * dx + (b.y - a.y) * dy;
      if (along <= 0.01) continue;
      const across = Math.abs((b.x - a.x) * dy) + Math.abs((b.y - a.y) * dx);
      const score = along + 3 * across;
      if (score < bestScore) { bestScore = score; best = seat; }
    }
    return best;
  }

  function focusSeat(seat) {
    seats.forEach((s) => s.setAttribute('tabindex', '-1'));
    seat.setAttribute('tabindex', '0');
    seat.focus();
  }

  const arrows = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1] };

  // --- zoom and pan --------------------------------------------------------------------------

  let view = null;
  let home = null;

  function setView(v) {
    view = v;
    svg.setAttribute('viewBox', v.join(' '));
  }

  function zoom(factor, cx, cy) {
    const [x, y, w, h] = view;
    const nw = Math.min(home[2], Math.max(home[2] / 12, w / factor));
    const nh = nw * h / w;
    const px = cx === undefined ? x + w / 2 : cx;
    const py = cy === undefined ? y + h / 2 : cy;
    setView([px - (px - x) * nw / w, py - (py - y) * nh / h, nw, nh]);
  }

  function toSvg(clientX, clientY) {
    const rect = svg.getBoundingClientRect();
    return [view[0] + (clientX - rect.left) / rect.width * view[2], view[1] + (clientY - rect.top) / rect.height * view[3]];
  }

  function setUpZoom() {
    home = svg.getAttribute('viewBox').split(/[\s,]+/).map(Number);
    setView(home.slice());
    document.querySelectorAll('[data-zoom]').forEach((b) => b.addEventListener('click', () => {
      if (b.dataset.zoom === 'in') zoom(1.5);
      else if (b.dataset.zoom === 'out') zoom(1 / 1.5);
      else setView(home.slice());
    }));
    svg.addEventListener('wheel', (e) => {
      e.preventDefault();
      const [px, py] = toSvg(e.clientX, e.clientY);
      zoom(e.deltaY < 0 ? 1.2 : 1 / 1.2, px, py);
    }, { passive: false });
    const pointers = new Map();
    let moved = 0, lastDistance = null;
    svg.addEventListener('pointerdown', (e) => {
      pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
      moved = 0;
    });
    svg.addEventListener('pointermove', (e) => {
      const last = pointers.get(e.pointerId);
      if (!last) return;
      if (pointers.size === 1) {
        const rect = svg.getBoundingClientRect();
        const dx = (e.clientX - last.x) / rect.width * view[2];
        const dy = (e.clientY - last.y) / rect.height * view[3];
        moved += Math.abs(e.clientX - last.x) + Math.abs(e.clientY - last.y);
        if (moved > 6) setView([view[0] - dx, view[1] - dy, view[2], view[3]]);
      }
      pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
      if (pointers.size === 2) {
        const [p, q] = Array.from(pointers.values());
        const distance = Math.hypot(p.x - q.x, p.y - q.y);
        if (lastDistance) {
          const [cx, cy] = toSvg((p.x + q.x) / 2, (p.y + q.y) / 2);
          zoom(distance / lastDistance, cx, cy);
        }
        lastDistance = distance;
        moved = 100;
      }
    });
    const end = (e) => {
      pointers.delete(e.pointerId);
      if (pointers.size < 2) lastDistance = null;
    };
    svg.addEventListener('pointerup', end);
    svg.addEventListener('pointercancel', end);
    svg.addEventListener('click', (e) => {
      if (moved > 6) return; // the end of a drag, not a tap
      const seat = e.target.closest('.seat');
      if (seat && byId.has(seat.dataset.seatId)) {
        toggle(seat);
        focusSeat(seat);
      }
    });
  }

  // --- live availability ---------------------------------------------------------------------

  async function refresh() {
    if (document.hidden) return;
    try {
      const response = await fetch('/api/v1/public/performances/' + performanceId + '/seats', { cache: 'no-cache' });
      if (!response.ok) return;
      const json = await response.json();
      let lost = false;
      for (const s of json.seats) {
        const seat = byId.get(s.id);
        if (!seat) continue;
        const taken = s.status !== 'AVAILABLE';
        if (taken && selected.has(s.id)) {
          selected.delete(s.id);
          seat.classList.remove('chosen');
          lost = true;
        }
        if (taken !== seat.classList.contains('taken')) {
          seat.classList.toggle('taken', taken);
          describe(seat);
        }
      }
      if (lost) {
        render();
        showError(text['error.SEATS_UNAVAILABLE']);
      }
      page.dataset.refreshed = String(Date.now());
    } catch (e) { /* the next round will try again */ }
  }

  // --- holding -------------------------------------------------------------------------------

  /*
   * A protected sale asks more of each hold: an admission token from the waiting room and a solved
   * proof-of-work challenge (GET …/protection says which). Both are single-use, so they are fetched
   * afresh for every attempt. The page says whether the sale asked for them when it was served
   * (data-protected, set by the protection module); a sale protected since then is learnt from
   * the first hold it refuses for want of a proof.
   */
  let protectedSale = page.dataset.protected === 'true';

  async function saleProof() {
    const headers = {};
    const protection = (await Fengyun.api('GET', '/api/v1/performances/' + performanceId + '/protection')).json || {};
    if (protection.waitingRoom) {
      const admission = await Fengyun.api('POST', '/api/v1/waiting-room/' + performanceId + '/admission');
      if (admission.status !== 200) {
        window.location.assign('/performances/' + performanceId + '/queue');
        return null;
      }
      headers['Fengyun-Admission'] = admission.json.admission;
    }
    if (protection.challengeDifficulty > 0) {
      showError(text.checking);
      const challenge = (await Fengyun.api('POST', '/api/v1/performances/' + performanceId + '/challenge')).json;
      const solution = await new Promise((resolve, reject) => {
        const worker = new Worker('/js/pow-worker.js');
        worker.onmessage = (e) => { worker.terminate(); resolve(e.data.solution); };
        worker.onerror = (e) => { worker.terminate(); reject(e); };
        worker.postMessage({ challenge: challenge.challenge, difficulty: challenge.difficulty });
      });
      headers['Fengyun-Challenge'] = challenge.challenge + ':' + solution;
    }
    return headers;
  }

  const PROOF_PROBLEMS = ['ADMISSION_REQUIRED', 'CHALLENGE_REQUIRED', 'CHALLENGE_EXPIRED', 'CHALLENGE_USED'];

  async function hold(body, button) {
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    showError(null);
    try {
      for (let attempt = 0; attempt < 2; attempt++) {
        const headers = protectedSale ? await saleProof() : {};
        if (headers === null) return;
        const response = await Fengyun.api('POST', '/api/v1/holds', Object.assign({ performanceId }, body), headers);
        if (response.status === 201) {
          window.location.assign('/checkout/' + encodeURIComponent(response.json.id));
          return;
        }
        if (attempt === 0 && response.json && PROOF_PROBLEMS.includes(response.json.code)) {
          protectedSale = true;
          continue;
        }
        showError(Fengyun.problemText(response.json, text));
        break;
      }
      refresh();
    } catch (e) {
      showError(text['error.other']);
    }
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }

  if (svg) {
    seats.forEach((seat, i) => {
      seat.setAttribute('tabindex', i === 0 ? '0' : '-1');
      seat.setAttribute('role', 'checkbox');
      describe(seat);
    });
    svg.addEventListener('keydown', (e) => {
      const seat = e.target.closest('.seat');
      if (!seat) return;
      if (arrows[e.key]) {
        const next = nearest(seat, arrows[e.key][0], arrows[e.key][1]);
        if (next) focusSeat(next);
        e.preventDefault();
      } else if (e.key === 'Enter' || e.key === ' ') {
        toggle(seat);
        e.preventDefault();
      }
    });
    setUpZoom();
    holdButton.addEventListener('click', () => hold({ seatIds: Array.from(selected) }, holdButton));
    refresh();
    setInterval(refresh, 5000);
  }
  document.getElementById('best-form').addEventListener('submit', (e) => {
    e.preventDefault();
    hold({
      zoneId: Number(document.getElementById('best-zone').value),
      quantity: Number(document.getElementById('best-quantity').value)
    }, document.getElementById('best-submit'));
  });
  if (holdButton) render();
})();
