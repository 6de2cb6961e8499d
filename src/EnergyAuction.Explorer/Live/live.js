// The explorer's live updates. Every page reads fully without this script; with it, each block event from /events
// re-fetches the page and swaps in its <main>, and the countdowns tick every second between blocks.
(() => {
  let shownAt = Date.now();
  let fetching = false;
  let again = false;

  function tick() {
    const seconds = Math.floor((Date.now() - shownAt) / 1000);
    document.querySelectorAll('.countdown[data-deadline]').forEach(el => {
      const left = Number(el.dataset.deadline) - Number(el.dataset.now) - seconds;
      el.textContent = left > 0 ? left + ' s' : 'passed';
    });
  }

  async function refresh() {
    if (fetching) { again = true; return; }
    fetching = true;
    try {
      const response = await fetch(location.href, { headers: { 'Accept': 'text/html' }, cache: 'no-store' });
      const fresh = new DOMParser().parseFromString(await response.text(), 'text/html');
      const main = document.querySelector('main');
      const next = fresh.querySelector('main');
      if (main && next) {
        main.innerHTML = next.innerHTML;
        main.dataset.block = next.dataset.block || '';
        document.title = fresh.title;
        shownAt = Date.now();
        tick();
      }
    } catch (e) {
      // The explorer itself is unreachable: the next event (EventSource reconnects by itself) tries again.
    } finally {
      fetching = false;
      if (again) { again = false; refresh(); }
    }
  }

  setInterval(tick, 1000);
  const events = new EventSource('/events');
  events.addEventListener('block', e => {
    const main = document.querySelector('main');
    if (main && main.dataset.block !== e.data) refresh();
  });
})();
