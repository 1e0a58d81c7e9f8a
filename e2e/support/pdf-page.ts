import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, normalize } from 'node:path';
import type { Page } from '@playwright/test';

// Shows the first page of a PDF in the browser, drawn by PDF.js onto a canvas: Chromium's own
// viewer is not there when Playwright drives it (a PDF becomes a download), and a picture of
// the invoice is what the README wants. The page and PDF.js come from a made-up origin that
// Playwright answers itself, so nothing is fetched and the app under test is not involved.

const origin = 'http://pdf-page.test';
const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

const viewer = `<!doctype html>
<html><head><meta charset="utf-8"><title>PDF page</title>
<style>body { margin: 0; background: #777; } canvas { display: block; margin: 16px auto; }</style>
</head><body><canvas aria-label="PDF page 1"></canvas>
<script type="module">
  import * as pdfjs from '/pdfjs/build/pdf.mjs';
  pdfjs.GlobalWorkerOptions.workerSrc = '/pdfjs/build/pdf.worker.mjs';
  const pdf = await pdfjs.getDocument({ url: '/document.pdf', standardFontDataUrl: '/pdfjs/standard_fonts/' }).promise;
  const first = await pdf.getPage(1);
  const viewport = first.getViewport({ scale: 1.5 });
  const canvas = document.querySelector('canvas');
  canvas.width = viewport.width;
  canvas.height = viewport.height;
  await first.render({ canvasContext: canvas.getContext('2d'), viewport }).promise;
  const text = await first.getTextContent();
  document.body.dataset.text = text.items.map((item) => item.str).join(' ');
  document.body.dataset.pages = String(pdf.numPages);
</script></body></html>`;

const types: Record<string, string> = {
  '.mjs': 'text/javascript',
  '.pfb': 'application/octet-stream',
  '.ttf': 'font/ttf',
};

/** Opens `pdf`'s first page in `page`, drawn; resolves with the text PDF.js read on it. */
export async function showPdfPage(page: Page, pdf: Buffer): Promise<string> {
  await page.route(`${origin}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/') return route.fulfill({ contentType: 'text/html', body: viewer });
    if (path === '/document.pdf')
      return route.fulfill({ contentType: 'application/pdf', body: pdf });
    const file = normalize(join(pdfjsRoot, path.replace(/^\/pdfjs\//, '')));
    if (!path.startsWith('/pdfjs/') || !file.startsWith(pdfjsRoot)) return route.abort();
    const type = types[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream';
    return route.fulfill({ contentType: type, body: readFileSync(file) });
  });
  await page.goto(`${origin}/`);
  const body = page.locator('body[data-pages]');
  await body.waitFor();
  return (await body.getAttribute('data-text')) ?? '';
}
