import { describe, expect, it } from 'vitest';
import { resolveProjectConfig } from './project-config.ts';

describe('resolveProjectConfig', () => {
  it('keeps valid fields and drops invalid ones with a warning', () => {
    expect(resolveProjectConfig({ schema: '', context: 'ctx', rules: {} }, 'openspec/config.yaml')).toEqual({
      config: { context: 'ctx' },
      warnings: ["Invalid 'schema' field in config (must be non-empty string)"],
    });
  });

  it('treats an empty document as an empty config and a non-object as a warning', () => {
    expect(resolveProjectConfig(null, 'c.yaml')).toEqual({ config: {}, warnings: [] });
    expect(resolveProjectConfig(['a'], 'c.yaml')).toEqual({
      config: {},
      warnings: ['c.yaml is not a valid YAML object'],
    });
  });
});
