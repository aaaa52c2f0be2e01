// Main specs of the benchmark corpus: an in-memory model (so change deltas can copy requirements) and its Markdown.

import {
  capabilityId,
  codeBlock,
  normativeSentence,
  purpose,
  requirementName,
  scenarioName,
  scenarioSteps,
  table,
  uniqueNamer,
  wrap,
} from './prose.mjs';

/** 1-3 lines containing SHALL/MUST, sometimes after an `**ID**:` line, sometimes followed by a fence or a table. */
export function requirementBody(rng, serial) {
  const lines = [];
  if (rng.chance(0.25)) lines.push(`**ID**: R-${serial}`);
  lines.push(...wrap(normativeSentence(rng), rng.pick([1, 1, 1, 2, 2, 3])));
  if (rng.chance(0.08)) lines.push('', ...codeBlock(rng));
  else if (rng.chance(0.06)) lines.push('', ...table(rng));
  return lines;
}

export function buildScenarios(rng, count) {
  const used = new Set();
  const name = uniqueNamer(used, scenarioName);
  return Array.from({ length: count }, () => ({ name: name(rng), steps: scenarioSteps(rng) }));
}

function buildRequirement(rng, ctx, shape) {
  return {
    name: ctx.requirementName(rng),
    closingRun: rng.chance(0.04),
    body: requirementBody(rng, ctx.serial++),
    scenarios: buildScenarios(rng, shape.scenarios),
    touched: false,
  };
}

/** Markdown lines of one requirement block; deltas pass their own body/scenarios and never a closing run. */
export function renderRequirement(
  req,
  { body = req.body, scenarios = req.scenarios, closingRun = false } = {},
) {
  const lines = [`### Requirement: ${req.name}${closingRun ? ' ###' : ''}`, ...body];
  for (const scenario of scenarios) lines.push('', `#### Scenario: ${scenario.name}`, ...scenario.steps);
  return lines;
}

export function renderSpec(spec) {
  const lines = [`# ${spec.id} Specification`, '', '## Purpose', spec.purpose, '', '## Requirements'];
  for (const req of spec.requirements) {
    lines.push('', ...renderRequirement(req, { closingRun: req.closingRun }));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Builds `shape.specs` capabilities. `names` is the corpus-wide set of requirement names, shared with the
 * change builder so ADDED and RENAMED-to names never clash with anything.
 */
export function buildSpecs(rng, shape, names) {
  const ctx = { requirementName: uniqueNamer(names, requirementName), serial: 1 };
  const usedIds = new Set();
  const specs = [];
  for (let i = 0; i < shape.specs; i++) {
    const id = uniqueNamer(usedIds, (r) => capabilityId(r, i % 8 === 3), '-')(rng);
    const requirements = Array.from({ length: shape.requirements }, () => buildRequirement(rng, ctx, shape));
    specs.push({ id, purpose: purpose(rng), requirements, crlf: rng.chance(0.15) });
  }
  return specs;
}

export function toLineEnding(text, crlf) {
  return crlf ? text.replaceAll('\n', '\r\n') : text;
}
