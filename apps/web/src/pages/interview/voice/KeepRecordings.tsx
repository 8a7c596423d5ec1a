import { trpc } from '../../../trpc.ts';

/** "Keep my recordings": off unless the candidate turns it on; shown only where the server records. */
export function KeepRecordings() {
  const utils = trpc.useUtils();
  const prefs = trpc.voice.preferences.useQuery(undefined, { retry: false });
  const set = trpc.voice.setPreferences.useMutation({
    onSuccess: (p) => utils.voice.preferences.setData(undefined, p),
  });
  if (!prefs.data) return null;
  return (
    <label className="keep-recordings small">
      <input
        type="checkbox"
        checked={prefs.data.keep_recordings}
        disabled={set.isPending}
        onChange={(e) => set.mutate({ keep_recordings: e.target.checked })}
      />{' '}
      Keep my recordings (downloadable from the report, deleted with my account). Off: the audio is
      transcribed, then dropped.
    </label>
  );
}
