import type { Inspection } from './inspection-words';

/** "Inspection 12/30 · 1 required, 2 advisory". */
export function InspectionProgressText({ progress }: { progress: Inspection['progress'] }) {
  const findings = [
    progress.required ? `${progress.required} required` : null,
    progress.advisory ? `${progress.advisory} advisory` : null,
  ].filter(Boolean);
  return (
    <span className="inspection-progress" data-testid="inspection-progress">
      Inspection {progress.graded}/{progress.total}
      {findings.length ? ` · ${findings.join(', ')}` : null}
    </span>
  );
}
