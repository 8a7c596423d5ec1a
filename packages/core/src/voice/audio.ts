/**
 * What a recording is, judged by its bytes rather than the Content-Type a client claims:
 * the container's magic numbers (WebM, Ogg, WAV, MP3, MP4/M4A). Only these reach a
 * transcription server, so a client cannot relay arbitrary files through us.
 */

export interface AudioKind {
  mime: string;
  /** the file name extension transcription servers use to pick a decoder */
  ext: string;
}

const startsWith = (b: Uint8Array, bytes: number[], at = 0) => bytes.every((x, i) => b[at + i] === x);
const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));

export function sniffAudio(b: Uint8Array): AudioKind | null {
  if (b.length < 12) return null;
  // EBML header: WebM (MediaRecorder in Chromium and Firefox) and Matroska
  if (startsWith(b, [0x1a, 0x45, 0xdf, 0xa3])) return { mime: 'audio/webm', ext: 'webm' };
  if (ascii(b, 0, 4) === 'OggS') return { mime: 'audio/ogg', ext: 'ogg' };
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WAVE') return { mime: 'audio/wav', ext: 'wav' };
  // ISO BMFF (Safari's MediaRecorder: audio/mp4)
  if (ascii(b, 4, 8) === 'ftyp') return { mime: 'audio/mp4', ext: 'm4a' };
  // MP3: an ID3 tag, or an MPEG audio frame sync (11 set bits)
  if (ascii(b, 0, 3) === 'ID3') return { mime: 'audio/mpeg', ext: 'mp3' };
  if (b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0) return { mime: 'audio/mpeg', ext: 'mp3' };
  return null;
}

/**
 * A WAV file's length in seconds from its header (byte rate and data chunk size), or null when
 * the header does not say. Other containers need decoding to know; their length is bounded by
 * the byte limit and checked against the transcription server's own measure.
 */
export function wavSeconds(b: Uint8Array): number | null {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let byteRate = 0;
  for (let at = 12; at + 8 <= b.length; ) {
    const id = ascii(b, at, at + 4);
    const size = view.getUint32(at + 4, true);
    if (id === 'fmt ' && at + 16 <= b.length) byteRate = view.getUint32(at + 16, true);
    if (id === 'data') {
      if (!byteRate) return null;
      // A streamed WAV may say 0 or 0xFFFFFFFF for its data size: count what is there.
      const bytes = size === 0 || size === 0xffffffff ? b.length - at - 8 : size;
      return bytes / byteRate;
    }
    at += 8 + size + (size % 2);
  }
  return null;
}
