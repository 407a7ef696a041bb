/**
 * The date of the last commit that changed each evidence file, read from `.git` in-process with
 * isomorphic-git — never by running `git`, which in an untrusted repository runs programs its
 * config names (core.fsmonitor, core.pager, hooks). Reading objects and refs runs nothing.
 *
 * Off the typing path: `known()` answers synchronously from what was computed for the repository's
 * HEAD last time; `refresh()` works asynchronously (at most one walk per repository at a time), and
 * calls back when dates it had not published before are ready. Results are cached per repository
 * and HEAD commit, so a repository with 10,000 commits is walked once per HEAD, not per keystroke.
 * Without a `.git` (or with one we cannot read): silently nothing. Pure Node, no LSP: the CLI and
 * the server both use it.
 */
import * as nodeFs from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import git from 'isomorphic-git';

/** absolute file path → YYYY-MM-DD of the last commit that changed it (in the committer's time zone) */
export type EvidenceDates = Record<string, string>;

export interface GitDatesOptions {
  /** at most this many commits are walked from HEAD (first parents); older history counts as unknown */
  maxCommits?: number;
  /** HEAD is looked at again at most this often (ms) while nothing new is asked: a check per keystroke costs nothing */
  headRecheckMs?: number;
  /** injected for tests; the real file system otherwise */
  fs?: typeof nodeFs;
}

interface Repository {
  /** the working tree (the folder that holds `.git`) */
  dir: string;
  gitdir: string;
}

interface Computed {
  head: string;
  /** when HEAD was last resolved (ms since the epoch) */
  checkedAt: number;
  /** every path asked for at this HEAD, with its date (null: not found in the history walked) */
  dates: Map<string, string | null>;
}

const DEFAULT_MAX_COMMITS = 20_000;

/** The commit's date as the committer saw it (timezoneOffset is minutes behind UTC, as in JS Date). */
function commitDay(committer: { timestamp: number; timezoneOffset: number }): string {
  return new Date((committer.timestamp - committer.timezoneOffset * 60) * 1000).toISOString().slice(0, 10);
}

export class GitDates {
  private readonly fs: typeof nodeFs;
  private readonly maxCommits: number;
  private readonly headRecheckMs: number;
  /** gitdir → what was computed at its HEAD */
  private readonly computed = new Map<string, Computed>();
  /** gitdir → the walk in progress */
  private readonly running = new Map<string, Promise<void>>();
  /** folder → its repository (or null), found once */
  private readonly repoOf = new Map<string, Repository | null>();
  /** isomorphic-git's object cache, shared by the walks of one repository */
  private readonly objectCache = new Map<string, object>();

  constructor(options: GitDatesOptions = {}) {
    this.fs = options.fs ?? nodeFs;
    this.maxCommits = options.maxCommits ?? DEFAULT_MAX_COMMITS;
    this.headRecheckMs = options.headRecheckMs ?? 2000;
  }

  /** The repository a file belongs to: the nearest folder above it with a `.git` folder. */
  repositoryOf(path: string): Repository | null {
    const start = dirname(path);
    const seen: string[] = [];
    let found: Repository | null = null;
    for (let dir = start; ; dir = dirname(dir)) {
      const cached = this.repoOf.get(dir);
      if (cached !== undefined) {
        found = cached;
        break;
      }
      seen.push(dir);
      const gitdir = join(dir, '.git');
      // A `.git` file (a worktree or submodule pointer) is not followed: we read only what we find.
      if (this.isDirectory(gitdir)) {
        found = { dir, gitdir };
        break;
      }
      if (dirname(dir) === dir) break;
    }
    for (const dir of seen) this.repoOf.set(dir, found);
    return found;
  }

  /** What is known now for these files (from the last walk of their repository); never blocks. */
  known(paths: readonly string[]): EvidenceDates {
    const out: EvidenceDates = {};
    for (const path of paths) {
      const repo = this.repositoryOf(path);
      const date = repo ? this.computed.get(repo.gitdir)?.dates.get(path) : undefined;
      if (date) out[path] = date;
    }
    return out;
  }

  /**
   * Brings the dates of these files up to date with their repository's HEAD, asynchronously.
   * Resolves to true when some date became known or changed (the caller re-publishes then).
   */
  async refresh(paths: readonly string[]): Promise<boolean> {
    const byRepo = new Map<string, { repo: Repository; paths: string[] }>();
    for (const path of paths) {
      const repo = this.repositoryOf(path);
      if (!repo) continue;
      const group = byRepo.get(repo.gitdir) ?? { repo, paths: [] };
      group.paths.push(path);
      byRepo.set(repo.gitdir, group);
    }
    let changed = false;
    for (const { repo, paths: files } of byRepo.values()) {
      const before = files.map((f) => this.computed.get(repo.gitdir)?.dates.get(f) ?? null);
      await this.update(repo, files);
      const after = files.map((f) => this.computed.get(repo.gitdir)?.dates.get(f) ?? null);
      changed ||= after.some((date, i) => date !== before[i]);
    }
    return changed;
  }

  /** All at once, for the CLI: refresh, then what is known. */
  async datesFor(paths: readonly string[]): Promise<EvidenceDates> {
    await this.refresh(paths);
    return this.known(paths);
  }

  private isDirectory(path: string): boolean {
    try {
      return this.fs.statSync(path).isDirectory();
    } catch {
      return false;
    }
  }

  private async update(repo: Repository, files: readonly string[]): Promise<void> {
    // One walk per repository at a time; a second caller waits for it and then sees what it lacks.
    for (let pending = this.running.get(repo.gitdir); pending; pending = this.running.get(repo.gitdir)) await pending;
    const work = this.walk(repo, files).catch(() => {
      // An unreadable or corrupt repository: no dates, no error (DESIGN: silently nothing).
    });
    this.running.set(repo.gitdir, work);
    try {
      await work;
    } finally {
      this.running.delete(repo.gitdir);
    }
  }

  private async walk(repo: Repository, files: readonly string[]): Promise<void> {
    const base = { fs: this.fs, dir: repo.dir, gitdir: repo.gitdir };
    const last = this.computed.get(repo.gitdir);
    if (last && Date.now() - last.checkedAt < this.headRecheckMs && files.every((f) => last.dates.has(f))) return;
    const head = await git.resolveRef({ ...base, ref: 'HEAD' });
    let computed = this.computed.get(repo.gitdir);
    if (computed) computed.checkedAt = Date.now();
    if (!computed || computed.head !== head) {
      computed = { head, checkedAt: Date.now(), dates: new Map() };
      this.computed.set(repo.gitdir, computed);
      this.objectCache.set(repo.gitdir, {});
    }
    const wanted = files.filter((f) => !computed.dates.has(f));
    if (wanted.length === 0) return;
    const cache = this.objectCache.get(repo.gitdir) ?? {};
    const shallow = this.shallowCommits(repo.gitdir);
    // Repository-relative paths with `/` separators, as trees name them; files outside the working tree are skipped.
    const relativePaths = new Map<string, string>();
    for (const file of wanted) {
      const rel = relative(repo.dir, file);
      if (!rel || rel.startsWith('..')) computed.dates.set(file, null);
      else relativePaths.set(file, rel.split(sep).join('/'));
    }
    const treeCache = new Map<string, Map<string, string>>();
    const entriesOf = async (treeOid: string): Promise<Map<string, string>> => {
      let entries = treeCache.get(treeOid);
      if (!entries) {
        const { tree } = await git.readTree({ ...base, oid: treeOid, cache });
        entries = new Map(tree.map((e) => [e.path, e.oid]));
        treeCache.set(treeOid, entries);
      }
      return entries;
    };
    /** The blob (or tree) id at `path` in a commit's tree; null when the path is not there. */
    const oidAt = async (treeOid: string, path: string): Promise<string | null> => {
      let oid = treeOid;
      for (const segment of path.split('/')) {
        const next = (await entriesOf(oid)).get(segment);
        if (!next) return null;
        oid = next;
      }
      return oid;
    };

    // First-parent walk from HEAD: a file's last change is the newest commit where its blob
    // differs from the one in that commit's parent (the date its change reached this branch).
    let oid: string | null = head;
    let commit = (await git.readCommit({ ...base, oid, cache })).commit;
    const pending = new Map(relativePaths);
    for (let walked = 0; pending.size > 0 && walked < this.maxCommits; walked++) {
      const parentOid: string | null = commit.parent[0] && !shallow.has(oid ?? '') ? commit.parent[0] : null;
      let parent: typeof commit | null = null;
      if (parentOid) {
        try {
          parent = (await git.readCommit({ ...base, oid: parentOid, cache })).commit;
        } catch {
          parent = null; // history cut short (a shallow clone without a shallow file, a missing pack)
        }
      }
      for (const [file, rel] of [...pending]) {
        const here = await oidAt(commit.tree, rel);
        if (here === null) {
          // Not in this commit: deleted later and re-added, or never tracked on this branch.
          pending.delete(file);
          computed.dates.set(file, null);
          continue;
        }
        const before = parent ? await oidAt(parent.tree, rel) : null;
        if (parent === null) {
          // The root of the history we have: a true root commit added the file; at a shallow
          // boundary the last change may be older, so the date is unknown.
          const isRoot = commit.parent.length === 0;
          computed.dates.set(file, isRoot ? commitDay(commit.committer) : null);
          pending.delete(file);
        } else if (before !== here) {
          computed.dates.set(file, commitDay(commit.committer));
          pending.delete(file);
        }
      }
      if (!parent || !parentOid) break;
      oid = parentOid;
      commit = parent;
    }
    for (const file of pending.keys()) computed.dates.set(file, null);
  }

  /** Commits a shallow clone has without their parents (`.git/shallow`). */
  private shallowCommits(gitdir: string): Set<string> {
    try {
      return new Set(this.fs.readFileSync(join(gitdir, 'shallow'), 'utf8').split(/\s+/).filter(Boolean));
    } catch {
      return new Set();
    }
  }
}
