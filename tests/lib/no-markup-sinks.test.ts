/**
 * Page text is data, never markup (issue 7): nothing in the extension's source (entrypoints/,
 * components/, lib/) hands a string to the HTML parser or to the JavaScript compiler. The source is
 * read with TypeScript's own parser, so a comment or a string that merely mentions innerHTML does
 * not count, and `el['innerHTML']`, a JSX prop and a property name all do.
 *
 * Preact's core has an innerHTML path: the dangerouslySetInnerHTML prop. This test is what shows we
 * never pass that prop, neither written out nor smuggled in by spreading an object onto an HTML
 * element. The one HTML parser allowed is linkedom in lib/node/ (the CLI reading a saved page in
 * Node: it renders nothing and runs no script), which extension code never imports.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const SCANNED = ['entrypoints', 'components', 'lib'];

/** Names that parse a string as HTML, or compile one as code. */
const SINKS: ReadonlySet<string> = new Set([
  'innerHTML', 'outerHTML', 'insertAdjacentHTML', 'dangerouslySetInnerHTML', 'DOMParser', 'parseFromString',
  'createContextualFragment', 'setHTMLUnsafe', 'parseHTMLUnsafe', 'srcdoc', 'eval',
]);
/** `document.write(…)`, `document.writeln(…)`. */
const DOCUMENT_WRITES: ReadonlySet<string> = new Set(['write', 'writeln']);
/** String-taking forms of timers and Function: code from a string. */
const CODE_FROM_STRING: ReadonlySet<string> = new Set(['setTimeout', 'setInterval']);

/** Where a file writes a string as markup or code: "line: what". */
function markupSinks(fileName: string, source: string): string[] {
  const kind = fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : fileName.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, kind);
  const found: string[] = [];
  const report = (node: ts.Node, what: string) => {
    found.push(`${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}: ${what}`);
  };
  const visit = (node: ts.Node): void => {
    if ((ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) && SINKS.has(node.text)) report(node, node.text);
    // el['innerHTML'], setAttribute('srcdoc', …)
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && SINKS.has(node.text)) report(node, `'${node.text}'`);
    if (ts.isPropertyAccessExpression(node) && DOCUMENT_WRITES.has(node.name.text) && /document$/.test(node.expression.getText(file))) {
      report(node, `document.${node.name.text}`);
    }
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Function') report(node, 'new Function');
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
      if (name === 'Function') report(node, 'Function(…)');
      const first = node.arguments[0];
      if (CODE_FROM_STRING.has(name) && first !== undefined && (ts.isStringLiteral(first) || ts.isTemplateExpression(first) || ts.isNoSubstitutionTemplateLiteral(first))) {
        report(node, `${name} with a string of code`);
      }
    }
    // A spread onto an HTML element could carry dangerouslySetInnerHTML in from anywhere.
    if (ts.isJsxSpreadAttribute(node)) {
      const element = node.parent.parent;
      const tag = ts.isJsxOpeningElement(element) || ts.isJsxSelfClosingElement(element) ? element.tagName.getText(file) : '';
      if (/^[a-z]/.test(tag)) report(node, `props spread onto <${tag}>`);
    }
    // A URL scheme that runs code, in any string the source writes.
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && /^\s*javascript:/i.test(node.text)) report(node, 'javascript: URL');
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** Inline event handlers and javascript: URLs in an HTML page of the extension. */
function htmlSinks(source: string): string[] {
  const found: string[] = [];
  source.split('\n').forEach((line, i) => {
    if (/<[^>]*\son[a-z]+\s*=/i.test(line)) found.push(`${i + 1}: inline event handler`);
    if (/javascript:/i.test(line)) found.push(`${i + 1}: javascript: URL`);
    if (/<script(?![^>]*\bsrc=)[^>]*>\s*\S/i.test(line)) found.push(`${i + 1}: inline script`);
  });
  return found;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const sources = SCANNED.flatMap((dir) => filesUnder(resolve(ROOT, dir))).filter((path) => /\.(?:tsx?|m?js|html)$/.test(path));

describe('the scan itself', () => {
  it('finds each way to turn a string into markup or code, and nothing in comments or prose', () => {
    const hostile = [
      'el.innerHTML = text;',
      "el['outerHTML'];",
      "el.insertAdjacentHTML('beforeend', text);",
      'document.write(text);',
      'new DOMParser().parseFromString(text, "text/html");',
      'range.createContextualFragment(text);',
      "frame.setAttribute('srcdoc', text);",
      'eval(text);',
      'new Function(text)();',
      "setTimeout('alert(1)', 0);",
      "const link = 'javascript:alert(1)';",
    ].join('\n');
    // DOMParser and parseFromString are two findings on one line.
    expect(markupSinks('x.ts', hostile)).toHaveLength(12);
    expect(markupSinks('x.tsx', 'const a = <div dangerouslySetInnerHTML={{ __html: text }} />;\nconst b = <p {...props} />;\nconst c = <App {...props} />;')).toEqual([
      '1: dangerouslySetInnerHTML',
      '2: props spread onto <p>',
    ]);
    const harmless = [
      '// innerHTML would parse the page text as markup: never.',
      '/* document.write(text) */',
      "const note = 'we never call eval';",
      'el.textContent = text;',
      'setTimeout(() => run(), 0);',
      "const card = <p>Don't use innerHTML</p>;",
    ].join('\n');
    expect(markupSinks('x.tsx', harmless)).toEqual([]);
    expect(htmlSinks('<button onclick="go()">x</button>\n<a href="javascript:go()">y</a>\n<script>go()</script>')).toHaveLength(3);
    expect(htmlSinks('<script type="module" src="./main.tsx"></script>')).toEqual([]);
  });
});

describe('the extension’s source', () => {
  it(`has files to scan in ${SCANNED.join(', ')}`, () => {
    expect(sources.length).toBeGreaterThan(50);
    expect(sources.some((p) => p.endsWith('.tsx'))).toBe(true);
  });

  it('never writes a string as markup or code', () => {
    const found = sources.flatMap((path) => {
      const source = readFileSync(path, 'utf8');
      const sinks = path.endsWith('.html') ? htmlSinks(source) : markupSinks(path, source);
      return sinks.map((sink) => `${relative(ROOT, path)}:${sink}`);
    });
    expect(found).toEqual([]);
  });

  it('parses HTML only in Node, with linkedom, in lib/node/ (the CLI), which extension code never imports', () => {
    const importers = sources.filter((path) => /from ['"]linkedom['"]/.test(readFileSync(path, 'utf8')));
    expect(importers.map((path) => relative(ROOT, path))).toEqual(['lib/node/html.ts']);
    const extension = sources.filter((path) => /\/(?:entrypoints|components)\//.test(path));
    const intoNode = extension.filter((path) => /from ['"](?:@\/lib\/node|(?:\.\.\/)+lib\/node)\//.test(readFileSync(path, 'utf8')));
    expect(intoNode.map((path) => relative(ROOT, path))).toEqual([]);
  });
});
