/** Who works on a work order: the technician's name, or "unassigned", muted. */
export function TechnicianName({ technician }: { technician: { name: string } | null }) {
  return technician ? technician.name : <span className="muted">unassigned</span>;
}
