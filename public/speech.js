// 朗读: reads a text aloud with the browser's own speech synthesis, for residents who see or read poorly.
// The app (components::ReadAloud) loads this file on the first tap of a 朗读 button, so a phone pays
// nothing for it until then; scripts/bundle.py minifies it into dist/speech.js and the service worker
// keeps it for offline use. No audio library: the phone's own voices read.
//
// Each sentence is its own utterance: a long one is stopped early by some engines, and a short one lets a
// Chinese sentence inside an English page be read by a Chinese voice instead of an English voice spelling
// out characters it cannot read. A phone without a voice for a language the text needs reads nothing and
// the app says so, rather than let another language's voice read it.
//
// self.yishiSpeech.read(text, page, report): page is the page's language tag ('zh-CN' or 'en'); report is
// called with 'speaking', then 'done' (finished, stopped, or replaced by another reading), or at once with
// 'no-speech', 'no-voice-zh' or 'no-voice-en'. self.yishiSpeech.stop() stops whatever is being read.
(function () {
  'use strict';

  // The longest utterance, in characters: a Chinese voice reads it in about fifteen seconds.
  var MAX_CHARS = 80;
  // How long to wait for the phone's voices when the browser has not listed them yet (Chrome lists them
  // only after the first ask).
  var VOICES_MS = 1500;
  var ENDS = '。！？；!?;\n';
  var COMMAS = '，,、：:';

  function han(c) {
    var n = c.codePointAt(0);
    return (n >= 0x3400 && n <= 0x9fff) || (n >= 0xf900 && n <= 0xfaff);
  }

  function sayable(piece) {
    return /[\p{L}\p{N}]/u.test(piece);
  }

  // A list item without its bullet ('· ', '- ', '• '), which a voice would read out as a word.
  function withoutBullet(line) {
    var chars = Array.from(line);
    if (chars[0] === '·' || chars[0] === '•') return chars.slice(1).join('').trimStart();
    if ((chars[0] === '-' || chars[0] === '*') && chars.length > 1 && /\s/.test(chars[1])) {
      return chars.slice(1).join('').trimStart();
    }
    return line;
  }

  // A sentence cut into pieces of at most MAX_CHARS, at the last comma within them where there is one.
  function cut(sentence) {
    var pieces = [];
    var rest = Array.from(sentence);
    while (rest.length > MAX_CHARS) {
      var at = MAX_CHARS;
      for (var i = MAX_CHARS - 1; i >= 0; i--) {
        if (COMMAS.indexOf(rest[i]) >= 0) {
          at = i + 1;
          break;
        }
      }
      pieces.push(rest.slice(0, at).join('').trim());
      rest = Array.from(rest.slice(at).join('').trimStart());
    }
    if (rest.length) pieces.push(rest.join(''));
    return pieces;
  }

  // The text as utterances, sentence by sentence: one with a Chinese character is read in Chinese, any
  // other in the page's language; pieces with nothing to say (a bullet, a dash) are left out.
  function utterances(text, page) {
    var out = [];
    function push(sentence) {
      cut(withoutBullet(sentence.trim())).forEach(function (piece) {
        if (!sayable(piece)) return;
        out.push({ lang: Array.from(piece).some(han) ? 'zh-CN' : page, text: piece });
      });
    }
    var chars = Array.from(text);
    var sentence = '';
    for (var i = 0; i < chars.length; i++) {
      var c = chars[i];
      sentence += c;
      var next = chars[i + 1];
      if (ENDS.indexOf(c) >= 0 || (c === '.' && (next === undefined || /\s/.test(next)))) {
        push(sentence);
        sentence = '';
      }
    }
    push(sentence);
    return out;
  }

  // The best of the phone's voices for a language, given each voice's language tag as the browser reports
  // it (zh-CN, zh_CN, cmn-Hans-CN, en-GB …): Mandarin of the mainland first, then other Mandarin, then
  // Cantonese; any English voice for English. -1 when no voice can read it.
  function pickVoice(tags, lang) {
    function score(raw) {
      var tag = String(raw || '').trim().replace(/_/g, '-').toLowerCase();
      var primary = tag.split('-')[0];
      if (lang !== 'zh-CN') return primary === 'en' ? 1 : 0;
      if (primary === 'cmn') return 4;
      if (primary === 'yue') return 1;
      if (primary !== 'zh') return 0;
      if (tag === 'zh-cn' || tag.indexOf('zh-hans') === 0 || /-cn$/.test(tag)) return 4;
      if (/hk|mo|yue/.test(tag)) return 1;
      if (/tw|hant/.test(tag)) return 2;
      return 3;
    }
    var best = -1;
    var bestScore = 0;
    // The best score; among equals, the first the phone lists (usually its default).
    tags.forEach(function (tag, i) {
      var s = score(tag);
      if (s > bestScore) {
        best = i;
        bestScore = s;
      }
    });
    return best;
  }

  // Which reading is current, and whom to tell when it ends: events of an earlier one are ignored.
  var turn = 0;
  var current = null;

  function synthesis() {
    return self.speechSynthesis || null;
  }

  function end(report) {
    if (current === report) current = null;
    report('done');
  }

  function stop() {
    var report = current;
    current = null;
    turn++;
    var synth = synthesis();
    if (synth) synth.cancel();
    if (report) report('done');
  }

  function start(synth, text, page, report, mine) {
    var parts = utterances(text, page);
    var voices = Array.from(synth.getVoices());
    var tags = voices.map(function (v) {
      return v.lang;
    });
    var chosen = {};
    var langs = ['zh-CN', 'en'];
    for (var l = 0; l < langs.length; l++) {
      var lang = langs[l];
      if (!parts.some(function (p) { return p.lang === lang; })) continue;
      var i = pickVoice(tags, lang);
      if (i < 0) {
        current = null;
        report(lang === 'zh-CN' ? 'no-voice-zh' : 'no-voice-en');
        return;
      }
      chosen[lang] = voices[i];
    }
    // Whatever was being read (by another button too) stops first.
    synth.cancel();
    if (!parts.length) {
      end(report);
      return;
    }
    function finish() {
      if (mine === turn) end(report);
    }
    report('speaking');
    try {
      parts.forEach(function (part, n) {
        var u = new SpeechSynthesisUtterance(part.text);
        u.lang = part.lang;
        u.voice = chosen[part.lang] || null;
        u.onerror = finish;
        if (n + 1 === parts.length) u.onend = finish;
        synth.speak(u);
      });
    } catch (e) {
      synth.cancel();
      current = null;
      report('no-speech');
    }
  }

  function read(text, page, report) {
    stop();
    var synth = synthesis();
    if (!synth) {
      report('no-speech');
      return;
    }
    var mine = turn;
    current = report;
    var started = false;
    function go() {
      if (started || mine !== turn) return;
      started = true;
      synth.onvoiceschanged = null;
      start(synth, text, page, report, mine);
    }
    if (synth.getVoices().length) {
      go();
    } else {
      // Start once, when the voices arrive or after a moment without them.
      synth.onvoiceschanged = go;
      setTimeout(go, VOICES_MS);
    }
  }

  self.yishiSpeech = { read: read, stop: stop, utterances: utterances, pickVoice: pickVoice };
})();
