import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { dist } from './built';

// Every public prop is documented where a host reads it (the editor's tooltip, from the built
// declarations): what it does, and for an optional prop what happens without it (`@default`).

/** The components' declaration files: dist/index.d.ts and every file of dist/ it imports from. */
function declarationFiles(): ts.SourceFile[] {
  const files: ts.SourceFile[] = [];
  const queue = ['index.d.ts'];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (files.some((source) => source.fileName === file)) continue;
    const text = dist(file);
    files.push(ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true));
    for (const match of text.matchAll(/from '\.\/([^']+)\.js'/g)) queue.push(`${match[1]}.d.ts`);
  }
  return files;
}

/** The props-like interfaces of the components entry: `…Props`, `…ClassNames`, `…Options`. */
const PUBLIC_SHAPE = /(Props|ClassNames|Options)$/;

let checked = 0;

function undocumented(): string[] {
  const problems: string[] = [];
  for (const source of declarationFiles()) {
    source.forEachChild(function visit(node) {
      if (ts.isInterfaceDeclaration(node) && PUBLIC_SHAPE.test(node.name.text)) {
        checked += 1;
        for (const member of node.members) {
          if (!ts.isPropertySignature(member) || !member.name) continue;
          const name = `${node.name.text}.${member.name.getText(source)}`;
          const docs = ts.getJSDocCommentsAndTags(member);
          const text = docs.map((doc) => doc.getText(source)).join('\n');
          if (!text.trim()) problems.push(`${name}: no JSDoc`);
          else if (member.questionToken && !/@default\b/.test(text) && !/@deprecated\b/.test(text)) problems.push(`${name}: no @default`);
        }
      }
      node.forEachChild(visit);
    });
  }
  return problems;
}

describe('JSDoc of the public props', () => {
  it('documents every prop of every component, with @default on the optional ones', () => {
    expect(undocumented()).toEqual([]);
    // The props were found (declarations split over several files would otherwise pass unread).
    expect(checked).toBeGreaterThan(20);
  });
});
