/** The client's own requests about guideline items and records (protocol.ts). */
import { editionOf } from '../engine/editions';
import { URI } from 'vscode-uri';
import { ItemTextRequest } from '../protocol';
import type { ServerState } from '../state';
import { runSafeAsync } from './runSafe';

export function registerItemText({ connection, engine, settings, folders }: ServerState): void {
  connection.onRequest(ItemTextRequest.method, (params: ItemTextRequest.Params, token) =>
    runSafeAsync<ItemTextRequest.Result>(connection, ItemTextRequest.method, null, token, async () => {
      // messageLanguage is a window setting: any resource answers it.
      const { check } = await settings.for(folders.paths.length ? folderUri(folders.paths[0]) : '');
      const markdown = engine.itemText(String(params?.id ?? ''), check.language, editionOf(params?.edition));
      return markdown ? { markdown } : null;
    }),
  );
}

function folderUri(path: string): string {
  return URI.file(path).toString();
}
