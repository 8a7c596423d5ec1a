import { useState } from 'react';
import { trpc } from '../../../trpc.ts';

/** "Keep my recordings": off unless the candidate turns it on; shown only where the server records. */
export function KeepRecordings() {
  const utils = trpc.useUtils();
  const prefs = trpc.voice.preferences.useQuery(undefined, { retry: false });
  // the box follows the click at once (a controlled box would snap back until the server answers)
  const [shown, setShown] = useState<boolean | null>(null);
  const set = trpc.voice.setPreferences.useMutation({
    onSuccess: (p) => utils.voice.preferences.setData(undefined, p),
    onError: () => {
      setShown(null); // show what the server has
      void utils.voice.preferences.invalidate();
    },
  });
  if (!prefs.data) return null;
  return (
    <label className="keep-recordings small">
      <input
        type="checkbox"
        checked={shown ?? prefs.data.keep_recordings}
        onChange={(e) => {
          setShown(e.target.checked);
          set.mutate({ keep_recordings: e.target.checked });
        }}
      />{' '}
      Keep my recordings (downloadable from the report, deleted with my account). Off: the audio is
      transcribed, then dropped.
    </label>
  );
}
