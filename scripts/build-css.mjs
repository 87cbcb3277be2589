// Concatenates the stylesheets in the order of src/styles/index.css's @import rules into
// dist/styles.css, the package's one stylesheet, and writes the same rules inside
// `@layer gitops-releases` to dist/styles.layer.css for hosts that order their CSS in layers.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stylesDir = join(root, 'src/styles');
const index = readFileSync(join(stylesDir, 'index.css'), 'utf8');
// './x.css' is one of ours; anything else is a package's stylesheet (React Flow's base styles).
const require = createRequire(join(stylesDir, 'index.css'));
const imports = [...index.matchAll(/@import\s+['"]([^'"]+)['"]\s*;/g)].map((match) => match[1]);
if (imports.length === 0) throw new Error('src/styles/index.css imports no stylesheet');
const css = imports
  .map((file) => {
    const path = file.startsWith('./') ? join(stylesDir, file) : require.resolve(file);
    return `/* ${file} */\n${readFileSync(path, 'utf8').trim()}\n`;
  })
  .join('\n');
// The files are inlined, so no @import is left to fall outside the layer block (where it must
// not be); @media and @keyframes are allowed inside it.
if (/@import\b/.test(css.replace(/\/\*[\s\S]*?\*\//g, ''))) throw new Error('an inlined stylesheet still has an @import');
const layered = `@layer gitops-releases {\n${css}}\n`;
mkdirSync(join(root, 'dist'), { recursive: true });
writeFileSync(join(root, 'dist/styles.css'), css);
writeFileSync(join(root, 'dist/styles.layer.css'), layered);
console.log(`dist/styles.css: ${imports.length} files, ${css.length} bytes; dist/styles.layer.css: ${layered.length} bytes`);
