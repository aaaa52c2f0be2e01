// Measures one case: a warm-up per participant, then N interleaved timed runs, then one peak-RSS run each.

import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { classify, peakRssKb, summarise, timedRun } from './measure.mjs';

let workCounter = 0;

/** Calls fn(cwd) in the corpus, or in a throw-away copy of it for commands that write (archive). */
function inCorpus(testCase, setup, fn) {
  if (!testCase.fresh) return fn(testCase.dir);
  const cwd = join(setup.workDir, `run-${process.pid}-${workCounter++}`);
  cpSync(testCase.dir, cwd, { recursive: true });
  try {
    return fn(cwd);
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

function participants(testCase, setup) {
  const tool = (key, label, bin, mayLack) => ({
    key,
    label,
    argv: () => [bin, ...testCase.args],
    expect: testCase.expect,
    mayLack,
    status: bin ? 'ok' : 'unavailable',
    reason: bin ? undefined : setup.specwrightMissing,
    times: [],
  });
  const list = [
    tool('specwright', 'Specwright', setup.specwrightBin, true),
    tool('openspec', 'OpenSpec', setup.openspecBin, false),
  ];
  const ref = testCase.reference;
  if (ref)
    list.push({
      key: 'reference',
      label: ref.label,
      argv: ref.argv,
      expect: ref.expect,
      status: 'ok',
      times: [],
    });
  return list;
}

function safeDigest(digest, json) {
  if (!digest || !json) return undefined;
  try {
    return digest(json);
  } catch {
    return '(unexpected JSON shape)';
  }
}

/** One run of one participant; a bad run takes the participant out of the case with the reason. */
function attempt(p, testCase, setup, warmup) {
  inCorpus(testCase, setup, (cwd) => {
    const run = timedRun(p.argv(cwd), cwd, setup.env);
    const verdict = classify(run, { expect: p.expect, mayLack: p.mayLack });
    if (verdict.status !== 'ok') {
      p.status = verdict.status;
      p.reason = verdict.reason;
    } else if (warmup) {
      p.digest = safeDigest(testCase.digest, verdict.json);
    } else {
      p.times.push(run.ms);
    }
  });
}

const rotate = (items, by) => items.map((_, i) => items[(i + by) % items.length]);

/** Returns { ...testCase, results: { specwright, openspec, reference? } } with stats, rssKb, digest, status. */
export function measureCase(testCase, setup) {
  const list = participants(testCase, setup);
  for (const p of list) if (p.status === 'ok') attempt(p, testCase, setup, true);
  for (let i = 0; i < testCase.runs; i++) {
    for (const p of rotate(list, i)) if (p.status === 'ok') attempt(p, testCase, setup, false);
  }
  const results = {};
  for (const p of list) {
    const ok = p.status === 'ok';
    const rssKb =
      ok && setup.rss ? inCorpus(testCase, setup, (cwd) => peakRssKb(p.argv(cwd), cwd, setup.env)) : null;
    results[p.key] = {
      label: p.label,
      status: p.status,
      reason: p.reason,
      stats: ok ? summarise(p.times) : null,
      rssKb,
      digest: p.digest,
    };
  }
  return { ...testCase, results };
}
