// A scripted tour of Specwright on the bundled example project (examples/tour), run in a temp dir.
// Usage: npm run demo   (builds first). Exits non-zero if any step does not behave as shown.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(repo, 'bin', 'specwright.js');
const example = join(repo, 'examples', 'tour');
const work = mkdtempSync(join(tmpdir(), 'specwright-tour-'));
const color = process.stdout.isTTY && !process.env.NO_COLOR;
const bold = (s) => (color ? `\x1b[1m${s}\x1b[22m` : s);
const dim = (s) => (color ? `\x1b[2m${s}\x1b[22m` : s);

function say(text) {
  console.log(`\n${bold(`── ${text}`)}`);
}

function run(args, expectExit = 0) {
  console.log(dim(`$ specwright ${args.join(' ')}`));
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: color ? '1' : '0' },
  });
  process.stdout.write(r.stdout);
  process.stdout.write(r.stderr);
  if (r.status !== expectExit) {
    console.error(
      `\nUnexpected exit code ${r.status} (expected ${expectExit}) for: specwright ${args.join(' ')}`,
    );
    process.exit(1);
  }
  return r;
}

/** Changed lines between two texts (longest common subsequence), each with a +/- mark. */
function lineDiff(before, after) {
  const a = before.split('\n');
  const b = after.split('\n');
  const lcs = Array.from({ length: a.length + 1 }, () => new Array(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const out = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++;
      j++;
    } else if (j < b.length && (i === a.length || lcs[i][j + 1] >= lcs[i + 1][j])) out.push(`+ ${b[j++]}`);
    else out.push(`- ${a[i++]}`);
  }
  return out.join('\n');
}

try {
  cpSync(join(example, 'openspec'), join(work, 'openspec'), { recursive: true });
  say(`An existing OpenSpec project, copied to ${work}`);
  run(['--version']);
  run(['init']);
  run(['list', '--specs']);
  run(['validate', '--specs']);

  say('Start a change');
  run(['new', 'change', 'add-two-factor', '--description', 'Ask for a one-time code after the password']);
  const change = join(work, 'openspec', 'changes', 'add-two-factor');
  mkdirSync(join(change, 'specs', 'auth'), { recursive: true });
  cpSync(join(example, 'delta', 'proposal.md'), join(change, 'proposal.md'));
  cpSync(join(example, 'delta', 'tasks.md'), join(change, 'tasks.md'));
  cpSync(join(example, 'delta', 'spec.md'), join(change, 'specs', 'auth', 'spec.md'));
  console.log(dim('(an assistant writes proposal.md, tasks.md and the delta specs/auth/spec.md)'));
  run(['list']);
  run(['show', 'add-two-factor']);
  run(['validate', 'add-two-factor', '--strict']);

  say('Archive: merge the delta into the spec, byte for byte outside the touched blocks');
  const specPath = join(work, 'openspec', 'specs', 'auth', 'spec.md');
  const before = readFileSync(specPath, 'utf8');
  run(['archive', 'add-two-factor', '--yes']);
  console.log(lineDiff(before, readFileSync(specPath, 'utf8')));

  say('The merged spec');
  run(['show', 'auth', '--no-scenarios']);
  run(['validate', '--all', '--strict']);
  say('Tour complete.');
} finally {
  rmSync(work, { recursive: true, force: true });
}
