import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** How many pages a PDF has, as PDF.js reads it (its legacy build runs in Node). */
export async function pdfPageCount(pdf: Buffer): Promise<number> {
  const document = await getDocument({ data: new Uint8Array(pdf) }).promise;
  try {
    return document.numPages;
  } finally {
    await document.destroy();
  }
}
