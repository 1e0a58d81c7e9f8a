import { kindLabels, type LineKind } from '~/lib/work-order-words';

/** What a line is: "Front brake pads (Part)". */
export function LineWork({ line }: { line: { description: string; kind: LineKind } }) {
  return (
    <>
      {line.description} <span className="muted">({kindLabels[line.kind]})</span>
    </>
  );
}
