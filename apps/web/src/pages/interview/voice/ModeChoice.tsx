import type { AnswerMode } from './preferences.ts';

/** Type or speak: a plain choice; speaking asks for the microphone only when recording starts. */
export function ModeChoice({ mode, onChange }: { mode: AnswerMode; onChange: (m: AnswerMode) => void }) {
  return (
    <fieldset className="mode-choice" aria-label="How you answer">
      {(['type', 'voice'] as const).map((m) => (
        <label key={m} className={`mode-choice__option${mode === m ? ' mode-choice__option--on' : ''}`}>
          <input
            type="radio"
            name="answer-mode"
            value={m}
            checked={mode === m}
            onChange={() => onChange(m)}
          />
          {m === 'type' ? 'Type my answers' : 'Speak my answers'}
        </label>
      ))}
    </fieldset>
  );
}
