import type { Page } from '@playwright/test';

// What "works on a phone" means in the phone flows, measured in the browser: nothing wider than
// the window, nothing cut off or hidden behind a sideways scroll, and every control big enough
// for a thumb. The header and the main content are measured; the skip link is off-screen on
// purpose until it is focused.

/** An ordinary phone held upright (CSS pixels). */
export const phone = { width: 390, height: 844 } as const;

/** The smallest side a link or button may have on a phone (Apple's and WCAG's 44 px). */
export const minTarget = 44;

/** The document's width against the window's: wider means the whole page scrolls sideways. */
export async function pageWidth(page: Page): Promise<{ scrollWidth: number; innerWidth: number }> {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
}

/**
 * Elements of the header and main content that do not fit: they stick out of the window, or
 * they hold content wider than themselves (a table behind a sideways scroll, a clipped badge,
 * an ellipsis). Each is described by its tag, class and text.
 */
export async function cutOff(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const describe = (element: Element, why: string) =>
      `<${element.tagName.toLowerCase()} class="${element.className}"> ${why}: ${(element.textContent ?? '').trim().slice(0, 60)}`;
    const found: string[] = [];
    for (const element of Array.from(
      document.querySelectorAll('.site-header, .site-header *, main, main *'),
    )) {
      if (!element.checkVisibility()) continue;
      const box = element.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (box.left < -0.5 || box.right > window.innerWidth + 0.5) {
        found.push(describe(element, `spans ${Math.round(box.left)}–${Math.round(box.right)} px`));
      } else if (element.clientWidth > 0 && element.scrollWidth > element.clientWidth + 1) {
        found.push(describe(element, `holds ${element.scrollWidth} px in ${element.clientWidth}`));
      }
    }
    return found;
  });
}

/** The visible links and buttons of the header and main content smaller than `min` px a side. */
export async function smallTargets(page: Page, min = minTarget): Promise<string[]> {
  return page.evaluate((least) => {
    const found: string[] = [];
    const controls = document.querySelectorAll(
      '.site-header :is(a, button), main :is(a, button, summary, [role="button"])',
    );
    for (const control of Array.from(controls)) {
      if (!control.checkVisibility()) continue;
      const box = control.getBoundingClientRect();
      if (box.width >= least - 0.5 && box.height >= least - 0.5) continue;
      const name = control.getAttribute('aria-label') ?? (control.textContent ?? '').trim();
      found.push(
        `${control.tagName.toLowerCase()} "${name}" ${box.width.toFixed(0)}×${box.height.toFixed(0)}`,
      );
    }
    return found;
  }, min);
}
