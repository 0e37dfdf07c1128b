// The page's very first script, inlined at the top of index.html by scripts/bundle.py (which fills in
// APPS and HOME_PATHS, the same as app/boot.js's). On a phone's first visit to a home screen (no service
// worker yet, so nothing cached), it starts the home app's download at once, before the stylesheet: the
// loader (a module script) only runs once the whole page and its stylesheet are in.
(function () {
  var APPS = __APPS__;
  var HOME_PATHS = __HOME_PATHS__;
  try {
    if (localStorage.getItem('yishi.app') === 'office') return;
  } catch (_) {
    // storage refused: the default choice
  }
  if (!HOME_PATHS.test(location.pathname)) return;
  if (navigator.serviceWorker && navigator.serviceWorker.controller) return;
  var head = document.head;
  var wasm = document.createElement('link');
  wasm.rel = 'preload';
  wasm.as = 'fetch';
  wasm.type = 'application/wasm';
  wasm.crossOrigin = 'anonymous';
  wasm.href = APPS.home.wasm;
  var glue = document.createElement('link');
  glue.rel = 'modulepreload';
  glue.href = APPS.home.js;
  head.append(wasm, glue);
})();
