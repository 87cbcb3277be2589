import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Every public prop is documented where a host reads it (the editor's tooltip, from the built
// declarations): what it does, and for an optional prop what happens without it (`@default`).
const root = fileURLToPath(new URL('../..', import.meta.url));
const file = `${root}/dist/index.d.ts`;
const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);

/** The props-like interfaces of the components entry: `…Props`, `…ClassNames`, `…Options`. */
const PUBLIC_SHAPE = /(Props|ClassNames|Options)$/;

function undocumented(): string[] {
  const problems: string[] = [];
  source.forEachChild(function visit(node) {
    if (ts.isInterfaceDeclaration(node) && PUBLIC_SHAPE.test(node.name.text)) {
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
  return problems;
}

describe('JSDoc of the public props', () => {
  it('documents every prop of every component, with @default on the optional ones', () => {
    expect(undocumented()).toEqual([]);
  });
});
