import type { VoicePreferences } from '../../../trpc.ts';

/** "Keep my recordings": off unless the candidate turns it on; shown only where the server records. */
export function KeepRecordings({
  preferences,
  onChange,
}: {
  preferences: VoicePreferences;
  onChange: (patch: Partial<VoicePreferences>) => void;
}) {
  return (
    <label className="keep-recordings small">
      <input
        type="checkbox"
        checked={preferences.keep_recordings}
        onChange={(e) => onChange({ keep_recordings: e.target.checked })}
      />{' '}
      Keep my recordings (downloadable from the report, deleted with my account). Off: the audio is
      transcribed, then dropped.
    </label>
  );
}

/** Whether each question is read aloud as it appears (replay stays either way). */
export function ReadAloud({
  preferences,
  onChange,
}: {
  preferences: VoicePreferences;
  onChange: (patch: Partial<VoicePreferences>) => void;
}) {
  return (
    <label className="keep-recordings small">
      <input
        type="checkbox"
        checked={preferences.read_aloud}
        onChange={(e) => onChange({ read_aloud: e.target.checked })}
      />{' '}
      Read each question aloud
    </label>
  );
}
