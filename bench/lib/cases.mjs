// What gets timed: the commands, their arguments per corpus, run counts, reference rows and targets.

const sum = (items, pick) => items.reduce((total, item) => total + pick(item), 0);

const VERSION_TARGET_MS = 15;
const VALIDATE_TARGET_FACTOR = 3;

const COMMANDS = [
  { name: '--version', args: () => ['--version'], expect: 'text' },
  {
    name: 'list --json',
    args: () => ['list', '--json'],
    digest: (j) => `${j.changes.length} changes, ${sum(j.changes, (c) => c.totalTasks)} tasks`,
  },
  {
    name: 'list --specs --json',
    args: () => ['list', '--specs', '--json'],
    digest: (j) => `${j.specs.length} specs, ${sum(j.specs, (s) => s.requirementCount)} requirements`,
  },
  {
    name: 'show <spec> --json',
    args: (stamp) => ['show', stamp.showSpec, '--json'],
    digest: (j) =>
      `${j.requirementCount} requirements, ${sum(j.requirements, (r) => r.scenarios.length)} scenarios`,
  },
  {
    name: 'validate --all --json',
    args: () => ['validate', '--all', '--json'],
    slowOn: ['large'],
    digest: (j) => `${j.summary.totals.items} items, ${j.summary.totals.failed} failed`,
  },
  {
    name: 'archive <change> --yes --json',
    args: (stamp) => ['archive', stamp.archiveChange, '--yes', '--json'],
    fresh: true,
    slowOn: ['small', 'large'],
    digest: (j) => {
      const t = j.archive.totals;
      return `+${t.added} ~${t.modified} -${t.removed} →${t.renamed}`;
    },
  },
];

/** Reference rows: what a command is compared against, and the target it must meet. */
function referenceFor(command, size, setup) {
  if (command.name === '--version') {
    return {
      label: 'node -e 0',
      argv: () => ['-e', '0'],
      expect: 'nothing',
      target: {
        text: `≤ node -e 0 + ${VERSION_TARGET_MS} ms`,
        limit: (refMs) => refMs + VERSION_TARGET_MS,
      },
    };
  }
  if (command.name === 'validate --all --json' && size === 'large') {
    return {
      label: 'baseline-read.mjs',
      argv: (cwd) => [setup.baselinePath, cwd],
      expect: 'text',
      target: {
        text: `≤ ${VALIDATE_TARGET_FACTOR}× baseline-read`,
        limit: (refMs) => refMs * VALIDATE_TARGET_FACTOR,
      },
    };
  }
  return null;
}

/** One case per (corpus, command), in corpus order then command order. */
export function buildCases(corpora, options, setup) {
  const cases = [];
  for (const corpus of corpora) {
    for (const command of COMMANDS) {
      const slow = command.slowOn?.includes(corpus.size);
      cases.push({
        command: command.name,
        corpus: corpus.size,
        dir: corpus.dir,
        args: command.args(corpus.stamp),
        expect: command.expect ?? 'json',
        fresh: command.fresh ?? false,
        digest: command.digest,
        runs: slow ? options.slowRuns : options.runs,
        reference: referenceFor(command, corpus.size, setup),
      });
    }
  }
  return cases;
}
