/**
 * A whole spoken answer in real Chromium: the question read aloud by the server's voice (a
 * WAV from a fake OpenAI-compatible speech server); a fake microphone plays a speech-like WAV
 * (voiceLikeWav: no synthesiser needed from the machine; what is said is scripted in the fake
 * transcription server's reply, so the sound only has to be real audio), MediaRecorder records it, the server receives the real audio and sends it (with the real
 * SDK) to a fake OpenAI-compatible transcription server, the scripted transcript lands in the
 * answer box, is corrected, submitted and graded, and the delivery figures show in the room
 * and in the report. The choice of speaking follows the user into a fresh browser.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOpenAISpeaker, createOpenAITranscriber, SpeechCache } from '@ai-interviewer/core';
import {
  type FakeOpenAI,
  startFakeOpenAI,
  verboseTranscription,
  voiceLikeWav,
} from '@ai-interviewer/core/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  answerCurrent,
  CATALOGUE,
  GOOD_ANSWER,
  launchBrowser,
  logInViaUi,
  newContext,
  screenshot,
  signUpViaApi,
  startInterview,
  uniqueUser,
} from './harness.ts';
import { type App, startApp } from './server.ts';

const SPOKEN =
  'First I would reproduce the production bug with the production build and a screen reader, then read the error logs, and write a failing accessibility test before I fix the component.';
/** What the fake server "hears": the speech with the fillers and a hedge a recogniser would keep. */
const HEARD =
  'Um, first I would reproduce the production bug with the production build and a screen reader, uh, then read the error logs, and I think write a failing accessibility test before I fix the component.';
const WEBM_MAGIC = Buffer.from([0x1a, 0x45, 0xdf, 0xa3]);

let dir: string;
let fake: FakeOpenAI;
let app: App;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'voice-e2e-'));
  const wav = join(dir, 'answer.wav');
  writeFileSync(wav, voiceLikeWav(12)); // about as long as SPOKEN said at 150 words a minute
  const questionAudio = voiceLikeWav(2);
  fake = await startFakeOpenAI((req) =>
    req.path === '/audio/speech'
      ? { bytes: questionAudio, contentType: 'audio/wav' }
      : { json: verboseTranscription(HEARD, { each: 0.4 }) },
  );
  app = await startApp({
    voice: {
      transcriber: createOpenAITranscriber({
        apiKey: 'test',
        baseURL: fake.url,
        model: 'whisper-fake',
        timeoutMs: 10_000,
        maxRetries: 0,
      }),
      speech: {
        speaker: createOpenAISpeaker({
          apiKey: 'test',
          baseURL: fake.url,
          model: 'tts-fake',
          voice: 'alloy',
          timeoutMs: 10_000,
          maxRetries: 0,
        }),
        cache: new SpeechCache(1024 * 1024),
      },
      limits: { maxBytes: 10 * 1024 * 1024, maxSeconds: 180 },
    },
  });
  browser = await launchBrowser([
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-audio-capture=${wav}`,
    '--autoplay-policy=no-user-gesture-required',
  ]);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await fake?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('voice answers', () => {
  it('records with the microphone, transcribes on the server, and shows delivery beside the grade', async () => {
    const { context, page, problems } = await newContext(browser, app.baseUrl);
    try {
      await context.grantPermissions(['microphone'], { origin: app.baseUrl });
      await signUpViaApi(page, app.baseUrl);
      await startInterview(page, CATALOGUE[0]!.title, 1);

      await page.getByRole('radio', { name: /Speak my answers/ }).check();
      const panel = page.getByRole('region', { name: 'Voice answer' });
      await panel.getByText('Transcription: openai:whisper-fake').waitFor();
      await panel.getByText('Voice: openai:tts-fake/alloy').waitFor();

      // the question is read aloud by the server's voice: the browser plays the audio it sent
      const spoken = () => fake.requests.filter((r) => r.path === '/audio/speech');
      const played = () =>
        panel
          .getByTestId('question-audio')
          .evaluate((a: HTMLAudioElement) => ({ played: a.played.length, error: a.error?.code ?? null }));
      await expect.poll(played, { timeout: 10_000 }).toEqual({ played: 1, error: null });
      expect(spoken()).toHaveLength(1);
      const question = await page.getByTestId('question-text').textContent();
      expect(spoken()[0]!.body).toMatchObject({ model: 'tts-fake', voice: 'alloy', input: question });
      // a replay plays the same audio again, without asking the speech server
      await panel.getByRole('button', { name: 'Replay the question' }).click();
      await expect
        .poll(
          () =>
            panel
              .getByTestId('question-audio')
              .evaluate((a: HTMLAudioElement) => a.paused || a.currentTime < 0.3),
          { timeout: 10_000 },
        )
        .toBe(false);
      expect(spoken()).toHaveLength(1);
      expect(await page.getByText(/server’s voice failed/).count()).toBe(0);

      // opt in to keeping the audio, to download it from the report below
      const keep = page.getByRole('checkbox', { name: /Keep my recordings/ });
      const preferenceSaved = page.waitForResponse((r) => r.url().includes('voice.setPreferences') && r.ok());
      await keep.check();
      await preferenceSaved;
      await panel.getByRole('button', { name: /Record your answer/ }).click();
      await panel.getByText('Recording', { exact: true }).waitFor();
      // the level meter moves with the fake microphone's speech
      await expect
        .poll(
          async () =>
            Number(await panel.getByRole('meter', { name: 'Microphone level' }).getAttribute('value')),
          {
            timeout: 10_000,
          },
        )
        .toBeGreaterThan(0.01);
      await page.waitForTimeout(3000);
      expect(await panel.getByTestId('voice-elapsed').textContent()).toMatch(/^0:0[2-9]$/);
      await screenshot(page, 'voice-recording', false);
      await panel.getByRole('button', { name: /Stop/ }).click();

      const box = page.getByRole('textbox', { name: 'Your answer' });
      await expect.poll(() => box.inputValue(), { timeout: 15_000 }).toBe(HEARD);
      await panel.getByText(/Transcribed by openai:whisper-fake: check it below/).waitFor();

      // the server received a real WebM recording, and relayed it as a file
      const uploads = fake.requests.filter((r) => r.path !== '/audio/speech');
      expect(uploads).toHaveLength(1);
      const upload = uploads[0]!;
      expect(upload.path).toBe('/audio/transcriptions');
      expect(upload.raw).toContain('filename="answer.webm"');
      const start = upload.bytes.indexOf(WEBM_MAGIC);
      expect(start).toBeGreaterThan(0);
      expect(upload.bytes.length - start).toBeGreaterThan(5_000); // seconds of opus, not an empty file

      // corrected, then submitted as a typed answer would be
      const corrected = `${SPOKEN} In my last role I found a focus trap in a React modal this way; the fix and its test cut accessibility tickets by 30%.`;
      await box.fill(corrected);
      await page.getByRole('button', { name: 'Submit answer' }).click();
      await page.getByTestId('feedback-card').waitFor();
      const delivery = page.getByRole('region', { name: 'Delivery' });
      await delivery.waitFor();
      expect(await delivery.getByTestId('delivery-pace').textContent()).toMatch(/^150 words a minute/);
      expect(await delivery.getByTestId('delivery-fillers').textContent()).toContain('“um” ×1');
      expect(await delivery.getByTestId('delivery-hedges').textContent()).toContain('“I think” ×1');
      expect(await page.getByTestId('answer-text').textContent()).toBe(corrected);
      await screenshot(page, 'voice-feedback');

      // finish (a follow-up may come first: typing still works in voice mode)
      for (let i = 0; i < 3; i++) {
        const finish = page.getByRole('button', { name: 'Finish and see my score' });
        const next = page.getByRole('button', { name: /^(Next question|Answer the follow-up)/ });
        await finish.or(next).first().waitFor();
        if (await finish.isVisible()) break;
        await next.click();
        await page.getByTestId('question-text').waitFor();
        await answerCurrent(page, GOOD_ANSWER);
      }
      await page.getByRole('button', { name: 'Finish and see my score' }).click();
      await page.waitForURL(/\/report$/);
      const review = page.locator('.review').first();
      await review.getByRole('region', { name: 'Delivery' }).waitFor();
      expect(await review.getByTestId('delivery-pace').textContent()).toMatch(/^150 words a minute/);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        review.getByRole('button', { name: 'Download the recording' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('answer-1.webm');
      const saved = readFileSync((await download.path())!);
      expect(saved.equals(upload.bytes.subarray(start, start + saved.length))).toBe(true); // what was recorded

      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('without server transcription, the browser’s recogniser is tried, its failure said in one sentence, and typing works', async () => {
    const sharedBaseUrl = inject('baseUrl'); // the suite's server: no transcriber configured
    const { context, page, problems } = await newContext(browser, sharedBaseUrl);
    try {
      await context.grantPermissions(['microphone'], { origin: sharedBaseUrl });
      await signUpViaApi(page, sharedBaseUrl);
      await startInterview(page, CATALOGUE[0]!.title, 1);
      await page.getByRole('radio', { name: /Speak my answers/ }).check();
      const panel = page.getByRole('region', { name: 'Voice answer' });
      await panel.getByText('Transcription: your browser').waitFor();
      // no server voice here: the browser's own reads the question
      await panel.getByText('Voice: your browser').waitFor();
      expect(await page.getByRole('checkbox', { name: /Keep my recordings/ }).count()).toBe(0);
      await panel.getByRole('button', { name: /Record your answer/ }).click();
      // headless Chromium has the recogniser but it cannot work here: the room must say so
      const sentence = page.getByText(/speech recognition (failed|could not start)/);
      await sentence.waitFor({ timeout: 20_000 });
      expect(await sentence.textContent()).toMatch(/type your answer\.$/);
      await answerCurrent(page, GOOD_ANSWER);
      await page.getByRole('region', { name: 'Delivery' }).waitFor();
      expect(
        await page.getByText(/Typed answer: pace and pauses are measured only when you speak/).count(),
      ).toBe(1);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('remembers speaking (and reading aloud off) for the user, in a fresh browser', async () => {
    const user = uniqueUser('voicepref');
    const first = await newContext(browser, app.baseUrl);
    try {
      await signUpViaApi(first.page, app.baseUrl, user);
      await startInterview(first.page, CATALOGUE[0]!.title, 1);
      const saved = () =>
        first.page.waitForResponse((r) => r.url().includes('voice.setPreferences') && r.ok());
      let done = saved();
      await first.page.getByRole('radio', { name: /Speak my answers/ }).check();
      await done;
      done = saved();
      await first.page.getByRole('checkbox', { name: 'Read each question aloud' }).uncheck();
      await done;
      expect(first.problems).toEqual([]);
    } finally {
      await first.context.close();
    }

    // another browser: no cookie, no local storage; only the account remembers
    const spokenBefore = fake.requests.filter((r) => r.path === '/audio/speech').length;
    const second = await newContext(browser, app.baseUrl);
    try {
      await logInViaUi(second.page, user.email, user.password);
      await startInterview(second.page, CATALOGUE[0]!.title, 1);
      const speak = second.page.getByRole('radio', { name: /Speak my answers/ });
      await speak.waitFor();
      expect(await speak.isChecked()).toBe(true);
      const panel = second.page.getByRole('region', { name: 'Voice answer' });
      await panel.waitFor();
      expect(await second.page.getByRole('checkbox', { name: 'Read each question aloud' }).isChecked()).toBe(
        false,
      );
      // reading aloud is off: nothing was read until asked
      await second.page.waitForTimeout(500);
      expect(fake.requests.filter((r) => r.path === '/audio/speech')).toHaveLength(spokenBefore);
      await panel.getByRole('button', { name: 'Replay the question' }).click();
      await expect
        .poll(() => fake.requests.filter((r) => r.path === '/audio/speech').length, { timeout: 10_000 })
        .toBe(spokenBefore + 1);
      expect(second.problems).toEqual([]);
    } finally {
      await second.context.close();
    }
  });
});
