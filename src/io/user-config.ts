import { mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { CliError } from '../domain/errors.ts';
import { type IntegrationSettings, parseSettings } from '../domain/tools/settings.ts';
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
 * The integration settings of the user config: `{}` when the file does not exist. A file that is not
 * JSON or holds invalid values is `user_config_invalid`, naming the file: silently ignoring it would
 * generate files for tools the user did not pick.
 */
export function readUserSettings(env: Env = process.env): IntegrationSettings {
  const path = userConfigPath(env);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new CliError(
      'user_config_unreadable',
      `${path} cannot be read (${(e as NodeJS.ErrnoException).code}).`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new CliError('user_config_invalid', `${path} is not valid JSON: ${(e as Error).message}`, {
      fix: `Fix or delete ${path}.`,
    });
  }
  const parsed = parseSettings(data, path);
  if (!parsed.ok) throw new CliError('user_config_invalid', parsed.error, { fix: `Fix or delete ${path}.` });
  return parsed.settings;
}

/** Replace the user config with `settings` (atomically, creating the directory). Returns the file's path. */
export async function writeUserSettings(
  settings: IntegrationSettings,
  env: Env = process.env,
): Promise<string> {
  const dir = userConfigDir(env);
  mkdirSync(dir, { recursive: true });
  await applyFileTransaction(dir, [
    { kind: 'write', path: FILE, content: `${JSON.stringify(settings, null, 2)}\n` },
  ]);
  return join(dir, FILE);
}
