/** documentation-without-evidence, evidence-not-found, evidence-outside-workspace. */
import { shortTitle } from '../catalog';
import { appendEvidence } from '../edits';
import { evidenceLocator, nearestRealInside } from '../evidence';
import { pairOf, scalarText, stringsOf } from '../record';
import { skeletonMarkdown, skeletonPath } from '../skeleton';
import type { RuleModule } from './context';

type Code = 'documentation-without-evidence' | 'evidence-not-found' | 'evidence-outside-workspace';

const BROKEN: readonly string[] = ['evidence-not-found', 'evidence-outside-workspace'] satisfies Code[];

/** True for the codes that say an evidence link is broken (coverage marks the item's evidence so). */
export function isBrokenEvidence(code: string): boolean {
  return BROKEN.includes(code);
}

const HEAD = 'apiVersion: ai-governance/v1\nroles: [developer]\nitems:\n  D-7 ii:\n    status: implemented\n    owner: 開発部\n';

export const evidenceRule: RuleModule<Code> = {
  name: 'evidence',
  codes: {
    'documentation-without-evidence': {
      severity: 'warning',
      verdict: { ja: '根拠資料（evidence）がありません', en: 'No evidence' },
      message: {
        ja: (p) => `根拠資料（evidence）がありません: 文書化の項目 ${p.id}（${p.title}）が ${p.status} です`,
        en: (p) => `No evidence: documentation item ${p.id} (${p.titleEn}) is ${p.status}`,
      },
      docs: {
        title: { ja: '文書化の項目に根拠資料がない', en: 'Documentation item without evidence' },
        summary: { ja: 'implemented / partial の文書化の項目に evidence がない', en: 'a documentation item implemented/partial without evidence' },
        description: {
          ja: '文書化の項目（C-7-6、D-7 ii、P-6 i、P-7 ii、U-7 ii）が implemented / partial なのに evidence に文書がありません。',
          en: 'A documentation item (C-7-6, D-7 ii, P-6 i, P-7 ii, U-7 ii) is implemented or partial but lists no evidence.',
        },
        fix: {
          ja: 'クイックフィックス「文書のスケルトンを作成して evidence に追加」が記録の隣に Markdown（項目と出典の引用、別添の[具体的な手法]からの見出し）を作成して evidence に追加します。自分の文書のパスか https:// の URL を追加しても構いません。',
          en: "The quick fix *Create documentation skeleton ai-governance-docs/D-7-ii.md and link it in evidence* writes a Markdown file beside the record (a header quoting the item and its citation, headings from the annex's [具体的な手法]) and adds it to `evidence`; or add your own document's path or an https:// URL.",
        },
        example: { yaml: `${HEAD}    # ← no document in evidence\n`, fixed: `${HEAD}    evidence: [docs/development-record.md]\n`, files: ['docs/development-record.md'] },
      },
      fix(_diagnostic, request) {
        const { record, entry, item, language } = request;
        if (!item || !entry) return;
        const path = skeletonPath(request.input.path, item);
        // Never link or create a skeleton where a symlink would take it out of the workspace.
        if (!nearestRealInside(path.absolute, request.input.workspaceRoot, request.fs)) return;
        const link = appendEvidence(record, entry, path.relative);
        if (request.fs.exists(path.absolute)) {
          request.offer({ id: 'link-existing', title: language === 'ja' ? `既存の ${path.relative} を evidence に追加` : `Link existing ${path.relative} in evidence`, edits: [link], isPreferred: true });
        } else {
          const content = skeletonMarkdown(item, language, record.parsed.lines.eol);
          request.offer({
            id: 'create-skeleton',
            title: language === 'ja' ? `文書のスケルトン ${path.relative} を作成して evidence に追加` : `Create documentation skeleton ${path.relative} and link it in evidence`,
            edits: [link],
            isPreferred: true,
            createFile: { path: path.absolute, content },
          });
        }
      },
    },
    'evidence-not-found': {
      severity: 'warning',
      verdict: { ja: '根拠資料が見つかりません', en: 'Evidence not found' },
      message: { ja: (p) => `根拠資料が見つかりません: 「${p.path}」`, en: (p) => `Evidence not found: "${p.path}"` },
      docs: {
        title: { ja: '根拠資料が見つからない', en: 'Evidence not found' },
        summary: { ja: 'evidence のパスが存在しない', en: 'an evidence path that does not exist' },
        description: {
          ja: 'evidence のパス（この記録からの相対パス）にファイルもフォルダもありません。https:// の URL は取得しません。ワークスペースでのファイルの作成・削除に追従します。',
          en: 'Nothing exists at an evidence path (relative to the record); `https://` URLs are not fetched. The check follows file creation and deletion in the workspace.',
        },
        fix: { ja: 'パスを直すか、資料をリポジトリに追加してください。', en: 'Fix the path, or add the document to the repository.' },
        example: { yaml: `${HEAD}    evidence: [docs/missing.md]   # ← does not exist\n`, fixed: `${HEAD}    evidence: [docs/development-record.md]\n`, files: ['docs/development-record.md'] },
      },
    },
    'evidence-outside-workspace': {
      severity: 'error',
      verdict: { ja: 'ワークスペース外の根拠資料です', en: 'Outside workspace' },
      message: { ja: (p) => `ワークスペース外の根拠資料です: 「${p.path}」`, en: (p) => `Outside workspace: evidence "${p.path}" leaves the workspace` },
      docs: {
        title: { ja: 'ワークスペースの外を指す根拠資料', en: 'Evidence outside the workspace' },
        summary: { ja: 'evidence のパスがワークスペースの外を指す', en: 'an evidence path leaving the workspace' },
        description: {
          ja: 'evidence のパスがワークスペース（CLI では --root、既定は作業フォルダ）の外を指しています。パスはシンボリックリンクを解決してから確かめるので、ワークスペースの外へ向かうリンクも報告します（文書リンクやスケルトンには使わず、ファイル自体は開きません）。',
          en: 'An evidence path leaves the workspace (for the CLI: --root, by default the working folder). Paths are resolved through symlinks first, so a link inside the workspace that leads out of it is reported too (and never offered as a document link nor used for a documentation skeleton); the file itself is never opened.',
        },
        fix: { ja: 'リポジトリ内の資料を指すか、https:// の URL にしてください。', en: 'Point at a document inside the repository, or use an https:// URL.' },
        example: { yaml: `${HEAD}    evidence: [../../etc/passwd]   # ← leaves the workspace\n`, fixed: `${HEAD}    evidence: ['https://example.com/ai/development-record']\n` },
      },
    },
  },
  check({ record, catalog, input, fs, report }) {
    const locate = evidenceLocator(input.path, input.workspaceRoot, fs);
    for (const entry of record.items) {
      if (!entry.fields) continue;
      // Evidence is checked even under an unknown id: a broken link is broken whatever the key says.
      const id = entry.resolution.status === 'unknown' ? entry.rawId : entry.resolution.id;
      const item = catalog.get(id);
      const evidence = stringsOf(pairOf(entry.fields, 'evidence')?.value);
      for (const { value, node } of evidence) {
        const target = locate(value);
        if (target.kind === 'outside') {
          report({ code: 'evidence-outside-workspace', start: node.start, end: node.end, params: { path: value }, data: { itemId: id, evidence: value } });
        } else if (target.kind === 'missing') {
          report({ code: 'evidence-not-found', start: node.start, end: node.end, params: { path: value }, data: { itemId: id, evidence: value } });
        }
      }
      const statusPair = pairOf(entry.fields, 'status');
      const status = scalarText(statusPair?.value);
      if (item?.documentation && (status === 'implemented' || status === 'partial') && evidence.length === 0) {
        const anchor = statusPair?.value ?? entry.pair.key;
        report({
          code: 'documentation-without-evidence',
          start: anchor.start,
          end: anchor.end,
          params: { id, title: shortTitle(item.title), titleEn: shortTitle(item.titleEn), status },
          data: { itemId: id, itemKey: entry.rawId },
        });
      }
    }
  },
};
