import type { ChangeInput } from '../../src/domain/change/plan-change.ts';

/** Input for `planChange`: change `c` with one delta file for capability `auth` over `main`. */
export function authChangeInput(
  deltaText: string,
  main: string | undefined,
  extra: Partial<ChangeInput> = {},
): ChangeInput {
  return {
    name: 'c',
    deltaFiles: [{ capability: 'auth', file: 'd.md', text: deltaText }],
    misplaced: [],
    mainSpecs: new Map([['auth', main]]),
    mainPath: (cap) => `openspec/specs/${cap}/spec.md`,
    skipSpecs: false,
    retireCapabilities: false,
    dir: 'openspec/changes/c',
    ...extra,
  };
}
