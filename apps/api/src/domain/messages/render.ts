import {
  type MessagePlaceholder,
  messagePlaceholders,
  placeholderPattern,
} from '@garage/validators';
import type { PlaceholderValues } from './templates';

/** A rendered message: one subject, its body as plain text and as HTML. */
export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

/**
 * What the bodies hold in place of a link that is secret (an estimate link's token): the worker
 * puts the link in when it delivers the message, so a stored message holds no usable token. It
 * survives HTML escaping unchanged, and is taken out of every value, so no text can forge it.
 */
export const secretLinkMark = '%%garage-secret-link%%';

const isPlaceholder = (name: string): name is MessagePlaceholder =>
  messagePlaceholders.some((known) => known === name);

const htmlEntities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** `text` with HTML's special characters escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => htmlEntities[char] ?? char);
}

/**
 * A value as a message may show it: one line (but a hand-written message), and no link mark
 * but in the link, which the API builds (a URL, or the mark of a secret one), never a person.
 */
function cleanValue(name: string, value: string | undefined): string {
  if (name === 'link') return value ?? '';
  const unmarked = (value ?? '').split(secretLinkMark).join('');
  return name === 'message' ? unmarked : unmarked.replace(/\s*[\r\n]+\s*/g, ' ');
}

function fill(
  template: string,
  values: PlaceholderValues,
  each: (name: string, value: string) => string,
  literal: (text: string) => string,
): string {
  let out = '';
  let from = 0;
  for (const match of template.matchAll(placeholderPattern)) {
    out += literal(template.slice(from, match.index));
    const name = match[1] ?? '';
    const value = isPlaceholder(name) ? values[name] : '';
    out += each(name, cleanValue(name, value));
    from = match.index + match[0].length;
  }
  return out + literal(template.slice(from));
}

/** An HTML body: escaped text, paragraphs at blank lines, line breaks kept, the link a link. */
function toHtml(template: string, values: PlaceholderValues): string {
  const body = fill(
    template,
    values,
    (name, value) => {
      const escaped = escapeHtml(value);
      if (name === 'link' && value) return `<a href="${escaped}">${escaped}</a>`;
      return escaped.replace(/\r?\n/g, '<br>');
    },
    escapeHtml,
  );
  const paragraphs = body
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => `<p>${paragraph.replace(/\r?\n/g, '<br>')}</p>`);
  return `<!doctype html><html><body>${paragraphs.join('\n')}</body></html>`;
}

/**
 * Renders a template with `values`: the subject on one line, the body as plain text and as HTML
 * where every value and every character of the template is escaped (a customer named
 * `<script>` reads as such, and runs nothing).
 */
export function renderMessage(
  template: { subject: string; body: string },
  values: PlaceholderValues,
): RenderedMessage {
  const asIs = (text: string) => text;
  const subject = fill(template.subject, values, (_name, value) => value, asIs)
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .trim()
    .slice(0, 200);
  return {
    subject,
    text: fill(template.body, values, (_name, value) => value, asIs),
    html: toHtml(template.body, values),
  };
}

/** The bodies with a secret link put where the mark stands (at delivery). */
export function withSecretLink(message: RenderedMessage, link: string | null): RenderedMessage {
  const put = (text: string, as: string) => text.split(secretLinkMark).join(as);
  return {
    subject: put(message.subject, ''),
    text: put(message.text, link ?? ''),
    html: put(message.html, escapeHtml(link ?? '')),
  };
}
