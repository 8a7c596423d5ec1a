import { describe, expect, it } from 'vitest';
import { sniffAudio, wavSeconds } from './audio.ts';
import { wavFile } from './testing.ts';

const pad = (head: number[] | string) =>
  Buffer.concat([
    typeof head === 'string' ? Buffer.from(head, 'latin1') : Buffer.from(head),
    Buffer.alloc(32),
  ]);

describe('sniffAudio: the container by its bytes', () => {
  it('recognises WebM, Ogg, WAV, MP4, MP3', () => {
    expect(sniffAudio(pad([0x1a, 0x45, 0xdf, 0xa3]))?.mime).toBe('audio/webm');
    expect(sniffAudio(pad('OggS'))?.mime).toBe('audio/ogg');
    expect(sniffAudio(wavFile(0.1))).toEqual({ mime: 'audio/wav', ext: 'wav' });
    expect(sniffAudio(pad('\0\0\0\x20ftypM4A '))?.mime).toBe('audio/mp4');
    expect(sniffAudio(pad('ID3\x04'))?.mime).toBe('audio/mpeg');
    expect(sniffAudio(pad([0xff, 0xfb, 0x90])))?.toEqual({ mime: 'audio/mpeg', ext: 'mp3' });
  });

  it('refuses anything else, whatever it is called', () => {
    expect(sniffAudio(pad('%PDF-1.7'))).toBeNull();
    expect(sniffAudio(pad('{"answer":"hi"}'))).toBeNull();
    expect(sniffAudio(pad([0x89, 0x50, 0x4e, 0x47]))).toBeNull(); // PNG
    expect(sniffAudio(Buffer.from('RIFF'))).toBeNull(); // too short to be anything
    expect(sniffAudio(pad('RIFF\0\0\0\0AVI '))).toBeNull(); // a RIFF that is not WAVE
  });
});

describe('wavSeconds', () => {
  it('reads the length from the header', () => {
    expect(wavSeconds(wavFile(2.5))).toBeCloseTo(2.5, 3);
    expect(wavSeconds(wavFile(0.25, 16000))).toBeCloseTo(0.25, 3);
  });

  it('counts the bytes of a streamed WAV whose header does not know its size', () => {
    const w = wavFile(1);
    w.writeUInt32LE(0xffffffff, 40);
    expect(wavSeconds(w)).toBeCloseTo(1, 3);
  });
});
