/*
 * The waiting room: takes a place in the queue (once; the place lives in a cookie), then asks
 * where it stands as often as the server suggests, and opens the seat page when it is our turn.
 */
(function () {
  'use strict';

  const page = document.getElementById('queue-page');
  if (!page) return;
  const performanceId = page.dataset.performanceId;
  const text = JSON.parse(page.dataset.messages);
  const stage = document.getElementById('queue-stage');
  const position = document.getElementById('queue-position');
  const wait = document.getElementById('queue-wait');
  const base = '/api/v1/waiting-room/' + performanceId;

  function duration(seconds) {
    return seconds >= 120
      ? text.minutes.replace('{0}', Math.round(seconds / 60))
      : text.seconds.replace('{0}', seconds);
  }

  function show(status) {
    stage.textContent = status.stage === 'WAITING' && status.position === null ? text.placing : text[status.stage];
    position.hidden = status.position === null || status.stage !== 'WAITING';
    position.textContent = text.position.replace('{0}', status.position);
    wait.hidden = status.estimatedWaitSeconds === null || status.stage !== 'WAITING';
    wait.textContent = text.wait.replace('{0}', duration(status.estimatedWaitSeconds));
  }

  async function step(method, path) {
    let next = 5;
    try {
      const response = await Fengyun.api(method, path);
      if (response.status === 404 && response.json && response.json.code === 'NOT_IN_QUEUE') {
        return step('POST', base + '/join');
      }
      if (response.status === 404) {
        window.location.assign('/performances/' + performanceId); // no waiting room (any more)
        return;
      }
      if (response.status >= 400) throw new Error(String(response.status));
      const status = response.json;
      show(status);
      if (status.stage === 'ADMITTED') {
        window.location.assign('/performances/' + performanceId);
        return;
      }
      if (status.stage === 'EXPIRED') return; // the page offers nothing more; a reload queues anew
      next = status.pollAfterSeconds;
    } catch (e) {
      stage.textContent = text.error;
    }
    setTimeout(() => step('GET', base), next * 1000);
  }

  step('POST', base + '/join');
})();
