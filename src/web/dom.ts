/** A small way to build the page's elements: attributes, listeners and children in one call. */

type Child = Node | string | null | undefined | false;
type Attr = string | number | boolean | null | undefined | ((event: Event) => void);

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Readonly<Record<string, Attr>> = {},
  ...children: readonly (Child | readonly Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (typeof value === 'function') el.addEventListener(name.replace(/^on/, ''), value);
    else if (value === true) el.setAttribute(name, '');
    else if (value !== false && value !== null && value !== undefined) el.setAttribute(name, String(value));
  }
  append(el, children);
  return el;
}

/** Appends text and elements, skipping empty ones. Text is always text: never parsed as HTML. */
export function append(el: Element, children: readonly (Child | readonly Child[])[]): void {
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(c);
}

/** Replaces an element's content. */
export function fill(el: Element, ...children: readonly (Child | readonly Child[])[]): void {
  el.replaceChildren();
  append(el, children);
}

/** Moves the focus to an element that is not focusable by itself (a heading), for screen readers. */
export function focusOn(el: HTMLElement | null | undefined): void {
  if (!el) return;
  if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
  el.focus();
}

/** Resolves once the browser has painted what was changed so far (after the next frame). */
export function painted(): Promise<void> {
  return new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
}
