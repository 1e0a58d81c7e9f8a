import { notFound } from 'next/navigation';
import { parseId } from './ids';

/** A record page's URL: its `[id]` segment. */
export interface RecordPageProps {
  params: Promise<{ id: string }>;
}

/** The record id of a page's `[id]` segment; a page that names no record answers 404. */
export async function pageId({ params }: RecordPageProps): Promise<number> {
  const id = parseId((await params).id);
  if (id === null) notFound();
  return id;
}
