// The service worker's push rule (app/sw.js, rule 5), in Node: what a push message shows, and where a tap
// on it goes. The browser test (e2e/tests/push.spec.ts) delivers a real message to the worker and reads
// the notification back; a tap on a notification is something no browser automation can make, so the
// tap's handler is run here, against a stand-in for the worker's world (clients, windows).
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const ORIGIN = 'https://yishi.example.org';

// A fresh worker: its listeners, what it showed, and the windows it knows of.
function worker({ windows = [] } = {}) {
  const listeners = {};
  const shown = [];
  const opened = [];
  const self = {
    location: { origin: ORIGIN },
    addEventListener: (type, fn) => {
      listeners[type] = fn;
    },
    registration: {
      showNotification: async (title, options) => {
        shown.push({ title, options });
      },
    },
    clients: {
      matchAll: async () => windows,
      openWindow: async (url) => {
        opened.push(url);
      },
      claim: async () => {},
    },
    skipWaiting: () => {},
  };
  const source = fs
    .readFileSync(path.join(__dirname, '..', '..', 'app', 'sw.js'), 'utf-8')
    .replace('__VERSION__', '"test"')
    .replace('__SHELL__', '[]')
    .replace('__OFFICE__', '[]');
  vm.runInNewContext(source, { self, caches: {}, URL, fetch: async () => {}, console });
  // Dispatches an event and waits for what it asked to be waited for.
  const dispatch = async (type, event) => {
    let waited = Promise.resolve();
    listeners[type]({ ...event, waitUntil: (p) => (waited = p) });
    await waited;
  };
  return { dispatch, shown, opened };
}

const message = (value) => ({
  data: {
    json: () => (typeof value === 'string' ? JSON.parse(value) : value),
  },
});

// A window of the app: `navigate` resolves unless the worker does not control it.
function window(url, { controlled = true } = {}) {
  const w = {
    url,
    focused: false,
    navigatedTo: null,
    focus: async () => {
      w.focused = true;
      return w;
    },
    navigate: async (to) => {
      if (!controlled) throw new TypeError('not controlled by this worker');
      w.navigatedTo = to;
      return w;
    },
  };
  return w;
}

const tap = (url) => ({
  notification: { data: { url }, close: () => {} },
});

test('a push shows its heading and title, once per notification, and keeps the page to open', async () => {
  const sw = worker();
  await sw.dispatch(
    'push',
    message({ id: 'ntf_01', title: '请您投票', body: '小区停车收费调整', url: '/votes/vot_01' }),
  );
  assert.equal(sw.shown.length, 1);
  const { title, options } = sw.shown[0];
  assert.equal(title, '请您投票');
  assert.equal(options.body, '小区停车收费调整');
  assert.equal(options.tag, 'ntf_01');
  assert.equal(options.data.url, '/votes/vot_01');
  assert.equal(options.icon, '/icon-192.png');
});

test('a message that is not the app\'s opens the inbox, never another site', async () => {
  const sw = worker();
  await sw.dispatch('push', { data: { json: () => JSON.parse('not json') } });
  await sw.dispatch('push', message({ title: '新公告', url: 'https://evil.example/x' }));
  await sw.dispatch('push', message({ title: '新公告', url: '//evil.example/x' }));
  assert.deepEqual(
    sw.shown.map((s) => [s.title, s.options.data.url]),
    [
      ['议事', '/notifications'],
      ['新公告', '/notifications'],
      ['新公告', '/notifications'],
    ],
  );
});

test('a tap brings the open window of the app forward at the page', async () => {
  const other = window('https://elsewhere.example/');
  const app = window(`${ORIGIN}/notices`);
  const sw = worker({ windows: [other, app] });
  await sw.dispatch('notificationclick', tap('/votes/vot_01'));
  assert.equal(app.focused, true);
  assert.equal(app.navigatedTo, `${ORIGIN}/votes/vot_01`);
  assert.equal(other.focused, false);
  assert.deepEqual(sw.opened, []);
});

test('with no window of the app, or one it cannot move, a tap opens one', async () => {
  const none = worker();
  await none.dispatch('notificationclick', tap('/meetings/mtg_01'));
  assert.deepEqual(none.opened, [`${ORIGIN}/meetings/mtg_01`]);

  const stuck = worker({ windows: [window(`${ORIGIN}/`, { controlled: false })] });
  await stuck.dispatch('notificationclick', tap('/meetings/mtg_01'));
  assert.deepEqual(stuck.opened, [`${ORIGIN}/meetings/mtg_01`]);

  const nowhere = worker();
  await nowhere.dispatch('notificationclick', tap('javascript:alert(1)'));
  assert.deepEqual(nowhere.opened, [`${ORIGIN}/notifications`]);
});
