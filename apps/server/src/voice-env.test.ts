/** Which transcription the environment gives: it follows the interviewer unless told otherwise. */
import { describe, expect, it } from 'vitest';
import { voiceFromEnv } from './bootstrap.ts';
import { EnvError, loadEnv, speechProviderOf, transcribeProviderOf } from './env.ts';

describe('transcription from the environment', () => {
  it('no model configured: the browser transcribes, with the default limits', () => {
    const env = loadEnv({});
    expect(transcribeProviderOf(env)).toBe('browser');
    expect(voiceFromEnv(env)).toEqual({
      transcriber: null,
      speech: null,
      limits: { maxSeconds: 180, maxBytes: 10 * 1024 * 1024 },
    });
  });

  it('an OpenAI interviewer transcribes on the same server by default, with TRANSCRIBE_MODEL', () => {
    const env = loadEnv({ OPENAI_API_KEY: 'k', TRANSCRIBE_MODEL: 'Systran/faster-whisper-small' });
    expect(transcribeProviderOf(env)).toBe('openai');
    expect(voiceFromEnv(env).transcriber?.label).toBe('openai:Systran/faster-whisper-small');
  });

  it('can be turned to the browser even with a model, or to a server of its own', () => {
    expect(transcribeProviderOf(loadEnv({ OPENAI_API_KEY: 'k', TRANSCRIBE_PROVIDER: 'browser' }))).toBe(
      'browser',
    );
    const own = loadEnv({ TRANSCRIBE_PROVIDER: 'openai', TRANSCRIBE_API_KEY: 'k', VOICE_MAX_SECONDS: '60' });
    expect(voiceFromEnv(own).limits.maxSeconds).toBe(60);
    expect(transcribeProviderOf(own)).toBe('openai');
  });

  it('the server voice follows the interviewer too: SPEECH_MODEL and SPEECH_VOICE, or the browser', () => {
    expect(speechProviderOf(loadEnv({}))).toBe('browser');
    const openai = voiceFromEnv(loadEnv({ OPENAI_API_KEY: 'k' }));
    expect(openai.speech?.speaker.label).toBe('openai:tts-1/alloy');
    expect(openai.speech?.cache.maxBytes).toBe(32 * 1024 * 1024);
    const own = voiceFromEnv(
      loadEnv({
        SPEECH_PROVIDER: 'openai',
        SPEECH_API_KEY: 'k',
        SPEECH_MODEL: 'kokoro',
        SPEECH_VOICE: 'af_heart',
        SPEECH_CACHE_MB: '4',
      }),
    );
    expect(own.speech?.speaker.label).toBe('openai:kokoro/af_heart');
    expect(own.speech?.cache.maxBytes).toBe(4 * 1024 * 1024);
    expect(own.transcriber).toBeNull(); // reading aloud does not turn transcription on
    expect(voiceFromEnv(loadEnv({ OPENAI_API_KEY: 'k', SPEECH_PROVIDER: 'browser' })).speech).toBeNull();
  });

  it('bad values name their variable', () => {
    const message = (source: Record<string, string>) => {
      try {
        loadEnv(source);
      } catch (e) {
        expect(e).toBeInstanceOf(EnvError);
        return (e as Error).message;
      }
      throw new Error('accepted');
    };
    expect(message({ TRANSCRIBE_PROVIDER: 'openai' })).toContain('TRANSCRIBE_API_KEY');
    expect(message({ TRANSCRIBE_PROVIDER: 'whisper' })).toContain('TRANSCRIBE_PROVIDER');
    expect(message({ TRANSCRIBE_BASE_URL: 'ftp://x' })).toContain('TRANSCRIBE_BASE_URL');
    expect(message({ VOICE_MAX_SECONDS: '5' })).toContain('VOICE_MAX_SECONDS');
    expect(message({ SPEECH_PROVIDER: 'openai' })).toContain('SPEECH_API_KEY');
    expect(message({ SPEECH_BASE_URL: 'file:///x' })).toContain('SPEECH_BASE_URL');
    expect(message({ SPEECH_CACHE_MB: '0' })).toContain('SPEECH_CACHE_MB');
  });
});
