/** Test material for voice: a real (silent) WAV file and OpenAI's verbose transcription reply. */

/** A mono 16-bit PCM WAV of `seconds` of silence (or a tone), with a correct header. */
export function wavFile(seconds: number, sampleRate = 8000): Buffer {
  const samples = Math.round(seconds * sampleRate);
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) data.writeInt16LE(Math.round(3000 * Math.sin(i / 8)), i * 2);
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
