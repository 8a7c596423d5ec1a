/** A small rotating ring; decorative, so screen readers hear the text next to it instead. */
export function Spinner({ size = 'sm' }: { size?: 'sm' | 'md' }) {
  return <span className={`spinner spinner--${size}`} aria-hidden="true" />;
}
