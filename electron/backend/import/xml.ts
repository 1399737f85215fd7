/**
 * A small element tree over saxes (a strict, streaming XML parser kept by the xmlchars/jsdom authors): WordprocessingML
 * parts are read into elements with attributes and text, then walked by name. No DTDs, no external entities (saxes
 * resolves only the five predefined ones and character references), so a hostile part cannot reach the file system.
 */
import { SaxesParser } from 'saxes';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

export class XmlError extends Error {}

export function parseXml(text: string): XmlElement {
  const parser = new SaxesParser({ xmlns: false });
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  parser.on('opentag', (tag) => {
    const el: XmlElement = { name: tag.name, attrs: tag.attributes as Record<string, string>, children: [] };
    stack.at(-1)!.children.push(el);
    stack.push(el);
  });
  // saxes reports a closing tag for self-closing elements too.
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('text', (t) => {
    // Only text inside elements that hold text in WordprocessingML (w:t, w:instrText, w:delText …) matters.
    if (stack.length > 1) stack.at(-1)!.children.push(t);
  });
  parser.on('error', (e) => {
    throw new XmlError(e.message);
  });
  parser.write(text).close();
  const top = root.children.find((c): c is XmlElement => typeof c !== 'string');
  if (!top) throw new XmlError('empty document');
  return top;
}

export const elements = (el: XmlElement | undefined, name?: string): XmlElement[] =>
  el ? el.children.filter((c): c is XmlElement => typeof c !== 'string' && (name === undefined || c.name === name)) : [];
export const child = (el: XmlElement | undefined, name: string): XmlElement | undefined => elements(el, name)[0];
export const attr = (el: XmlElement | undefined, name = 'w:val'): string | undefined => el?.attrs[name];
export const textOf = (el: XmlElement): string => el.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
