// The read-aloud script (public/speech.js), in Node: how a text is cut into utterances, which voice reads
// each, and how a reading starts, waits for the phone's voices, stops and gives way to another. The
// browser tests (e2e/words.spec.ts) check the button that loads it.
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');

globalThis.self = globalThis;
require(path.join(__dirname, '..', '..', 'public', 'speech.js'));
const { utterances, pickVoice, read, stop } = globalThis.yishiSpeech;

const texts = (list) => list.map((u) => [u.text, u.lang]);

test('sentences become utterances in their language', () => {
  const u = utterances('3号楼停水通知\n因设备检修，明天停水。请提前储水！Call 12345 if needed. 谢谢', 'en');
  assert.deepEqual(texts(u), [
    ['3号楼停水通知', 'zh-CN'],
    ['因设备检修，明天停水。', 'zh-CN'],
    ['请提前储水！', 'zh-CN'],
    ['Call 12345 if needed.', 'en'],
    ['谢谢', 'zh-CN'],
  ]);
  // On a Chinese page, a sentence without characters is read by the Chinese voice too.
  assert.equal(utterances('Wi-Fi 5G.', 'zh-CN')[0].lang, 'zh-CN');
});

test('nothing to say is left out and decimals stay whole', () => {
  assert.deepEqual(texts(utterances('· \n- \n结余 4,970.5 元。\n\n', 'zh-CN')), [['结余 4,970.5 元。', 'zh-CN']]);
  assert.deepEqual(texts(utterances('· 停车场收益 8,600 元\n- 广告位 2,400 元\n-5 度', 'zh-CN')), [
    ['停车场收益 8,600 元', 'zh-CN'],
    ['广告位 2,400 元', 'zh-CN'],
    ['-5 度', 'zh-CN'],
  ]);
  assert.deepEqual(utterances('  \n ', 'zh-CN'), []);
});

test('long sentences are cut at a comma', () => {
  const u = utterances('长'.repeat(50) + '，' + '句'.repeat(50) + '。', 'zh-CN');
  assert.deepEqual(u.map((x) => x.text), ['长'.repeat(50) + '，', '句'.repeat(50) + '。']);
  const noComma = '字'.repeat(200);
  const cut = utterances(noComma, 'zh-CN');
  assert.equal(cut.length, 3);
  assert.ok(cut.every((x) => Array.from(x.text).length <= 80));
  assert.equal(cut.map((x) => x.text).join(''), noComma);
  // Characters outside the basic plane count as one each.
  const wide = '𠀀'.repeat(81);
  assert.deepEqual(utterances(wide, 'zh-CN').map((x) => Array.from(x.text).length), [80, 1]);
});

test('the mainland Mandarin voice is chosen', () => {
  assert.equal(pickVoice(['en-US', 'zh-HK', 'zh-TW', 'zh_CN', 'zh-CN'], 'zh-CN'), 3);
  assert.equal(pickVoice(['en-GB', 'cmn-Hans-CN'], 'zh-CN'), 1);
  assert.equal(pickVoice(['en-US', 'zh-HK'], 'zh-CN'), 1);
  assert.equal(pickVoice(['en-US', 'zh-TW', 'zh-HK'], 'zh-CN'), 1);
  assert.equal(pickVoice(['zh-CN', 'en-GB', 'en-US'], 'en'), 1);
});

test('without a voice of the language none is chosen', () => {
  assert.equal(pickVoice(['en-US', 'de-DE', 'ja-JP'], 'zh-CN'), -1);
  assert.equal(pickVoice(['zh-CN'], 'en'), -1);
  assert.equal(pickVoice([], 'zh-CN'), -1);
  // Languages that only begin like ours are not ours.
  assert.equal(pickVoice(['zu-ZA', 'ena'], 'en'), -1);
});

// A phone's speech synthesis that records what it is asked to say.
function phone(voices, { listedLate = false } = {}) {
  const said = [];
  let queue = [];
  let listed = !listedLate;
  const synth = {
    onvoiceschanged: null,
    getVoices: () => (listed ? voices.map((lang) => ({ lang, name: 'voice ' + lang })) : []),
    speak: (u) => {
      said.push({ text: u.text, lang: u.lang, voice: u.voice && u.voice.name });
      queue.push(u);
    },
    cancel: () => {
      const dropped = queue;
      queue = [];
      dropped.forEach((u) => u.onerror && u.onerror());
    },
    // The phone finishes everything it was given.
    finish: () => {
      const done = queue;
      queue = [];
      done.forEach((u) => u.onend && u.onend());
    },
    list: () => {
      listed = true;
      if (synth.onvoiceschanged) synth.onvoiceschanged();
    },
  };
  globalThis.speechSynthesis = synth;
  globalThis.SpeechSynthesisUtterance = class {
    constructor(text) {
      this.text = text;
    }
  };
  return { synth, said };
}

test('a reading speaks each sentence in its voice and says when it is done', () => {
  const { synth, said } = phone(['en-US', 'zh-CN']);
  const reports = [];
  read('通知。Hello there.', 'en', (r) => reports.push(r));
  assert.deepEqual(said, [
    { text: '通知。', lang: 'zh-CN', voice: 'voice zh-CN' },
    { text: 'Hello there.', lang: 'en', voice: 'voice en-US' },
  ]);
  assert.deepEqual(reports, ['speaking']);
  synth.finish();
  assert.deepEqual(reports, ['speaking', 'done']);
});

test('without a Chinese voice nothing is read', () => {
  const { said } = phone(['en-US']);
  const reports = [];
  read('停水通知。', 'zh-CN', (r) => reports.push(r));
  assert.deepEqual(said, []);
  assert.deepEqual(reports, ['no-voice-zh']);
  delete globalThis.speechSynthesis;
  read('停水通知。', 'zh-CN', (r) => reports.push(r));
  assert.deepEqual(reports, ['no-voice-zh', 'no-speech']);
});

test('a reading waits for voices the phone lists late', () => {
  const { synth, said } = phone(['zh-CN'], { listedLate: true });
  const reports = [];
  read('停水通知。', 'zh-CN', (r) => reports.push(r));
  assert.deepEqual(said, []);
  synth.list();
  assert.equal(said.length, 1);
  assert.deepEqual(reports, ['speaking']);
  stop();
});

test('stopping, or another reading, ends the first once, and its late events are ignored', () => {
  const { synth, said } = phone(['zh-CN']);
  const first = [];
  const second = [];
  read('第一段。第二段。', 'zh-CN', (r) => first.push(r));
  read('另一条公告。', 'zh-CN', (r) => second.push(r));
  assert.deepEqual(first, ['speaking', 'done']);
  assert.deepEqual(second, ['speaking']);
  assert.equal(said.length, 3);
  stop();
  synth.finish();
  assert.deepEqual(first, ['speaking', 'done']);
  assert.deepEqual(second, ['speaking', 'done']);
});
