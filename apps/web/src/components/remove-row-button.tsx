/** Removes one row of a form's list; the only row stays (a list needs one). */
export function RemoveRowButton({
  label,
  only,
  onRemove,
}: {
  label: string;
  only: boolean;
  onRemove: () => void;
}) {
  return (
    <button type="button" className="secondary" disabled={only} onClick={onRemove}>
      {label}
    </button>
  );
}
