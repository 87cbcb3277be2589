// Concatenates the stylesheets in the order of src/styles/index.css's @import rules into
// dist/styles.css, the package's one stylesheet.
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
mkdirSync(join(root, 'dist'), { recursive: true });
writeFileSync(join(root, 'dist/styles.css'), css);
console.log(`dist/styles.css: ${imports.length} files, ${css.length} bytes`);
