// The process entry point: the only module that touches process streams and the exit code.
// Nothing is imported statically, so `--version` is answered before commander or any command loads.

declare const __SPECWRIGHT_VERSION__: string;

/** Inlined by scripts/build.mjs; reading package.json at runtime would cost a file read and a JSON parse. */
const VERSION = typeof __SPECWRIGHT_VERSION__ === 'string' ? __SPECWRIGHT_VERSION__ : '0.0.0-dev';

/** A yes/no prompt on stderr, loaded only when a command needs to ask. */
async function askOnTerminal(message: string): Promise<boolean | 'cancel'> {
  const { confirm, isCancel } = await import('@clack/prompts');
  const answer = await confirm({ message, output: process.stderr, initialValue: false });
  return isCancel(answer) ? 'cancel' : answer;
}

async function main(argv: string[]): Promise<number> {
  const { detectColor, runCli } = await import('./run.ts');
  const env = process.env;
  const ctx = {
    cwd: process.cwd(),
    env,
    stdoutIsTTY: process.stdout.isTTY === true,
    stdinIsTTY: process.stdin.isTTY === true,
    color: detectColor(env, process.stdout.isTTY === true),
    now: () => new Date(),
    ...(process.stdin.isTTY && process.stderr.isTTY ? { confirm: askOnTerminal } : {}),
    progress: {
      write: (text: string) => process.stderr.write(text),
      isTTY: process.stderr.isTTY === true,
      columns: () => process.stderr.columns || 80,
    },
  };
  const result = await runCli(argv, ctx, { version: VERSION });
  if (result.stderr !== '') process.stderr.write(result.stderr);
  if (result.stdout !== '') process.stdout.write(result.stdout);
  return result.exitCode;
}

// A reader that goes away (`specwright list | head -1`) is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  process.stdout.write(`${VERSION}\n`);
} else {
  try {
    process.exitCode = await main(argv);
    // Everything written has reached the OS: end now rather than tear the heap down (≈ 8 ms after a large
    // validate). Output still queued for a slow pipe keeps the process alive until it is flushed.
    if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0) process.exit();
  } catch (error) {
    // runCli catches everything; this only fires if loading the CLI itself fails (a broken install).
    process.stderr.write(`Internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.env.SPECWRIGHT_DEBUG === '1' && error instanceof Error)
      process.stderr.write(`${error.stack}\n`);
    process.exitCode = 1;
  }
}
