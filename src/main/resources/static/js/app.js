/*
 * Shared by Fengyun's pages: JSON calls to the API with the CSRF token, problem details turned into
 * words from the page's messages, and forms that disable their buttons while they submit.
 */
(function () {
  'use strict';

  const csrf = document.querySelector('meta[name="_csrf"]');
  const csrfHeader = document.querySelector('meta[name="_csrf_header"]');

  /**
   * Calls the API; resolves to {status, json}. Problem details come back as json too. A FormData
   * body (file uploads) goes as multipart/form-data, anything else as JSON; extraHeaders are sent
   * as given.
   */
  async function api(method, path, body, extraHeaders) {
    const headers = Object.assign({ 'Accept': 'application/json' }, extraHeaders);
    const multipart = body instanceof FormData;
    if (body !== undefined && !multipart) headers['Content-Type'] = 'application/json';
    if (method !== 'GET' && csrf) headers[csrfHeader.content] = csrf.content;
    const response = await fetch(path, {
      method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : multipart ? body : JSON.stringify(body)
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

  /*
   * Links marked data-download (exports) are fetched here so the page can say that the file is
   * being prepared, and say so in words when it fails; the file is then saved as usual.
   */
  document.addEventListener('click', async (event) => {
    const link = event.target.closest('a[data-download]');
    if (!link || event.defaultPrevented || event.button !== 0) return;
    event.preventDefault();
    const status = document.getElementById(link.dataset.download);
    link.setAttribute('aria-busy', 'true');
    if (status) status.textContent = status.dataset.preparing;
    try {
      const response = await fetch(link.href, { credentials: 'same-origin' });
      if (!response.ok) throw new Error(String(response.status));
      const name = (response.headers.get('Content-Disposition') || '').match(/filename="?([^";]+)"?/);
      const url = URL.createObjectURL(await response.blob());
      const save = document.createElement('a');
      save.href = url;
      save.download = name ? name[1] : '';
      document.body.appendChild(save);
      save.click();
      save.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
      if (status) status.textContent = status.dataset.done;
    } catch (e) {
      if (status) status.textContent = status.dataset.failed;
    } finally {
      link.removeAttribute('aria-busy');
    }
  });

  window.Fengyun = { api, problemText, formatMoney };
})();
