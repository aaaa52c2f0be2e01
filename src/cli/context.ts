/** Everything a command may touch of the outside world, injected so commands are testable in-process. */
export interface CliContext {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** True when stdout is a terminal. */
  stdoutIsTTY: boolean;
  /** True when stdin is a terminal (prompts are only allowed then). */
  stdinIsTTY: boolean;
  /** Whether human output may use ANSI colours (false with --no-color, NO_COLOR, --json or no TTY). */
  color: boolean;
  /** Current time; archive uses its local calendar date. */
  now: () => Date;
  /**
   * Ask a yes/no question on the terminal (stderr). Absent when stdin or stdout is not a terminal, so
   * commands must treat "no way to ask" as a refusal with a hint naming the flag that skips the question.
   */
  confirm?: (message: string) => Promise<boolean | 'cancel'>;
  /**
   * stderr while a command runs, for live progress of long commands (`verify`). Absent in in-process
   * tests and embedders: such commands then return their progress in `stderr` at the end instead.
   */
  progress?: ProgressStream;
}

/** A stream to write progress to as it happens. */
export interface ProgressStream {
  write(text: string): void;
  /** Whether it is a terminal (a live display may then redraw lines). */
  isTTY: boolean;
  /** Terminal width in columns (80 when unknown). */
  columns(): number;
}

/** What a command hands back to main: main alone writes it out and sets the exit code. */
export interface CommandResult {
  /** 0 success, 1 failure or validation errors, 2 usage error. */
  exitCode: number;
  /** The result: one JSON document under --json, otherwise human text. */
  stdout: string;
  /** Progress, warnings, hints and human-mode errors. */
  stderr: string;
}
