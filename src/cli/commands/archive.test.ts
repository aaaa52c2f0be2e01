import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeContext } from '../../../test/helpers/fake-context.ts';
import { f2Files, tempProjects } from '../../../test/helpers/tmp-project.ts';
import { run } from './archive.ts';

const temp = tempProjects();
const project = () => temp.project(f2Files());

const archived = (root: string) => existsSync(join(root, 'openspec/changes/add-auth'));

describe('archive command on a terminal', () => {
  it('asks about incomplete tasks and archives on yes', async () => {
    const root = project();
    const asked: string[] = [];
    const ctx = fakeContext(root, {
      confirm: async (m) => {
        asked.push(m);
        return true;
      },
    });
    const r = await run(ctx, ['add-auth'], {});
    expect(asked).toEqual(["1 incomplete task in 'add-auth' (1/2 done). Archive anyway?"]);
    expect(r.exitCode).toBe(0);
    expect(archived(root)).toBe(false);
  });

  it('refuses on no, exits 130 on cancel, and never asks under --json or --no-interactive', async () => {
    const root = project();
    await expect(
      run(fakeContext(root, { confirm: async () => false }), ['add-auth'], {}),
    ).rejects.toMatchObject({ code: 'archive_tasks_incomplete' });
    await expect(
      run(fakeContext(root, { confirm: async () => 'cancel' }), ['add-auth'], {}),
    ).rejects.toMatchObject({ exitCode: 130 });
    let asked = false;
    const ctx = fakeContext(root, {
      confirm: async () => {
        asked = true;
        return true;
      },
    });
    await expect(run(ctx, ['add-auth'], { json: true })).rejects.toMatchObject({
      code: 'archive_tasks_incomplete',
    });
    await expect(run(ctx, ['add-auth'], { interactive: false })).rejects.toMatchObject({
      code: 'archive_tasks_incomplete',
    });
    expect(asked).toBe(false);
    expect(archived(root)).toBe(true);
  });
});
