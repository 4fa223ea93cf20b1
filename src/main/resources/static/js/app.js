/*
 * Shared by Fengyun's pages: JSON calls to the API with the CSRF token, problem details turned into
 * words from the page's messages, and forms that disable their buttons while they submit.
 */
(function () {
  'use strict';

  const csrf = document.querySelector('meta[name="_csrf"]');
  const csrfHeader = document.querySelector('meta[name="_csrf_header"]');

  /** Calls the API; resolves to {status, json}. Problem details come back as json too. */
  async function api(method, path, body) {
    const headers = { 'Accept': 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET' && csrf) headers[csrfHeader.content] = csrf.content;
    const response = await fetch(path, {
      method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    const json = await response.json().catch(() => null);
    return { status: response.status, json };
  }

  /** The page's words for a problem's code (texts['error.CODE']), else its detail. */
  function problemText(problem, texts) {
    if (problem && problem.code && texts['error.' + problem.code]) return texts['error.' + problem.code];
    return texts['error.other'] || (problem && problem.detail) || 'Error';
  }

  function formatMoney(minor, currency) {
    const lang = document.documentElement.lang || 'en';
    return new Intl.NumberFormat(lang, { style: 'currency', currency }).format(minor / 100);
  }

  document.addEventListener('submit', (event) => {
    const form = event.target;
    if (!form.matches('[data-disable-on-submit]') || event.defaultPrevented) return;
    form.querySelectorAll('button[type="submit"], button:not([type])').forEach((b) => {
      b.disabled = true;
      b.setAttribute('aria-busy', 'true');
    });
  });

  window.Fengyun = { api, problemText, formatMoney };
})();
