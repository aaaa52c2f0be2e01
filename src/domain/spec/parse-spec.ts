import { lineCount } from '../markdown/doc-lines.ts';
import { scanMarkdown } from '../markdown/scan.ts';
import type { Heading, ScannedDoc } from '../markdown/types.ts';
import { headingsInside, parseUnits, requirementName, textOf } from './blocks.ts';
import type { Requirement, Section, SpecDoc } from './model.ts';

/** Level-2 sections: each runs from its heading to the next heading of level 1-2. */
export function sectionsOf(doc: ScannedDoc): Section[] {
  const sections: Section[] = [];
  const top = doc.headings.filter((h) => h.level <= 2);
  for (let j = 0; j < top.length; j++) {
    const h = top[j] as Heading;
    if (h.level !== 2) continue;
    const next = top[j + 1];
    sections.push({
      title: h.text,
      line: h.line,
      range: { start: h.line, end: next ? next.line : lineCount(doc) },
    });
  }
  return sections;
}

/** Requirement headers that sit outside the given sections (they are never part of the model). */
function strayRequirementsOf(doc: ScannedDoc, inside: Section[]): Requirement[] {
  const stray: Requirement[] = [];
  for (const h of doc.headings) {
    if (h.level !== 3 || inside.some((s) => h.line > s.range.start && h.line < s.range.end)) continue;
    if (requirementName(h.text) === undefined) continue;
    const { requirements } = parseUnits(doc, [h], { start: h.line, end: nextBoundary(doc, h) });
    stray.push(...requirements);
  }
  return stray;
}

function nextBoundary(doc: ScannedDoc, h: Heading): number {
  const next = doc.headings.find((x) => x.line > h.line && x.level <= 3);
  return next ? next.line : lineCount(doc);
}

/** Parse an already scanned main spec into its structure. Pure; never throws on content. */
function parseSpecDoc(doc: ScannedDoc): SpecDoc {
  const sections = sectionsOf(doc);
  const firstH1 = doc.headings.find((h) => h.level === 1);
  const purposeSection = sections.find((s) => /^purpose$/i.test(s.title));
  const requirementsSection = sections.find((s) => /^requirements$/i.test(s.title));
  const spec: SpecDoc = { doc, sections, requirements: [], foreign: [], strayRequirements: [] };
  if (firstH1) spec.title = { text: firstH1.text, line: firstH1.line };
  if (purposeSection) {
    const body = { start: purposeSection.line + 1, end: purposeSection.range.end };
    spec.purpose = { ...purposeSection, text: textOf(doc, body) };
  }
  if (requirementsSection) {
    spec.requirementsSection = requirementsSection;
    const { requirements, foreign } = parseUnits(
      doc,
      headingsInside(doc.headings, requirementsSection.range),
      requirementsSection.range,
    );
    spec.requirements = requirements;
    spec.foreign = foreign;
  }
  spec.strayRequirements = strayRequirementsOf(doc, requirementsSection ? [requirementsSection] : []);
  return spec;
}

/** Parse main spec text (BOM, CRLF and lone CR accepted). */
export function parseSpec(text: string): SpecDoc {
  return parseSpecDoc(scanMarkdown(text));
}

/** The exact source text of lines `[start, end)`, line endings included. */
export function sliceLines(doc: ScannedDoc, start: number, end: number): string {
  return doc.source.slice(doc.lineStarts[start], doc.lineStarts[end]);
}

/**
 * How many requirements `parseSpec(text)` would find, without building them: the level-3
 * `Requirement:` headings of the first `## Requirements` section. For listings of many specs.
 */
export function countRequirements(text: string): number {
  const doc = scanMarkdown(text);
  const section = sectionsOf(doc).find((s) => /^requirements$/i.test(s.title));
  if (!section) return 0;
  return headingsInside(doc.headings, section.range).filter(
    (h) => h.level === 3 && requirementName(h.text) !== undefined,
  ).length;
}
