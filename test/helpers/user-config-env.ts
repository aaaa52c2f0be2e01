// A working directory, HOME and XDG config home in temp folders for `specwright config` tests, so the real
// user config is never read or written.
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './cli.ts';

// biome-ignore lint/suspicious/noExplicitAny: assertions walk arbitrary JSON documents printed by the CLI
export type Json = Record<string, any>;

export const CORE = ['propose', 'explore', 'apply', 'sync', 'archive'];

/** A working directory (no project: config needs none), a HOME and an XDG config home, all empty. */
export function configSetup(track: (dir: string) => string) {
  const base = track(mkdtempSync(join(tmpdir(), 'specwright-config-')));
  const cwd = join(base, 'cwd');
  const home = join(base, 'home');
  const xdg = join(base, 'xdg');
  for (const d of [cwd, home, xdg]) mkdirSync(d);
  const file = join(xdg, 'specwright', 'config.json');
  const env = { HOME: home, XDG_CONFIG_HOME: xdg };
  const run = (...args: string[]) => runCli(cwd, ['config', ...args], env);
  const stored = () => JSON.parse(readFileSync(file, 'utf8')) as Json;
  return { cwd, home, xdg, file, env, run, stored };
}
