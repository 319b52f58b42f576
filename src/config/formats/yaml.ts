import { CONFIG } from '../../lang/en/config.js';
import { messages } from '../../lang/t.js';
import { kindOfError, where, type DataPath, type Parsed } from './parsed.js';

const t = messages(CONFIG);

/** YAML (Continue's config.yaml, aider's .aider.conf.yml), with the line of every node from yaml's LineCounter. */
export function parseYaml(text: string): Parsed {
  const yaml = require('yaml') as typeof import('yaml');
  const lines = new yaml.LineCounter();
  const doc = yaml.parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false });
  const first = doc.errors[0];
  if (first) {
    const pos = first.linePos?.[0] ?? lines.linePos(first.pos[0]);
    return { error: t('config.parse.yaml', { reason: kindOfError(first.message), at: where({ line: pos.line, column: pos.col }) }) };
  }
  return {
    data: doc.toJS({ maxAliasCount: 100 }),
    at: (path: DataPath) => {
      const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
      const last = path.at(-1);
      // The pair's key where the parent is a map: the line a user looks for; else the node itself.
      let offset: number | undefined;
      if (yaml.isMap(parent)) {
        const pair = parent.items.find((p) => (yaml.isScalar(p.key) ? p.key.value : p.key) === last);
        offset = yaml.isNode(pair?.key) ? pair.key.range?.[0] : undefined;
      }
      if (offset === undefined) {
        const node = doc.getIn(path, true);
        offset = yaml.isNode(node) ? node.range?.[0] : undefined;
      }
      if (offset === undefined) return undefined;
      const { line, col } = lines.linePos(offset);
      return { line, column: col };
    },
  };
}
