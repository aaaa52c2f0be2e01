import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { archiveChange } from '../../src/app/archive.ts';
import { runValidation } from '../../src/app/validate.ts';
import { AUTH_SPEC, modifyLogin, read, tempProjects } from '../helpers/tmp-project.ts';

const { project } = tempProjects();

function twoChanges(): string {
  return project({
    'openspec/specs/auth/spec.md': AUTH_SPEC,
    'openspec/changes/add-lockout/.openspec.yaml':
      'schema: spec-driven\ncreated: 2026-11-01\ncreated_at: 2026-11-01T09:00:00.000Z\n',
    'openspec/changes/add-lockout/specs/auth/spec.md': modifyLogin('Lockout'),
    'openspec/changes/add-captcha/.openspec.yaml':
      'schema: spec-driven\ncreated: 2026-11-02\ncreated_at: 2026-11-02T09:00:00.000Z\n',
    'openspec/changes/add-captcha/specs/auth/spec.md': modifyLogin('Captcha'),
  });
}

describe('stale and overlapping deltas', () => {
  it('warns on both open changes that touch the same requirement', async () => {
    const root = twoChanges();
    const report = await runValidation(root, { changes: true, strict: false });
    for (const item of report.items) {
      const overlap = item.issues.find((i) => i.rule === 'change_overlap');
      expect(overlap?.level).toBe('WARNING');
      expect(overlap?.message).toContain(item.id === 'add-lockout' ? 'add-captcha' : 'add-lockout');
    }
  });

  it('refuses a MODIFIED written before another change archived the same requirement', async () => {
    const root = twoChanges();
    await archiveChange(root, 'add-lockout', {
      yes: true,
      skipSpecs: false,
      noValidate: false,
      now: new Date('2026-11-03T10:00:00Z'),
    });
    const merged = read(root, 'openspec/specs/auth/spec.md');
    expect(merged).toContain('Scenario: Lockout');
    expect(read(root, 'openspec/changes/archive/2026-11-03-add-lockout/.openspec.yaml')).toMatch(
      /touched:[\s\S]*ref: auth#User Login/,
    );

    const report = await runValidation(root, { item: 'add-captcha', strict: false });
    const stale = report.items[0]?.issues.find((i) => i.rule === 'merge_stale_base');
    expect(stale?.level).toBe('ERROR');
    expect(stale?.message).toContain('2026-11-03-add-lockout');
    const attempt = archiveChange(root, 'add-captcha', {
      yes: true,
      skipSpecs: false,
      noValidate: false,
      now: new Date('2026-11-04T10:00:00Z'),
    });
    await expect(attempt).rejects.toMatchObject({ code: 'archive_validation_failed' });
    expect(read(root, 'openspec/specs/auth/spec.md')).toBe(merged);

    // After rebasing the block on the current text, base_at acknowledges it and the scenario guard still applies.
    writeFileSync(
      join(root, 'openspec/changes/add-captcha/.openspec.yaml'),
      'schema: spec-driven\ncreated: 2026-11-02\nbase_at: 2026-11-03T12:00:00.000Z\n',
    );
    const again = await runValidation(root, { item: 'add-captcha', strict: false });
    expect(again.items[0]?.issues.map((i) => i.rule)).toContain('merge_scenario_loss');
    writeFileSync(
      join(root, 'openspec/changes/add-captcha/specs/auth/spec.md'),
      modifyLogin('Captcha').replace(
        '#### Scenario: Captcha',
        '#### Scenario: Lockout\n- **WHEN** lockout happens\n- **THEN** it is handled\n\n#### Scenario: Captcha',
      ),
    );
    const fixed = await runValidation(root, { item: 'add-captcha', strict: false });
    expect(fixed.items[0]?.valid).toBe(true);
  });
});
