// The first script of every page, inlined into index.html by scripts/bundle.py (which fills in APPS).
// Before any wasm arrives it shows the frame in the member's language and type size, and the notices she
// saw last; then it loads one of the two apps (the device's choice: see app/src/apps.rs) with a progress
// bar, offers to retry when the network drops, and registers the service worker (app/sw.js), telling the
// app when a new version is waiting.
const APPS = __APPS__;

const $ = (id) => document.getElementById(id);
const read = (key) => {
  try {
    return localStorage.getItem(key);
  } catch (_) {
    return null; // storage refused (private browsing): the defaults
  }
};

const en = read('yishi.lang') === 'en';
const TEXT = en
  ? {
      opening: 'Opening Yishi…',
      hint: 'On a slow network the first visit takes a while.',
      failed: 'The network is poor: Yishi did not open.',
      retry: 'Try again',
      notices: 'Notices you saw last time',
    }
  : {
      opening: '正在打开议事……',
      hint: '网络慢时，第一次打开要等一会儿。',
      failed: '网络不好，没有打开。',
      retry: '重新打开',
      notices: '上次看到的公告',
    };
if (en) {
  document.documentElement.lang = 'en';
  $('boot-status').textContent = TEXT.opening;
  $('boot-hint').textContent = TEXT.hint;
  $('boot-failed-text').textContent = TEXT.failed;
  $('boot-retry').textContent = TEXT.retry;
  $('boot-notices-heading').textContent = TEXT.notices;
}
if (read('yishi.large_type') === '1') document.documentElement.classList.add('large-type');

// The notices she saw last (kept by the app; text only, never markup).
try {
  const last = JSON.parse(read('yishi.last_notices') || 'null');
  if (last && Array.isArray(last.notices) && last.notices.length > 0) {
    const list = $('boot-list');
    for (const n of last.notices) {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = '/notices/' + encodeURIComponent(String(n.id));
      link.textContent = String(n.title);
      const at = document.createElement('span');
      at.textContent = String(n.at);
      item.append(link, at);
      list.append(item);
    }
    $('boot-notices').hidden = false;
  }
} catch (_) {
  // Nothing kept, or something unreadable: the frame alone.
}

// The screens of the home app: what a phone loads first (app/preload.js has the same).
const HOME_PATHS = __HOME_PATHS__;
// The office if the device chose it; the home app for its screens until the resident app is in the
// service worker's cache (then the resident app, which has every screen and needs no download); else the
// resident app.
async function pick() {
  if (read('yishi.app') === 'office') return APPS.office;
  if (!HOME_PATHS.test(location.pathname)) return APPS.resident;
  const cached = 'caches' in self ? await caches.match(APPS.resident.wasm).catch(() => undefined) : undefined;
  return cached ? APPS.resident : APPS.home;
}
const app = await pick();

// The wasm, counted as it arrives against its known size, for the progress bar.
async function download() {
  const response = await fetch(app.wasm);
  if (!response.ok) throw new Error('wasm: HTTP ' + response.status);
  if (!response.body) return response;
  const reader = response.body.getReader();
  const bar = $('boot-bar');
  let received = 0;
  const counted = new ReadableStream({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) {
        controller.close();
        return;
      }
      received += value.byteLength;
      if (bar) bar.style.width = Math.min(100, Math.max(3, (100 * received) / app.bytes)) + '%';
      controller.enqueue(value);
    },
  });
  return new Response(counted, { headers: { 'Content-Type': 'application/wasm' } });
}

try {
  const wasm = download(); // at once, beside the JS glue
  wasm.catch(() => {}); // its failure is handled below, through init
  const glue = await import(app.js);
  await glue.default({ module_or_path: wasm });
} catch (error) {
  console.error(error);
  $('boot-failed').hidden = false;
  $('boot-retry').addEventListener('click', () => location.reload());
}

// The service worker: offline reading and new versions. A waiting one is announced to the app, which
// shows "有新版本，点此刷新"; a tap calls yishiApplyUpdate and the page reloads under the new version.
if ('serviceWorker' in navigator) {
  const announce = (worker) => {
    window.yishiUpdate = true;
    window.yishiApplyUpdate = () => worker.postMessage('skip-waiting');
    dispatchEvent(new Event('yishi-update'));
  };
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (reloading || !window.yishiUpdate) return;
    reloading = true;
    location.reload();
  });
  navigator.serviceWorker
    .register('/sw.js')
    .then((registration) => {
      if (registration.waiting && navigator.serviceWorker.controller) announce(registration.waiting);
      registration.addEventListener('updatefound', () => {
        const worker = registration.installing;
        if (!worker) return;
        worker.addEventListener('statechange', () => {
          // Installed while a previous version controls the page: a new version is ready.
          if (worker.state === 'installed' && navigator.serviceWorker.controller) announce(worker);
        });
      });
      // Look for a new version whenever she comes back to the app.
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') registration.update().catch(() => {});
      });
    })
    .catch((error) => console.error(error));
}
