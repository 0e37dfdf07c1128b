// Plain words on phones: the glossary's "?" beside a term, and reading aloud (朗读) with the browser's
// speech synthesis, which the tests replace with a recorder: what would be spoken, in which language and
// voice, and when it was stopped.
import { expect, type Page } from '@playwright/test';

export type Voice = { name: string; lang: string };

export const CHINESE_VOICE: Voice = { name: 'Chinese (China)', lang: 'zh-CN' };
export const ENGLISH_VOICE: Voice = { name: 'English (United States)', lang: 'en-US' };

/** What the recorder saw: every utterance handed to the synthesis, and every event in order. */
export type SpeechLog = {
  spoken: { text: string; lang: string; voice: string | null }[];
  events: string[];
};

/**
 * Replaces `window.speechSynthesis` before the app loads: with a recorder whose phone has these voices,
 * or, for `null`, with nothing (a browser without speech synthesis).
 */
export async function stubSpeech(page: Page, voices: Voice[] | null) {
  await page.addInitScript((voices: Voice[] | null) => {
    const log: SpeechLog = { spoken: [], events: [] };
    (window as unknown as { __speech: SpeechLog }).__speech = log;
    if (voices === null) {
      Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true });
      return;
    }
    type Utterance = { text: string; lang: string; voice: Voice | null; onend: (() => void) | null; onerror: ((e: unknown) => void) | null };
    let queue: Utterance[] = [];
    const synth = {
      speaking: false,
      pending: false,
      onvoiceschanged: null,
      getVoices: () => voices.map((v) => ({ ...v, voiceURI: v.name, localService: true, default: false })),
      speak(u: Utterance) {
        log.spoken.push({ text: u.text, lang: u.lang, voice: u.voice ? u.voice.name : null });
        log.events.push('speak');
        queue.push(u);
        synth.speaking = true;
      },
      cancel() {
        log.events.push('cancel');
        const stopped = queue;
        queue = [];
        synth.speaking = false;
        for (const u of stopped) u.onerror?.({ error: 'interrupted' });
      },
      /** The test's own: the phone finishes reading everything queued. */
      finish() {
        log.events.push('end');
        const done = queue;
        queue = [];
        synth.speaking = false;
        for (const u of done) u.onend?.();
      },
      pause() {},
      resume() {},
    };
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
    (window as unknown as { SpeechSynthesisUtterance: unknown }).SpeechSynthesisUtterance = class {
      text: string;
      lang = '';
      voice: Voice | null = null;
      onend: (() => void) | null = null;
      onerror: ((e: unknown) => void) | null = null;
      constructor(text: string) {
        this.text = text;
      }
    };
  }, voices);
}

export async function speechLog(page: Page): Promise<SpeechLog> {
  return page.evaluate(() => (window as unknown as { __speech: SpeechLog }).__speech);
}

/** Forgets what was recorded so far. */
export async function clearSpeech(page: Page) {
  await page.evaluate(() => {
    const log = (window as unknown as { __speech: SpeechLog }).__speech;
    log.spoken = [];
    log.events = [];
  });
}

/** The phone reaches the end of what it was reading. */
export async function finishSpeaking(page: Page) {
  await page.evaluate(() => (window.speechSynthesis as unknown as { finish: () => void }).finish());
}

/** A term's "?": opens its sentence below it, and closes it again. */
export class TermHelp {
  constructor(readonly page: Page, readonly name: string) {}

  button() {
    return this.page.getByRole('button', { name: this.name, exact: true });
  }

  async open(meaning: string | RegExp) {
    await this.button().click();
    await expect(this.button()).toHaveAttribute('aria-expanded', 'true');
    await expect(this.page.getByText(meaning)).toBeVisible();
  }

  async close(meaning: string | RegExp) {
    await this.button().click();
    await expect(this.button()).toHaveAttribute('aria-expanded', 'false');
    await expect(this.page.getByText(meaning)).toBeHidden();
  }
}
