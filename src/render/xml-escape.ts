import { cleanText } from '../core/sanitize.js';

/** Escapes text for XML and HTML content and attribute values (the five predefined entities), control characters shown escaped. */
export function escapeXml(s: string): string {
  // Controls escaped first: XML 1.0 allows no C0 control but tab and newline.
  return cleanText(s).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}
