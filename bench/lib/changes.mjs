// Active changes of the benchmark corpus. Every change is valid for OpenSpec and no two changes touch the
// same requirement, so any one of them (or all of them, in any order) can be archived.

import {
  changeName,
  motivation,
  normativeSentence,
  requirementName,
  taskText,
  uniqueNamer,
  wrap,
} from './prose.mjs';
import { buildScenarios, renderRequirement, requirementBody } from './specs.mjs';

const freeRequirements = (spec) => spec.requirements.filter((req) => !req.touched);

/** Takes `count` untouched requirements of `spec` at random and marks them touched. */
function claim(rng, spec, count) {
  const taken = [];
  for (let i = 0; i < count; i++) {
    const free = freeRequirements(spec);
    const req = rng.pick(free);
    req.touched = true;
    taken.push(req);
  }
  return taken;
}

function addedSection(rng, ctx) {
  const lines = ['## ADDED Requirements'];
  for (let i = rng.int(1, 2); i > 0; i--) {
    const req = { name: ctx.newName(rng), body: requirementBody(rng, ctx.serial++), scenarios: [] };
    req.scenarios = buildScenarios(rng, rng.int(1, 2));
    lines.push('', ...renderRequirement(req));
  }
  return lines;
}

function modifiedSection(rng, reqs) {
  const lines = ['## MODIFIED Requirements'];
  for (const req of reqs) {
    const body = wrap(`${normativeSentence(rng)} This revision tightens the rule.`, rng.int(1, 2));
    const extra = rng.chance(0.3)
      ? buildScenarios(rng, 1).map((s) => ({ ...s, name: `${s.name} (new)` }))
      : [];
    lines.push('', ...renderRequirement(req, { body, scenarios: [...req.scenarios, ...extra] }));
  }
  return lines;
}

function removedSection(rng, reqs) {
  const lines = ['## REMOVED Requirements'];
  for (const req of reqs) {
    lines.push('', `### Requirement: ${req.name}`, `**Reason**: ${motivation(rng)}`);
    lines.push(`**Migration**: Use the replacement behaviour described in the ADDED requirements.`);
  }
  return lines;
}

function renamedSection(rng, reqs, ctx) {
  const lines = ['## RENAMED Requirements', ''];
  for (const req of reqs) {
    lines.push(`- FROM: \`### Requirement: ${req.name}\``, `- TO: \`### Requirement: ${ctx.newName(rng)}\``);
  }
  return lines;
}

/** One delta spec.md: always ADDED, plus a random mix of MODIFIED / REMOVED / RENAMED on untouched requirements. */
function buildDelta(rng, spec, ctx) {
  const sections = [addedSection(rng, ctx)];
  const summary = ['add'];
  const ops = [
    ['MODIFIED', 0.6, (reqs) => modifiedSection(rng, reqs)],
    ['REMOVED', 0.3, (reqs) => removedSection(rng, reqs)],
    ['RENAMED', 0.3, (reqs) => renamedSection(rng, reqs, ctx)],
  ];
  for (const [label, probability, render] of ops) {
    if (!rng.chance(probability) || freeRequirements(spec).length < 4) continue;
    sections.push(render(claim(rng, spec, 1)));
    summary.push(label.toLowerCase());
  }
  return { text: `${sections.map((s) => s.join('\n')).join('\n\n')}\n`, summary };
}

function proposal(rng, deltas) {
  const why = `${motivation(rng)} ${motivation(rng)}`;
  const bullets = deltas.map(({ spec, summary }) => `- **${spec.id}:** ${summary.join(', ')} requirements`);
  return [
    '## Why',
    why,
    '',
    '## What Changes',
    ...bullets,
    '',
    '## Impact',
    `- ${deltas.length} capabilities`,
    '',
  ].join('\n');
}

function tasks(rng) {
  const lines = [];
  const groups = rng.int(1, 3);
  for (let g = 1; g <= groups; g++) {
    lines.push(`## ${g}. ${taskText(rng)}`, '');
    const count = rng.int(2, 4);
    for (let t = 1; t <= count; t++)
      lines.push(`- [${rng.chance(0.4) ? 'x' : ' '}] ${g}.${t} ${taskText(rng)}`);
    lines.push('');
  }
  return lines.join('\n');
}

/** Specs a change may still touch: enough untouched requirements left for every operation. */
function pickSpecs(rng, specs, count) {
  const chosen = new Set();
  for (let tries = 0; chosen.size < count && tries < 50; tries++) {
    const spec = rng.pick(specs);
    if (freeRequirements(spec).length >= 4) chosen.add(spec);
  }
  return [...chosen];
}

/** Builds `shape.changes` changes as { name, files: Map<relative path, { text, crlf }> }. */
export function buildChanges(rng, shape, specs, names) {
  const ctx = { newName: uniqueNamer(names, requirementName), serial: 100_000 };
  const changeId = uniqueNamer(new Set(['archive']), changeName, '-');
  const changes = [];
  for (let i = 0; i < shape.changes; i++) {
    const name = changeId(rng);
    const deltas = pickSpecs(rng, specs, rng.int(1, 3)).map((spec) => ({
      spec,
      ...buildDelta(rng, spec, ctx),
    }));
    if (deltas.length === 0) throw new Error(`corpus too small: no spec left for change ${name}`);
    const files = new Map([
      ['.openspec.yaml', { text: 'schema: spec-driven\ncreated: 2026-01-01\n', crlf: false }],
      ['proposal.md', { text: proposal(rng, deltas), crlf: rng.chance(0.15) }],
      ['tasks.md', { text: tasks(rng), crlf: rng.chance(0.15) }],
    ]);
    for (const delta of deltas) {
      files.set(`specs/${delta.spec.id}/spec.md`, { text: delta.text, crlf: rng.chance(0.15) });
    }
    changes.push({ name, files });
  }
  return changes;
}
