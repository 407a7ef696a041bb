/** VS Code snippets (snippets/ai-governance.code-snippets), generated from the catalog with the schema. */
import type { GuidelineCatalog } from './catalog';
import type { Role } from './catalogTypes';
import { starterRecord } from './starter';
import { ROLE_INFO, STATUSES } from './vocabulary';

interface Snippet {
  prefix: string;
  description: string;
  body: string[];
}

/** `$` starts a snippet variable: a literal one in generated text is escaped. */
function escapeSnippet(line: string): string {
  return line.replace(/[$}\\]/g, (c) => `\\${c}`);
}

export function buildSnippets(catalog: GuidelineCatalog): Record<string, Snippet> {
  const snippets: Record<string, Snippet> = {};
  for (const role of Object.keys(ROLE_INFO) as Role[]) {
    const info = ROLE_INFO[role];
    snippets[`AI governance record: ${info.en}`] = {
      prefix: `ai-governance-${role}`,
      description: `${info.ja}としての ai-governance.yaml（必須項目をすべて planned で列挙） / New record for the ${info.en} role with every required item`,
      body: starterRecord(catalog, [role], false).trimEnd().split('\n').map(escapeSnippet),
    };
  }
  snippets['AI governance item'] = {
    prefix: 'ai-governance-item',
    description: '項目を 1 つ追加 / One item entry',
    body: [
      '${1:D-7 ii}:',
      `  status: \${2|${STATUSES.join(',')}|}`,
      '  owner: ${3}',
      '  evidence:',
      '    - ${4:docs/}',
      '  reviewed: ${CURRENT_YEAR}-${CURRENT_MONTH}-${CURRENT_DATE}',
    ],
  };
  return snippets;
}
