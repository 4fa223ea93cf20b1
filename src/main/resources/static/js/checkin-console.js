/* Live counts of the check-in lists on the console page, refreshed every five seconds. */
(function () {
  'use strict';
  const page = document.getElementById('checkin-console');
  if (!page) return;
  async function refresh() {
    for (const row of document.querySelectorAll('tr.checkin-list')) {
      try {
        const response = await Fengyun.api('GET', '/api/v1/organizers/' + page.dataset.org + '/checkin/lists/' + row.dataset.list + '/counts');
        if (response.status !== 200) continue;
        row.querySelectorAll('[data-count]').forEach((cell) => { cell.textContent = response.json[cell.dataset.count]; });
      } catch (e) { /* next round */ }
    }
  }
  refresh();
  setInterval(refresh, 5000);
})();
