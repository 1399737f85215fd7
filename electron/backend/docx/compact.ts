/**
 * The `docx` library writes every .docx with its whole default kit: ~40 styles nobody uses (Heading1…6, TOC1…9,
 * Bibliography…), a theme, an empty numbering definition, separator-only footnotes and endnotes, empty custom
 * properties, a relationships file for each part even when it has no relationship, and ~30 namespace declarations
 * on every part's root. None of it changes how the document prints. `compactDocx` drops what the document does not
 * use and zips the rest again at the highest compression, so a seed-sized plan's .docx is about half the bytes
 * (the USB exchange carries one per plan).
 *
 * What stays: every style a part names, with the styles it is based on, links to or is followed by, and the default
 * styles; docDefaults; settings, fonts, headers and footers; footnotes when the document has a footnote; numbering
 * when a part names a numbering; the theme when a part names a theme font or colour.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate/browser';

const CONTENT_TYPES = '[Content_Types].xml';

type Parts = Record<string, string>;

/** The style ids a part names (paragraph, run, table and numbering styles). */
function namedStyles(xml: string): string[] {
  return [...xml.matchAll(/<w:(?:pStyle|rStyle|tblStyle|numStyleLink|styleLink) w:val="([^"]+)"/gu)].map((m) => m[1]!);
}

/** styles.xml with only the styles in use (and those they depend on), the defaults and the docDefaults. */
function keepUsedStyles(styles: string, used: Iterable<string>): string {
  const all = new Map<string, string>();
  for (const m of styles.matchAll(/<w:style [^>]*w:styleId="([^"]+)"[^>]*>.*?<\/w:style>/gsu)) all.set(m[1]!, m[0]);
  const keep = new Set<string>();
  const visit = (id: string) => {
    const xml = all.get(id);
    if (!xml || keep.has(id)) return;
    keep.add(id);
    for (const m of xml.matchAll(/<w:(?:basedOn|next|link) w:val="([^"]+)"/gu)) visit(m[1]!);
    for (const named of namedStyles(xml)) visit(named);
  };
  for (const [id, xml] of all) if (/^<w:style [^>]*w:default="(?:1|true)"/u.test(xml)) visit(id);
  for (const id of used) visit(id);
  return styles.replace(/<w:style [^>]*w:styleId="([^"]+)"[^>]*>.*?<\/w:style>/gsu, (whole, id: string) => (keep.has(id) ? whole : ''));
}

/**
 * Drop the namespace declarations of a part's root that nothing in the part uses, and those prefixes from
 * mc:Ignorable (an attribute naming only dropped prefixes goes, and so does mc then, unless something else uses it).
 */
function trimNamespaces(xml: string): string {
  const root = /<(?!\?)([\w:]+)((?:\s+[\w:]+="[^"]*")*)\s*(\/?)>/u.exec(xml);
  if (!root) return xml;
  const [whole, name, attrs] = root;
  const rest = xml.slice(root.index + whole.length);
  // Alternate content names prefixes in attribute values (Requires="wps"): leave such a part as it is.
  if (rest.includes('mc:AlternateContent')) return xml;
  const used = (prefix: string) => name!.startsWith(`${prefix}:`) || new RegExp(`[<\\s/"]${prefix}:`, 'u').test(rest) || new RegExp(`\\s${prefix}:(?!Ignorable)\\w+=`, 'u').test(attrs!);
  const declared = [...attrs!.matchAll(/\s+xmlns:([\w]+)="[^"]*"/gu)].map((m) => m[1]!);
  const kept = new Set(declared.filter((p) => p !== 'mc' && used(p)));
  let ignorable = /\smc:Ignorable="([^"]*)"/u.exec(attrs!)?.[1]?.split(/\s+/u).filter((p) => kept.has(p)) ?? [];
  if (ignorable.length || used('mc')) kept.add('mc');
  else ignorable = [];
  const newAttrs = attrs!
    .replace(/\s+xmlns:([\w]+)="[^"]*"/gu, (decl, prefix: string) => (kept.has(prefix) ? decl : ''))
    .replace(/\s+mc:Ignorable="[^"]*"/u, ignorable.length ? ` mc:Ignorable="${ignorable.join(' ')}"` : '');
  return xml.slice(0, root.index) + whole.replace(attrs!, newAttrs) + rest;
}

/** Remove a part: its file, its relationships file, the relationship to it and its content-type override. */
function removePart(parts: Parts, path: string): void {
  delete parts[path];
  const slash = path.lastIndexOf('/');
  delete parts[`${path.slice(0, slash)}/_rels/${path.slice(slash + 1)}.rels`];
  parts[CONTENT_TYPES] = parts[CONTENT_TYPES]!.replace(new RegExp(`<Override [^>]*PartName="/${escapeRe(path)}"[^>]*/>`, 'u'), '');
  for (const rels of Object.keys(parts).filter((p) => p.endsWith('.rels'))) {
    const base = rels.replace(/_rels\/[^/]*\.rels$/u, '');
    if (!path.startsWith(base)) continue;
    const target = path.slice(base.length);
    parts[rels] = parts[rels]!.replace(new RegExp(`<Relationship [^>]*Target="${escapeRe(target)}"[^>]*/>`, 'u'), '');
  }
}

/** A header or footer part with nothing in it but empty paragraphs. */
function isEmptyHeaderFooter(xml: string): boolean {
  const inner = /<w:(?:hdr|ftr)[^>]*>(.*)<\/w:(?:hdr|ftr)>/su.exec(xml)?.[1];
  if (inner === undefined) return /<w:(?:hdr|ftr)[^>]*\/>/u.test(xml);
  return inner.replace(/<w:p\/>|<w:p>(?:<w:pPr>.*?<\/w:pPr>)?<\/w:p>/gsu, '').trim() === '';
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/** The .docx with what its document does not use left out (see the file comment); prints the same. */
export function compactDocx(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const parts: Parts = {};
  for (const [path, data] of Object.entries(files)) parts[path] = strFromU8(data);
  const doc = parts['word/document.xml'] ?? '';
  if (parts['word/footnotes.xml'] && !doc.includes('<w:footnoteReference')) removePart(parts, 'word/footnotes.xml');
  if (parts['word/endnotes.xml'] && !doc.includes('<w:endnoteReference')) removePart(parts, 'word/endnotes.xml');
  const content = Object.entries(parts).filter(([p]) => /^word\/(?:document|header\d*|footer\d*|footnotes|endnotes)\.xml$/u.test(p));
  const text = content.map(([, xml]) => xml).join('');
  if (parts['word/styles.xml']) parts['word/styles.xml'] = keepUsedStyles(parts['word/styles.xml'], content.flatMap(([, xml]) => namedStyles(xml)));
  const styled = text + (parts['word/styles.xml'] ?? '');
  if (parts['word/numbering.xml'] && !/<w:numId /u.test(styled)) removePart(parts, 'word/numbering.xml');
  if (parts['word/theme/theme1.xml'] && !/w:\w*[Tt]heme\w*=/u.test(styled + (parts['word/settings.xml'] ?? ''))) removePart(parts, 'word/theme/theme1.xml');
  if (parts['docProps/custom.xml'] && !parts['docProps/custom.xml'].includes('<property')) removePart(parts, 'docProps/custom.xml');
  // Headers and footers of empty paragraphs only: a page without that header or footer is blank there alike.
  for (const path of Object.keys(parts).filter((p) => /^word\/(?:header|footer)\d*\.xml$/u.test(p))) {
    if (!isEmptyHeaderFooter(parts[path]!)) continue;
    const target = path.slice('word/'.length);
    const rel = new RegExp(`<Relationship [^>]*Target="${escapeRe(target)}"[^>]*/>`, 'u').exec(parts['word/_rels/document.xml.rels'] ?? '')?.[0];
    const id = rel && /\sId="([^"]+)"/u.exec(rel)?.[1];
    if (!id) continue;
    parts['word/document.xml'] = parts['word/document.xml']!.replace(new RegExp(`<w:(?:header|footer)Reference [^>]*r:id="${escapeRe(id)}"[^>]*/>`, 'gu'), '');
    removePart(parts, path);
  }
  if (parts['word/fontTable.xml'] && !parts['word/fontTable.xml'].includes('<w:font ')) removePart(parts, 'word/fontTable.xml');
  if (parts['docProps/app.xml'] && /<Properties [^>]*\/>\s*$/u.test(parts['docProps/app.xml'])) removePart(parts, 'docProps/app.xml');
  // Content types of media the package does not hold (the library declares png, jpeg, gif… in every package).
  parts[CONTENT_TYPES] = parts[CONTENT_TYPES]!.replace(/<Default [^>]*Extension="(\w+)"[^>]*\/>/gu, (whole, ext: string) =>
    ext === 'xml' || ext === 'rels' || Object.keys(parts).some((p) => p.endsWith(`.${ext}`)) ? whole : '',
  );
  // Relationship files without a relationship.
  for (const path of Object.keys(parts)) if (path.endsWith('.rels') && !parts[path]!.includes('<Relationship ')) delete parts[path];

  const zippable: Zippable = {};
  // [Content_Types].xml first, as Word writes it.
  for (const path of [CONTENT_TYPES, ...Object.keys(parts).filter((p) => p !== CONTENT_TYPES)]) {
    const xml = path.endsWith('.xml') ? trimNamespaces(parts[path]!) : parts[path]!;
    zippable[path] = [strToU8(xml), { level: 9 }];
  }
  return zipSync(zippable);
}
