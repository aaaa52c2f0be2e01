import { spawn } from 'node:child_process';
import { CliError } from '../domain/errors.ts';

/** One shell command to run to completion. */
export interface ShellRun {
  /** A shell command line, run with `sh -c`. */
  command: string;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Kill the command (and everything it started) after this many milliseconds; none when undefined. */
  timeoutMs?: number;
  /** Called with each chunk of output, stdout and stderr interleaved as they arrive. */
  onOutput?: (chunk: string) => void;
}

/** How the command ended. */
export interface ShellOutcome {
  /** Exit code, or null when a signal ended it. */
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  durationMs: number;
  /** Set when the command could not be started at all. */
  spawnError?: string;
}

/** After SIGTERM, how long a process group gets to exit before SIGKILL. */
const KILL_GRACE_MS = 2000;
/** After the shell exits, how long to wait for its output pipes to close (a leftover child holds them). */
const CLOSE_GRACE_MS = 1000;

/** Signal a whole process group; a group that is already gone is fine. */
function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: every process of the group has exited.
  }
}

/** SIGTERM the group, then SIGKILL it if anything is left after the grace period. */
function terminateGroup(pid: number): void {
  killGroup(pid, 'SIGTERM');
  setTimeout(() => killGroup(pid, 'SIGKILL'), KILL_GRACE_MS).unref();
}

/**
 * Run a shell command in its own process group, streaming its output. A timeout (or Ctrl-C / SIGTERM
 * sent to Specwright) kills the whole group, so test runners' worker processes do not outlive the step.
 * An interruption rejects with `cancelled` (exit code 130) after the group was signalled.
 */
export function runShell(run: ShellRun): Promise<ShellOutcome> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', run.command], {
      cwd: run.cwd,
      env: run.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let timedOut = false;
    let interrupted: NodeJS.Signals | undefined;
    let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    const timers: NodeJS.Timeout[] = [];
    const onSignal = (signal: NodeJS.Signals) => {
      interrupted = signal;
      if (child.pid !== undefined) terminateGroup(child.pid);
    };
    const finish = (outcome: Omit<ShellOutcome, 'durationMs' | 'timedOut'>) => {
      for (const t of timers) clearTimeout(t);
      process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
      if (interrupted) {
        reject(
          new CliError('cancelled', `Interrupted (${interrupted}); the step was stopped.`, { exitCode: 130 }),
        );
        return;
      }
      resolve({ ...outcome, timedOut, durationMs: Math.round(performance.now() - started) });
    };
    process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
    for (const stream of [child.stdout, child.stderr]) {
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => run.onOutput?.(chunk));
    }
    if (run.timeoutMs !== undefined && child.pid !== undefined) {
      const pid = child.pid;
      timers.push(
        setTimeout(() => {
          timedOut = true;
          terminateGroup(pid);
        }, run.timeoutMs),
      );
    }
    child.on('error', (e) => finish({ exitCode: null, signal: null, spawnError: e.message }));
    child.on('exit', (code, signal) => {
      exit = { code, signal };
      // Output pipes held open by a leftover background process would delay 'close' forever.
      timers.push(
        setTimeout(() => {
          if (child.pid !== undefined) killGroup(child.pid, 'SIGKILL');
          child.stdout.destroy();
          child.stderr.destroy();
        }, CLOSE_GRACE_MS),
      );
    });
    child.on('close', (code, signal) => {
      const ended = exit ?? { code, signal };
      finish({ exitCode: ended.code, signal: ended.signal });
    });
  });
}
