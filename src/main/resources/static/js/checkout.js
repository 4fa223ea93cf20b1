/* The hold countdown on the checkout page; when it runs out the form cannot be sent any more. */
(function () {
  'use strict';
  const page = document.getElementById('checkout');
  const clock = document.getElementById('countdown');
  if (!page || !clock) return;
  const expires = Date.parse(page.dataset.expires);
  function tick() {
    const left = Math.max(0, Math.round((expires - Date.now()) / 1000));
    clock.textContent = Math.floor(left / 60) + ':' + String(left % 60).padStart(2, '0');
    if (left === 0) {
      document.getElementById('expired').hidden = false;
      const button = document.getElementById('place-order');
      if (button) button.disabled = true;
      return;
    }
    setTimeout(tick, 1000);
  }
  tick();
})();
