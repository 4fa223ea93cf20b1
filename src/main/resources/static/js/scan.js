/*
 * Fengyun gate scanner. Online, every scan goes to the server, which records the first entry.
 * Offline (or when the server cannot be reached), the scan is decided here from the list's
 * offline pack: the QR text's Ed25519 signature is verified with WebCrypto against the
 * organizer's published keys, then the revocation list and the check-ins seen so far are
 * consulted. Offline scans are queued and uploaded when the network returns; where the server's
 * answer differs (another gate admitted the ticket first), the conflict is listed.
 * Byte layout of the QR text: docs/ticket-format.md.
 */
(function () {
  'use strict';

  const root = document.getElementById('scanner');
  const text = JSON.parse(root.dataset.messages);
  const csrf = document.querySelector('meta[name="_csrf"]');
  const csrfHeader = document.querySelector('meta[name="_csrf_header"]');
  const $ = (id) => document.getElementById(id);
  const store = {
    get: (key, fallback) => {
      const value = localStorage.getItem('fy.scan.' + key);
      return value === null ? fallback : JSON.parse(value);
    },
    set: (key, value) => localStorage.setItem('fy.scan.' + key, JSON.stringify(value))
  };
  const deviceId = store.get('device', null) || (() => {
    const id = 'scanner-' + crypto.randomUUID().slice(0, 8);
    store.set('device', id);
    return id;
  })();

  const RFC4648 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const PAYLOAD = 47;
  const SIGNATURE = 64;
  const TICKET_CODE = /^[0-9A-HJKMNP-TV-Z]{16}$/;

  let org = store.get('org', null);
  let listId = store.get('list', null);
  let pack = listId ? store.get('pack.' + listId, null) : null;

  // --- network helpers ---------------------------------------------------------------------

  let reachable = true;

  async function api(method, path, body) {
    const headers = { 'Accept': 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET' && csrf) headers[csrfHeader.content] = csrf.content;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 5000);
    try {
      const response = await fetch(path, {
        method, headers, credentials: 'same-origin', signal: controller.signal,
        body: body === undefined ? undefined : JSON.stringify(body)
      });
      const json = await response.json().catch(() => null);
      setReachable(true);
      return { status: response.status, json };
    } catch (e) {
      setReachable(false);
      throw e;
    } finally {
      clearTimeout(timer);
    }
  }

  function setReachable(value) {
    reachable = value;
    showNetwork();
  }

  function online() {
    return navigator.onLine && reachable;
  }

  function showNetwork() {
    $('network').textContent = online() ? text.online : text.offline;
    $('network').className = 'network ' + (online() ? 'online' : 'offline');
  }

  // --- organizers, lists, packs ------------------------------------------------------------

  async function loadOrganizers() {
    const select = $('organizer');
    let organizers = store.get('organizers', []);
    try {
      const response = await api('GET', '/api/v1/organizers');
      if (response.status === 200) {
        organizers = response.json.items.map((o) => ({ slug: o.id, name: o.name }));
        store.set('organizers', organizers);
      }
    } catch (e) { /* offline: keep what we had */ }
    select.replaceChildren(...organizers.map((o) => new Option(o.name, o.slug)));
    if (!org || !organizers.some((o) => o.slug === org)) org = organizers.length ? organizers[0].slug : null;
    select.value = org;
    await loadLists();
  }

  async function loadLists() {
    const select = $('list');
    let lists = store.get('lists.' + org, []);
    try {
      const response = await api('GET', '/api/v1/organizers/' + org + '/checkin/lists');
      if (response.status === 200) {
        lists = response.json.items.map((l) => ({ id: l.id, name: l.name, performanceId: l.performanceId }));
        store.set('lists.' + org, lists);
      }
    } catch (e) { /* offline */ }
    select.replaceChildren(...lists.map((l) => new Option(l.name + ' · #' + l.performanceId, l.id)));
    $('no-lists').hidden = lists.length > 0;
    if (!lists.some((l) => l.id === listId)) listId = lists.length ? lists[0].id : null;
    select.value = listId;
    store.set('org', org);
    store.set('list', listId);
    await refreshPack();
  }

  async function refreshPack() {
    if (!listId) return;
    pack = store.get('pack.' + listId, null);
    try {
      const response = await api('GET', '/api/v1/organizers/' + org + '/checkin/lists/' + listId + '/offline-pack');
      if (response.status === 200) {
        const local = pack ? pack.localEntries || {} : {};
        pack = response.json;
        pack.localEntries = local;
        store.set('pack.' + listId, pack);
      }
    } catch (e) { /* offline: the stored pack stands */ }
    $('direction-choice').hidden = !(pack && pack.list.exits);
    $('pack-age').textContent = pack ? text.packAt + ' ' + new Date(pack.generatedAt).toLocaleString() : '';
    refreshCounts();
  }

  async function refreshCounts() {
    if (!listId || !online()) return;
    try {
      const response = await api('GET', '/api/v1/organizers/' + org + '/checkin/lists/' + listId + '/counts');
      if (response.status !== 200) return;
      const c = response.json;
      $('count-tickets').textContent = c.tickets;
      $('count-checked-in').textContent = c.checkedIn;
      $('count-inside').textContent = c.inside;
      $('gates').tBodies[0].replaceChildren(...c.gates.map((g) => {
        const row = document.createElement('tr');
        [g.deviceId || '—', g.admitted, g.exited, g.rejected].forEach((v) => {
          const cell = document.createElement('td');
          cell.textContent = v;
          row.appendChild(cell);
        });
        return row;
      }));
    } catch (e) { /* offline */ }
  }

  // --- deciding a scan ---------------------------------------------------------------------

  function direction() {
    return document.querySelector('input[name="direction"]:checked').value;
  }

  function normalise(code) {
    return code.replace(/\s+/g, '').toUpperCase();
  }

  function base32Decode(value, alphabet) {
    const out = new Uint8Array(Math.floor(value.length * 5 / 8));
    let buffer = 0, bits = 0, n = 0;
    for (const ch of value) {
      const v = alphabet.indexOf(ch);
      if (v < 0) return null;
      buffer = ((buffer << 5) | v) & 0xffff;
      bits += 5;
      if (bits >= 8) {
        out[n++] = (buffer >>> (bits - 8)) & 0xff;
        bits -= 8;
      }
    }
    return out;
  }

  function base32Encode(bytes, alphabet) {
    let out = '', buffer = 0, bits = 0;
    for (const b of bytes) {
      buffer = ((buffer << 8) | b) & 0xffff;
      bits += 8;
      while (bits >= 5) {
        out += alphabet[(buffer >>> (bits - 5)) & 31];
        bits -= 5;
      }
    }
    if (bits > 0) out += alphabet[(buffer << (5 - bits)) & 31];
    return out;
  }

  const importedKeys = new Map();

  async function publicKey(kid) {
    if (importedKeys.has(kid)) return importedKeys.get(kid);
    const jwk = pack.keys.keys.find((k) => k.kid === kid);
    if (!jwk) return null;
    const key = await crypto.subtle.importKey(
      'jwk', { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, { name: 'Ed25519' }, false, ['verify']);
    importedKeys.set(kid, key);
    return key;
  }

  /** Decides a scan with no server, as the server would from what the pack knows. */
  async function decideOffline(code, dir, at) {
    if (TICKET_CODE.test(code)) return { result: 'NEEDS_NETWORK' };
    const bytes = base32Decode(code, RFC4648);
    if (!bytes || bytes.length !== PAYLOAD + SIGNATURE || bytes[0] !== 1) return { result: 'INVALID' };
    const view = new DataView(bytes.buffer);
    const kid = view.getUint32(1).toString(16).padStart(8, '0');
    const key = await publicKey(kid);
    if (!key) return { result: 'INVALID' };
    const good = await crypto.subtle.verify(
      { name: 'Ed25519' }, key, bytes.slice(PAYLOAD), bytes.slice(0, PAYLOAD));
    if (!good) return { result: 'INVALID' };
    const ticketCode = base32Encode(bytes.slice(5, 15), CROCKFORD);
    const performanceId = Number(view.getBigInt64(15));
    const zoneId = Number(view.getBigInt64(23));
    const validFrom = view.getUint32(39) * 1000;
    const validUntil = view.getUint32(43) * 1000;
    const zone = pack.zones.find((z) => z.id === zoneId);
    const ticket = { id: ticketCode, zone: zone ? zone.name : '#' + zoneId };
    if (pack.revoked.includes(ticketCode)) return { result: 'REVOKED', ticket };
    if (performanceId !== pack.list.performanceId || !zone) return { result: 'WRONG_PERFORMANCE', ticket };
    if (!zone.admitted) return { result: 'WRONG_PERFORMANCE', reason: 'ZONE_NOT_ADMITTED', ticket };
    if (at < validFrom) return { result: 'NOT_YET_VALID', ticket };
    if (at > validUntil) return { result: 'EXPIRED', ticket };
    const entries = pack.localEntries;
    const server = pack.checkedIn.find((e) => e.ticketCode === ticketCode);
    const inside = ticketCode in entries ? entries[ticketCode] : server ? server.inside : false;
    const seen = ticketCode in entries || !!server;
    if (dir === 'OUT') {
      if (!inside) return { result: 'INVALID', reason: 'NOT_INSIDE', ticket };
      entries[ticketCode] = false;
      return { result: 'OK', ticket };
    }
    if (seen && (!pack.list.reentry || inside)) return { result: 'ALREADY_CHECKED_IN', ticket };
    entries[ticketCode] = true;
    return { result: 'OK', ticket };
  }

  async function handle(raw) {
    const code = normalise(raw);
    if (!code || !listId) return;
    const scan = {
      code, listId, direction: direction(), deviceId,
      scannedAt: new Date().toISOString(), nonce: crypto.randomUUID()
    };
    if (navigator.onLine) {
      try {
        const response = await api('POST', '/api/v1/organizers/' + org + '/checkin/scans', scan);
        if (response.status === 200) {
          remember(response.json);
          show(response.json, false);
          refreshCounts();
          return;
        }
        if (response.status >= 400 && response.status < 500 && response.json) {
          show({ result: 'INVALID', detail: response.json.detail }, false);
          return;
        }
      } catch (e) { /* unreachable: decide here */ }
    }
    if (!pack) return;
    const outcome = await decideOffline(code, scan.direction, Date.now());
    store.set('pack.' + listId, pack);
    if (outcome.result !== 'NEEDS_NETWORK') {
      const queue = store.get('queue', []);
      queue.push(Object.assign(scan, { localResult: outcome.result }));
      store.set('queue', queue);
      showQueue();
    }
    show(outcome, true);
  }

  function remember(outcome) {
    if (!pack || !outcome.ticket || outcome.result !== 'OK') return;
    pack.localEntries[outcome.ticket.id] = outcome.direction !== 'OUT';
    store.set('pack.' + listId, pack);
  }

  function show(outcome, offline) {
    const box = $('result');
    box.hidden = false;
    box.className = 'scan-result ' + (outcome.result === 'OK' ? 'ok' : 'rejected');
    box.dataset.result = outcome.result;
    box.dataset.offline = offline;
    $('result-word').textContent = text['result.' + outcome.result] || outcome.result;
    const parts = [];
    if (outcome.ticket) {
      parts.push([outcome.ticket.zone, outcome.ticket.seat, outcome.ticket.holder].filter(Boolean).join(' · '));
      parts.push(outcome.ticket.id);
    }
    if (outcome.reason) parts.push(outcome.reason);
    if (outcome.firstCheckedInAt) parts.push(new Date(outcome.firstCheckedInAt).toLocaleTimeString());
    if (outcome.detail) parts.push(outcome.detail);
    if (offline) parts.push('(' + text.verifiedOffline + ')');
    $('result-detail').textContent = parts.join(' — ');
  }

  // --- the upload queue --------------------------------------------------------------------

  function showQueue() {
    $('queue-size').textContent = store.get('queue', []).length;
    $('conflicts').replaceChildren(...store.get('conflicts', []).map((c) => {
      const item = document.createElement('li');
      item.textContent = c.ticket + ': ' + (text['result.' + c.local] || c.local) + ' → ' + (text['result.' + c.server] || c.server);
      return item;
    }));
  }

  let uploading = false;

  async function upload() {
    if (uploading || !navigator.onLine) return;
    uploading = true;
    try {
      let queue = store.get('queue', []);
      while (queue.length) {
        const scan = queue[0];
        const listOrg = store.get('org', org);
        const response = await api('POST', '/api/v1/organizers/' + listOrg + '/checkin/scans', {
          code: scan.code, listId: scan.listId, direction: scan.direction,
          deviceId: scan.deviceId, scannedAt: scan.scannedAt, nonce: scan.nonce
        });
        if (response.status >= 500 || response.status === 401 || response.status === 403) break;
        const server = response.status === 200 ? response.json.result : 'REJECTED';
        if (server !== scan.localResult) {
          const conflicts = store.get('conflicts', []);
          const ticket = response.json && response.json.ticket ? response.json.ticket.id : scan.code.slice(0, 12) + '…';
          conflicts.push({ ticket, local: scan.localResult, server, at: scan.scannedAt });
          store.set('conflicts', conflicts);
        }
        queue = store.get('queue', []).slice(1);
        store.set('queue', queue);
        showQueue();
      }
    } catch (e) {
      /* still unreachable: try again later */
    } finally {
      uploading = false;
    }
    refreshCounts();
  }

  // --- the camera --------------------------------------------------------------------------

  let stopCamera = null;

  async function startCamera() {
    const button = $('camera');
    if (stopCamera) {
      stopCamera();
      stopCamera = null;
      button.textContent = button.dataset.start;
      return;
    }
    let last = '', lastAt = 0;
    const found = (value) => {
      if (value === last && Date.now() - lastAt < 3000) return;
      last = value;
      lastAt = Date.now();
      handle(value);
    };
    if ('BarcodeDetector' in window) {
      const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
      const video = $('video');
      video.srcObject = stream;
      video.hidden = false;
      await video.play();
      const detector = new BarcodeDetector({ formats: ['qr_code'] });
      let running = true;
      const tick = async () => {
        if (!running) return;
        const codes = await detector.detect(video).catch(() => []);
        if (codes.length) found(codes[0].rawValue);
        setTimeout(tick, 200);
      };
      tick();
      stopCamera = () => {
        running = false;
        stream.getTracks().forEach((t) => t.stop());
        video.hidden = true;
      };
    } else {
      await loadScript('/webjars/html5-qrcode/2.2.1/html5-qrcode.min.js');
      const reader = new Html5Qrcode('reader');
      $('reader').hidden = false;
      await reader.start({ facingMode: 'environment' }, { fps: 5, qrbox: 250 }, found, () => {});
      stopCamera = () => {
        reader.stop();
        $('reader').hidden = true;
      };
    }
    button.textContent = button.dataset.stop;
  }

  function loadScript(src) {
    return new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = src;
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  // --- wiring ------------------------------------------------------------------------------

  $('manual').addEventListener('submit', (event) => {
    event.preventDefault();
    const value = $('code').value;
    $('code').value = '';
    handle(value);
  });
  $('organizer').addEventListener('change', (e) => { org = e.target.value; listId = null; loadLists(); });
  $('list').addEventListener('change', (e) => {
    listId = Number(e.target.value);
    store.set('list', listId);
    refreshPack();
  });
  $('camera').addEventListener('click', () => startCamera().catch((e) => show({ result: 'INVALID', detail: e.message }, false)));
  window.addEventListener('online', () => { showNetwork(); upload(); refreshPack(); });
  window.addEventListener('offline', showNetwork);
  setInterval(() => { upload(); refreshCounts(); }, 5000);

  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/scan-sw.js', { scope: '/scan' }).catch(() => {});
  }
  showNetwork();
  showQueue();
  loadOrganizers().then(() => { root.dataset.ready = 'true'; upload(); });
})();
