import { useState } from 'react';
import { errorMessage } from '../../lib/errors.ts';
import { trpc } from '../../trpc.ts';

const EXTENSIONS: Record<string, string> = {
  'audio/webm': 'webm',
  'audio/ogg': 'ogg',
  'audio/wav': 'wav',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
};

/** Downloads the kept recording of one answer (fetched only when asked for: it may be large). */
export function RecordingDownload({ feedbackId, index }: { feedbackId: string; index: number }) {
  const utils = trpc.useUtils();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await utils.client.voice.recording.query({ feedback_id: feedbackId });
      const bytes = Uint8Array.from(atob(r.audio_base64), (c) => c.charCodeAt(0));
      const url = URL.createObjectURL(new Blob([bytes], { type: r.audio_type }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `answer-${index}.${EXTENSIONS[r.audio_type] ?? 'audio'}`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <p className="no-print">
      <button type="button" className="btn btn--ghost" onClick={() => void download()} disabled={busy}>
        Download the recording
      </button>
      {error && <span className="muted small"> {error}</span>}
    </p>
  );
}
