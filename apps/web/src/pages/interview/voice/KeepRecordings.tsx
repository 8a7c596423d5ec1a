import type { ReactNode } from 'react';
import type { VoicePreferences } from '../../../trpc.ts';

type Props = {
  preferences: VoicePreferences;
  onChange: (patch: Partial<VoicePreferences>) => void;
};
type OnOff = {
  [K in keyof VoicePreferences]: VoicePreferences[K] extends boolean ? K : never;
}[keyof VoicePreferences];

/** One on/off preference as a checkbox; the change goes to the server (useVoicePreferences). */
function PreferenceBox({
  name,
  preferences,
  onChange,
  children,
}: Props & { name: OnOff; children: ReactNode }) {
  return (
    <label className="keep-recordings small">
      <input
        type="checkbox"
        checked={preferences[name]}
        onChange={(e) => onChange({ [name]: e.target.checked })}
      />{' '}
      {children}
    </label>
  );
}

/** "Keep my recordings": off unless the candidate turns it on; shown only where the server records. */
export function KeepRecordings(props: Props) {
  return (
    <PreferenceBox name="keep_recordings" {...props}>
      Keep my recordings (downloadable from the report, deleted with my account). Off: the audio is
      transcribed, then dropped.
    </PreferenceBox>
  );
}

/** Whether each question is read aloud as it appears (replay stays either way). */
export function ReadAloud(props: Props) {
  return (
    <PreferenceBox name="read_aloud" {...props}>
      Read each question aloud
    </PreferenceBox>
  );
}
