/** `ai-governance init`: a starter record that passes its own check, expected items read from the catalog. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { createEngine } from '../../server/src/engine';
import { loadCatalog, ROLES, shortTitle } from '../../server/src/engine/catalog';
import type { Role } from '../../server/src/engine/catalogTypes';
import { runCli, workspace } from '../support/cli';

const catalog = loadCatalog();
const engine = createEngine({ fs: { exists: existsSync } });

/** Every non-empty combination of roles. */
const ROLE_SETS: Role[][] = [1, 2, 3, 4, 5, 6, 7].map((mask) => ROLES.filter((_, i) => mask & (1 << i)));

function expectedIds(roles: Role[], advancedAI: boolean): string[] {
  return catalog.items.filter((item) => catalog.requirement(item, roles, advancedAI) === 'required').map((item) => item.id);
}

describe('init', () => {
  test('for every role combination, with and without advancedAI: every required item, planned, in catalog order; the record checks clean', async () => {
    for (const roles of ROLE_SETS) {
      for (const advancedAI of [false, true]) {
        const label = `${roles.join(',')}${advancedAI ? ' +advancedAI' : ''}`;
        const ws = workspace({});
        try {
          const argv = ['init', '--role', roles.join(','), '--lang', 'ja', ...(advancedAI ? ['--advanced-ai'] : [])];
          const result = await runCli(argv, { cwd: ws.root });
          assert.equal(result.code, 0, `${label}: ${result.stderr}`);
          const path = join(ws.root, 'ai-governance.yaml');
          const text = readFileSync(path, 'utf8');
          const data = parse(text) as { apiVersion: string; guideline: string; roles: string[]; advancedAI: boolean; organization: Record<string, string>; items: Record<string, { status: string }> };
          assert.equal(data.apiVersion, 'ai-governance/v1');
          assert.equal(data.guideline, '2026');
          assert.deepEqual(data.roles, roles);
          assert.equal(data.advancedAI, advancedAI);
          assert.deepEqual(Object.keys(data.organization), ['name', 'accountable', 'contact']);
          const expected = expectedIds(roles, advancedAI);
          assert.ok(expected.length > 0, label);
          assert.deepEqual(Object.keys(data.items ?? {}), expected, label);
          for (const id of expected) {
            assert.equal(data.items[id].status, 'planned', `${label} ${id}`);
            const title = shortTitle(catalog.get(id)?.title ?? '');
            assert.ok(text.includes(`\n  ${id}: # ${title}\n`), `${label}: ${id} has its title as a comment`);
          }
          const checked = engine.check({ path, text, workspaceRoot: ws.root });
          const bad = checked.diagnostics.filter((d) => d.severity === 'error' || d.code === 'missing-required-item');
          assert.deepEqual(bad, [], label);
          assert.match(result.stdout, new RegExp(`（${expected.length} 項目）`));
        } finally {
          ws.cleanup();
        }
      }
    }
  });

  test('roles given repeatedly or comma-separated, in any order, end up in guideline order', async () => {
    const ws = workspace({});
    try {
      const result = await runCli(['init', '--role', 'business-user', '--role', 'provider,developer', '--output', 'sub/team.ai-governance.yaml'], { cwd: ws.root });
      assert.equal(result.code, 0, result.stderr);
      const data = parse(readFileSync(join(ws.root, 'sub/team.ai-governance.yaml'), 'utf8')) as { roles: string[] };
      assert.deepEqual(data.roles, ['developer', 'provider', 'business-user']);
      const check = await runCli(['check', 'sub'], { cwd: ws.root });
      assert.equal(check.code, 0, check.stdout);
    } finally {
      ws.cleanup();
    }
  });

  test('the header comment follows --lang', async () => {
    const ws = workspace({});
    try {
      assert.equal((await runCli(['init', '--role', 'developer', '--lang', 'en'], { cwd: ws.root })).code, 0);
      assert.match(readFileSync(join(ws.root, 'ai-governance.yaml'), 'utf8'), /^# Compliance record for the AI Guidelines for Business/);
      assert.equal((await runCli(['init', '--role', 'developer', '--lang', 'ja', '-o', 'ja.ai-governance.yaml'], { cwd: ws.root })).code, 0);
      assert.match(readFileSync(join(ws.root, 'ja.ai-governance.yaml'), 'utf8'), /^# AI事業者ガイドラインへの対応状況/);
    } finally {
      ws.cleanup();
    }
  });

  test('never overwrites an existing file (exit 2, file unchanged)', async () => {
    const ws = workspace({ 'ai-governance.yaml': '# mine\n' });
    try {
      const result = await runCli(['init', '--role', 'developer'], { cwd: ws.root });
      assert.equal(result.code, 2);
      assert.match(result.stderr, /ai-governance\.yaml already exists/);
      assert.equal(readFileSync(join(ws.root, 'ai-governance.yaml'), 'utf8'), '# mine\n');
    } finally {
      ws.cleanup();
    }
  });

  test('a missing or unknown role is a usage error and writes nothing', async () => {
    const ws = workspace({});
    try {
      const none = await runCli(['init'], { cwd: ws.root });
      assert.equal(none.code, 2);
      assert.match(none.stderr, /--role is required/);
      const unknown = await runCli(['init', '--role', 'developer,auditor'], { cwd: ws.root });
      assert.equal(unknown.code, 2);
      assert.match(unknown.stderr, /unknown role "auditor"/);
      assert.equal(existsSync(join(ws.root, 'ai-governance.yaml')), false);
    } finally {
      ws.cleanup();
    }
  });

  test('the written file is what check then reads: editing it changes the findings', async () => {
    const ws = workspace({});
    try {
      await runCli(['init', '--role', 'developer'], { cwd: ws.root });
      const path = join(ws.root, 'ai-governance.yaml');
      const first = expectedIds(['developer'], false)[0];
      const text = readFileSync(path, 'utf8').replace(new RegExp(`\\n  ${first}: #[^\\n]*\\n(    [^\\n]*\\n)+`), '\n');
      writeFileSync(path, text);
      const result = await runCli(['check', '-f', 'json', '--fail-severity', 'warning'], { cwd: ws.root });
      assert.equal(result.code, 1);
      const missing = (JSON.parse(result.stdout) as { files: Array<{ diagnostics: Array<{ code: string; data: { itemId?: string } }> }> }).files[0].diagnostics.filter((d) => d.code === 'missing-required-item');
      assert.deepEqual(
        missing.map((d) => d.data.itemId),
        [first],
      );
    } finally {
      ws.cleanup();
    }
  });
});
