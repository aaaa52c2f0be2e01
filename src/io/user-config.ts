import { mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { CliError } from '../domain/errors.ts';
import type { IntegrationSettings } from '../domain/tools/settings.ts';
import { type CheckedUserConfig, checkUserConfig } from '../domain/tools/user-config.ts';
import { applyFileTransaction } from './atomic-write.ts';

type Env = Readonly<Record<string, string | undefined>>;

const FILE = 'config.json';

/**
 * The user's config directory for Specwright: `$XDG_CONFIG_HOME/specwright` when that is absolute (the
 * XDG spec ignores relative values), `%APPDATA%\specwright` on Windows, else `~/.config/specwright`.
 */
function userConfigDir(env: Env): string {
  const xdg = env.XDG_CONFIG_HOME;
  if (xdg && isAbsolute(xdg)) return join(xdg, 'specwright');
  if (process.platform === 'win32' && env.APPDATA) return join(env.APPDATA, 'specwright');
  return join(env.HOME || homedir(), '.config', 'specwright');
}

/** Absolute path of the user config file (it may not exist). */
export function userConfigPath(env: Env = process.env): string {
  return join(userConfigDir(env), FILE);
}

/**
 * The parsed JSON of the user config: `undefined` when the file does not exist. A file that cannot be
 * read is `user_config_unreadable`, one that is not JSON `user_config_invalid`, both naming the file.
 */
export function readUserConfigData(env: Env = process.env): unknown {
  const path = userConfigPath(env);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new CliError(
      'user_config_unreadable',
      `${path}: cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'}).`,
      { fix: `Fix its permissions or delete ${path}.` },
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new CliError('user_config_invalid', `${path} is not valid JSON: ${(e as Error).message}`, {
      fix: `Fix or delete ${path}.`,
    });
  }
}

/** The error for a user config that fails `checkUserConfig` or `planUserConfigEdit`. */
export function userConfigInvalid(check: { error: string; fix: string }): CliError {
  return new CliError('user_config_invalid', check.error, { fix: check.fix });
}

/**
 * The integration settings of the user config: `{}` when the file does not exist. A file that is not
 * JSON or holds invalid values is `user_config_invalid`, naming the file: silently ignoring it would
 * generate files for tools the user did not pick. Keys Specwright does not know are ignored.
 */
export function readUserSettings(env: Env = process.env): IntegrationSettings {
  const checked = checkUserConfig(readUserConfigData(env), userConfigPath(env));
  if (!checked.ok) throw userConfigInvalid(checked);
  return checked.settings;
}

/**
 * Replace the user config with `document` (atomically, creating the directory). Only a checked document
 * is accepted, so nothing invalid is ever written. Returns the file's path.
 */
export async function writeUserConfig(document: CheckedUserConfig, env: Env = process.env): Promise<string> {
  const dir = userConfigDir(env);
  mkdirSync(dir, { recursive: true });
  await applyFileTransaction(dir, [
    { kind: 'write', path: FILE, content: `${JSON.stringify(document, null, 2)}\n` },
  ]);
  return join(dir, FILE);
}
