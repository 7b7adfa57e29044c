/**
 * What the small public pages (acknowledgement, caller location) share: escaping text into HTML.
 */

/**
 * Escapes text for HTML element content and quoted attribute values.
 *
 * @example
 * escapeHtml('Jl. "Sam" <Ratulangi> & 12') // "Jl. &#34;Sam&#34; &#60;Ratulangi&#62; &#38; 12"
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
