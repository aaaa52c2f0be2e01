/** An operational failure (bad name, missing item, unreadable file): reported in one line, exit 1. Thrown by io/ and app/, caught only by cli/main.ts. */
export class CliError extends Error {
  readonly code: string;
  readonly fix: string | undefined;
  readonly exitCode: number;
  constructor(
    code: string,
    message: string,
    opts: { fix?: string; exitCode?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: opts.cause });
    this.name = 'CliError';
    this.code = code;
    this.fix = opts.fix;
    this.exitCode = opts.exitCode ?? 1;
  }
}
