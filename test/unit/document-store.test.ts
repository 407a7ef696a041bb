/** The engine's parse/validate split, the server's document store and its per-resource settings cache. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DocumentStore, checkedOf, parsedOf, validation, type NewEntry } from '../../server/src/documentStore';
import { DEFAULT_SETTINGS } from '../../server/src/engine';
import { ResourceSettings } from '../../server/src/resourceSettings';
import { normaliseSettings } from '../../server/src/settings';
import { HEADER, RECORD, WORKSPACE, makeEngine } from '../support/engine';

const input = (text: string) => ({ path: RECORD, text, workspaceRoot: WORKSPACE });
const TEXT = `${HEADER}roles: [developer]\nitems:\n  D-7) ii.:\n    status: planned\n`;

describe('engine.parse and engine.validate', () => {
  test('parsing runs no rule; validating the parse gives exactly what check gives', () => {
    const engine = makeEngine();
    const parsed = engine.parse(input(TEXT));
    assert.equal(parsed.state, 'parsed');
    assert.match(engine.hover(parsed, { line: 8, character: 3 }, 'ja')?.markdown ?? '', /D-7 ii/, 'a hover from the parse alone');
    assert.deepEqual(engine.validate(parsed), engine.check(input(TEXT)).diagnostics);
    assert.ok(engine.validate(parsed).some((d) => d.code === 'non-canonical-id'));
  });

  test('a text over the limit is measured, not parsed, and validates to file-too-large alone', () => {
    const engine = makeEngine();
    const parsed = engine.parse(input(TEXT), { maxFileSizeBytes: 10 });
    assert.equal(parsed.state, 'too-large');
    assert.equal(parsed.state === 'too-large' && parsed.size, Buffer.byteLength(TEXT));
    assert.deepEqual(engine.validate(parsed, { maxFileSizeBytes: 10 }).map((d) => d.code), ['file-too-large']);
    assert.equal(engine.hover(parsed, { line: 0, character: 0 }, 'ja'), null);
    assert.deepEqual(engine.outline(parsed), []);
  });
});

describe('DocumentStore', () => {
  const engine = makeEngine();
  const settings = normaliseSettings(undefined, {});
  const entry = (version: number, text: string): NewEntry => {
    const document = engine.parse(input(text));
    assert.equal(document.state, 'parsed');
    return { uri: 'file:///ws/ai-governance.yaml', source: { from: 'editor', version }, settings, validation: undefined, state: 'parsed', document: document as Extract<typeof document, { state: 'parsed' }> };
  };

  test('a new version keeps the previous parse reachable, one version back', () => {
    const store = new DocumentStore();
    const first = store.put(entry(1, TEXT));
    assert.equal(first.previous, undefined);
    const second = store.put(entry(2, TEXT + '  C-1:\n    status: planned\n'));
    assert.equal(second.previous, parsedOf(first));
    const third = store.put(entry(3, TEXT));
    assert.equal(third.previous, parsedOf(second));
    assert.equal(store.get(first.uri), third);
  });

  test('a check is recorded only on the entry still current, and links the evidence it names', () => {
    const store = new DocumentStore();
    const old = store.put(entry(1, TEXT));
    const current = store.put(entry(2, TEXT));
    const checked = validation(DEFAULT_SETTINGS, [], ['/ws/docs/a.md']);
    assert.equal(store.validated(old, checked), false, 'a check of a replaced version is dropped');
    assert.equal(checkedOf(current), undefined, 'not checked yet');
    assert.equal(store.validated(current, checked), true);
    assert.deepEqual(checkedOf(current)?.diagnostics, []);
    assert.deepEqual([...store.usersOf('/ws/docs', '/')], [current.uri], 'a folder event reaches the records below it');
    assert.deepEqual([...store.usersOf('/ws/doc', '/')], [], 'a sibling prefix does not');
    store.delete(current.uri);
    assert.deepEqual([...store.usersOf('/ws/docs/a.md', '/')], []);
  });

  test('a record checked again is linked to its new evidence only; other records keep theirs', () => {
    const store = new DocumentStore();
    const other = store.put({ ...entry(1, TEXT), uri: 'file:///ws/b/ai-governance.yaml' });
    store.validated(other, validation(DEFAULT_SETTINGS, [], ['/ws/docs/a.md', '/ws/docs/shared.md']));
    const mine = store.put(entry(1, TEXT));
    store.validated(mine, validation(DEFAULT_SETTINGS, [], ['/ws/docs/b.md', '/ws/docs/shared.md']));
    const again = store.put(entry(2, TEXT));
    store.validated(again, validation(DEFAULT_SETTINGS, [], ['/ws/docs/c.md']));
    assert.deepEqual([...store.usersOf('/ws/docs/b.md', '/')], [], 'the evidence it no longer names');
    assert.deepEqual([...store.usersOf('/ws/docs/c.md', '/')], [again.uri]);
    assert.deepEqual([...store.usersOf('/ws/docs/shared.md', '/')], [other.uri], 'the other record is still linked');
    assert.deepEqual([...store.usersOf('/ws/docs', '/')].sort(), [other.uri, again.uri].sort());
  });

  test('the evidence a record is linked to is each path once, however many items name it', () => {
    const text = `${HEADER}roles: [developer]\nitems:\n  C-1:\n    status: implemented\n    evidence: [docs/a.md, docs/a.md]\n  C-2:\n    status: implemented\n    evidence: docs/a.md\n`;
    const parsed = engine.parse(input(text));
    assert.equal(engine.links(parsed).length, 3, 'a link for each place');
    assert.deepEqual(engine.evidenceTargets(parsed), [`${WORKSPACE}/docs/a.md`]);
  });
});

describe('ResourceSettings', () => {
  test('asks once per resource, in one request for many, and again after clear()', async () => {
    const requests: string[][] = [];
    const settings = new ResourceSettings(async (uris) => {
      requests.push([...uris]);
      return uris.map((uri) => (uri.includes('/a/') ? { severity: { 'missing-owner': 'off' } } : { reviewMaxAgeDays: 30 }));
    });
    const [a, b] = await settings.forMany(['file:///a/x.yaml', 'file:///b/y.yaml']);
    assert.equal(a.check.severity['missing-owner'], 'off');
    assert.equal(b.check.severity['missing-owner'], undefined);
    assert.equal(b.check.reviewMaxAgeDays, 30);
    assert.equal(await settings.for('file:///a/x.yaml'), a, 'cached');
    assert.deepEqual(requests, [['file:///a/x.yaml', 'file:///b/y.yaml']]);
    const generation = settings.generation;
    settings.clear();
    assert.notEqual(settings.generation, generation);
    assert.notEqual(await settings.for('file:///a/x.yaml'), a);
    assert.equal(requests.length, 2);
  });

  test('a client that fails to answer gets the defaults', async () => {
    const settings = new ResourceSettings(() => Promise.reject(new Error('no')), { displayLanguage: 'en' });
    assert.equal((await settings.for('file:///a.yaml')).check.language, 'en');
  });
});
