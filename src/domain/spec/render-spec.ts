/** A spec as plain data, the input of `renderSpec` (what an editor or a generator builds). */
export interface SpecModel {
  title: string;
  purpose: string;
  requirements: { name: string; text: string; scenarios: { name: string; body: string }[] }[];
}

/** Render a spec model in the canonical layout that `parseSpec` reads back to the same model. */
export function renderSpec(model: SpecModel, eol = '\n'): string {
  const out = [`# ${model.title}`, '', '## Purpose', '', model.purpose, '', '## Requirements', ''];
  for (const r of model.requirements) {
    out.push(`### Requirement: ${r.name}`, r.text, '');
    for (const s of r.scenarios) out.push(`#### Scenario: ${s.name}`, s.body, '');
  }
  return out.join(eol);
}
