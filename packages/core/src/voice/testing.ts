/** Test material for voice: real WAV files (a tone, a speech-like sound) and OpenAI's verbose transcription reply. */

/** A mono 16-bit PCM WAV of `seconds` of a quiet tone, with a correct header. */
export function wavFile(seconds: number, sampleRate = 8000): Buffer {
  return wavOf(seconds, sampleRate, (i) => 3000 * Math.sin(i / 8));
}

/**
 * A WAV that sounds like speech to a recorder and an encoder, made here rather than by a speech
 * synthesiser the machine may lack: syllables of a voiced sound (a gliding pitch near 120 Hz with
 * its harmonics, a little breath noise) about four a second, with short pauses between phrases.
 * Deterministic. Chromium's fake microphone plays it in a loop (`--use-file-for-fake-audio-capture`).
 */
export function voiceLikeWav(seconds: number, sampleRate = 16000): Buffer {
  let noise = 1;
  return wavOf(seconds, sampleRate, (i) => {
    const t = i / sampleRate;
    const syllable = (t * 4) % 1; // four syllables a second
    const phrase = t % 3; // a pause in the last half second of every three
    if (phrase > 2.5) return 0;
    const envelope = Math.sin(Math.PI * syllable) ** 2;
    const pitch = 120 + 25 * Math.sin(2 * Math.PI * 0.7 * t);
    const phase = 2 * Math.PI * pitch * t;
    const voiced =
      Math.sin(phase) + 0.6 * Math.sin(2 * phase) + 0.35 * Math.sin(3 * phase) + 0.2 * Math.sin(5 * phase);
    noise = (noise * 1103515245 + 12345) % 2147483648;
    const breath = (noise / 2147483648 - 0.5) * 0.3;
    return 6000 * envelope * (voiced + breath);
  });
}

function wavOf(seconds: number, sampleRate: number, sample: (i: number) => number): Buffer {
  const samples = Math.round(seconds * sampleRate);
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++)
    data.writeInt16LE(Math.max(-32768, Math.min(32767, Math.round(sample(i)))), i * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8);
  header.write('fmt ', 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28); // byte rate
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/** OpenAI's `verbose_json` reply with word timings: words `each` seconds apart, from 0. */
export function verboseTranscription(text: string, opts: { each?: number; withWords?: boolean } = {}) {
  const each = opts.each ?? 0.4;
  const words = text.split(/\s+/).filter(Boolean);
  return {
    task: 'transcribe',
    language: 'english',
    duration: words.length * each,
    text,
    ...(opts.withWords !== false && {
      words: words.map((w, i) => ({
        word: w.replace(/[.,!?]+$/, ''),
        // rounded like a server's JSON (0.4 × 3 is 1.2000000000000002 in floating point)
        start: Math.round(i * each * 1000) / 1000,
        end: Math.round((i + 1) * each * 1000) / 1000,
      })),
    }),
  };
}
