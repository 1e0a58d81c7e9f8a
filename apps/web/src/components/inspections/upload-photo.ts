/** Why an upload was refused, as the API words it, or null when it was kept. */
export async function uploadPhoto(itemId: number, file: File): Promise<string | null> {
  const response = await fetch(`/inspection-items/${itemId}/photos`, {
    method: 'POST',
    headers: { 'content-type': file.type || 'image/jpeg' },
    body: file,
  });
  if (response.ok) return null;
  const answer: unknown = await response.json().catch(() => null);
  const message =
    typeof answer === 'object' && answer !== null && 'error' in answer ? answer.error : null;
  return typeof message === 'string' ? message : `the photo was not kept (${response.status})`;
}
