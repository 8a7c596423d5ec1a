/** A wrapped row of skill chips; with onSelect each chip is a button (e.g. to filter by it). */
export function Chips({
  items,
  label,
  onSelect,
  selected,
}: {
  items: readonly string[];
  label?: string;
  onSelect?: (item: string) => void;
  selected?: string | undefined;
}) {
  if (items.length === 0) return null;
  return (
    <ul className="chips" aria-label={label}>
      {items.map((item) => (
        <li key={item}>
          {onSelect ? (
            <button
              type="button"
              className="chip chip--button"
              aria-pressed={selected?.toLowerCase() === item.toLowerCase()}
              onClick={() => onSelect(item)}
            >
              {item}
            </button>
          ) : (
            <span className="chip">{item}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
