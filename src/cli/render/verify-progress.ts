import type { VerifyObserver } from '../../app/verify.ts';
import type { VerifyStep } from '../../domain/verify/config.ts';
import { plainOutput } from '../../domain/verify/output.ts';
import type { CheckRecord, StepRecord } from '../../domain/verify/record.ts';
import type { ProgressStream } from '../context.ts';
import { createStyle, type Style, textWidth } from './human.ts';

/** `0.4s`, `12.3s`, `2m 05s`. */
export function formatDuration(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
}

/** `passed`, `failed (exit 1)`, `timed out after 600s`, `could not start`, `killed by SIGKILL`. */
export function describeStep(r: StepRecord): string {
  if (r.status === 'passed') return 'passed';
  if (r.status === 'timed_out') return `timed out after ${r.timeoutSeconds}s (killed)`;
  if (r.status === 'error') return 'could not start';
  return r.exitCode === null ? `killed by ${r.signal ?? 'a signal'}` : `failed (exit ${r.exitCode})`;
}

function checkLines(s: Style, c: CheckRecord): string[] {
  const mark = c.status === 'passed' ? s.green('✓') : s.red('✗');
  return [`${mark} ${c.name}: ${c.message}`, ...c.details.map((d) => `    ${s.dim(d)}`)];
}

function indentOutput(output: string): string {
  const text = plainOutput(output).replace(/\s+$/, '');
  return text === '' ? '  (no output)\n' : `${text.replace(/^/gm, '  │ ')}\n`;
}

function finishLine(s: Style, r: StepRecord): string {
  const mark = r.status === 'passed' ? s.green('✓') : s.red('✗');
  return `${mark} ${r.name} ${describeStep(r)} ${s.dim(`in ${formatDuration(r.durationMs)}`)}\n`;
}

/** Plain lines, one per event: for logs, pipes, CI and `--json` runs (no cursor movement, no colour). */
function plainObserver(write: (text: string) => void, style: Style): VerifyObserver & { close(): void } {
  let heartbeat: NodeJS.Timeout | undefined;
  return {
    started: ({ change, steps }) =>
      write(
        `Verifying ${change}: 3 checks, ${steps.length} step${steps.length === 1 ? '' : 's'}${steps.length > 0 ? ` (${steps.map((x) => x.name).join(', ')})` : ''}\n`,
      ),
    checkFinished: (c) => write(`${checkLines(style, c).join('\n')}\n`),
    stepStarted: (step) => {
      write(`▶ ${step.name}: ${step.run}\n`);
      const since = performance.now();
      // CI systems that kill silent jobs, and people reading a log, both want a sign of life.
      heartbeat = setInterval(
        () => write(`  ${step.name} still running (${formatDuration(performance.now() - since)})\n`),
        60_000,
      );
      heartbeat.unref();
    },
    stepFinished: (_step, r, output) => {
      clearInterval(heartbeat);
      write(finishLine(style, r));
      if (r.status !== 'passed') write(indentOutput(output));
    },
    close: () => clearInterval(heartbeat),
  };
}

/** The last lines of a step's output, assembled from chunks. */
function outputTail(keep: number) {
  const lines: string[] = [];
  let partial = '';
  return {
    add(chunk: string) {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop() ?? '';
      lines.push(...parts.map(plainOutput));
      if (lines.length > keep) lines.splice(0, lines.length - keep);
    },
    lines: () => [...lines, plainOutput(partial)].filter((l) => l.trim() !== '').slice(-keep),
  };
}

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

function clip(text: string, width: number): string {
  if (textWidth(text) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (textWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/** A compact live display on a terminal: the running step with its elapsed time and last output lines. */
function liveObserver(stream: ProgressStream, style: Style): VerifyObserver & { close(): void } {
  const plain = plainObserver((t) => stream.write(t), style);
  let drawn = 0;
  let timer: NodeJS.Timeout | undefined;
  let current:
    | { step: VerifyStep; since: number; tail: ReturnType<typeof outputTail>; frame: number }
    | undefined;
  const clear = () => {
    if (drawn > 0) stream.write(`\u001b[${drawn}A\r\u001b[J`);
    drawn = 0;
  };
  const draw = () => {
    if (!current) return;
    const width = Math.max(20, stream.columns() - 1);
    const head = `${style.cyan(SPINNER[current.frame++ % SPINNER.length] as string)} ${current.step.name}  ${style.dim(formatDuration(performance.now() - current.since))}`;
    const lines = [head, ...current.tail.lines().map((l) => style.dim(clip(`  │ ${l}`, width)))];
    clear();
    stream.write(`${lines.join('\n')}\n`);
    drawn = lines.length;
  };
  return {
    ...plain,
    stepStarted: (step) => {
      current = { step, since: performance.now(), tail: outputTail(6), frame: 0 };
      draw();
      timer = setInterval(draw, 100);
      timer.unref();
    },
    output: (_step, chunk) => current?.tail.add(chunk),
    stepFinished: (_step, r, output) => {
      clearInterval(timer);
      clear();
      current = undefined;
      stream.write(finishLine(style, r));
      if (r.status !== 'passed') stream.write(indentOutput(output));
    },
    close: () => {
      clearInterval(timer);
      clear();
    },
  };
}

/**
 * Progress of a verification: a live display when `stream` is a terminal and the run may use colour,
 * plain lines otherwise. Without a stream the lines are collected and returned by `close()`.
 */
export function createVerifyProgress(
  stream: ProgressStream | undefined,
  opts: { live: boolean; color: boolean },
): VerifyObserver & { close(): string } {
  const style = createStyle(opts.color && opts.live);
  if (!stream) {
    const buffer: string[] = [];
    const observer = plainObserver((t) => buffer.push(t), style);
    const close = () => {
      observer.close();
      return buffer.join('');
    };
    return { ...observer, close };
  }
  const observer =
    opts.live && stream.isTTY ? liveObserver(stream, style) : plainObserver((t) => stream.write(t), style);
  const close = () => {
    observer.close();
    return '';
  };
  return { ...observer, close };
}
