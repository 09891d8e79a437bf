#!/usr/bin/env node
// Renders a card with Microsoft's renderer into a standalone HTML page, for README screenshots taken with a
// headless browser. Problems the renderer reports go to stderr; the page is written anyway so they can be seen.
// usage: node tools/cards/render-card-page.mjs <card.json> [--out page.html] [--title "Reminder card"]
// exit: 0 clean card, 1 the renderer reported warnings or errors, 2 usage or unreadable input
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { checkCard, rendererVersion } from './renderer.mjs';

function fail(message) {
  process.stderr.write(`${message}\nusage: render-card-page.mjs <card.json> [--out page.html] [--title text]\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
let file;
let out;
let title = 'SocBot card';
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--out') {
    out = args[++i] ?? fail('--out needs a value');
  } else if (args[i] === '--title') {
    title = args[++i] ?? fail('--title needs a value');
  } else if (args[i].startsWith('-') || file !== undefined) {
    fail(`unexpected argument ${args[i]}`);
  } else {
    file = args[i];
  }
}
if (file === undefined) {
  fail('a card file is required');
}

let text;
try {
  text = readFileSync(file, 'utf8');
} catch (e) {
  fail(`cannot read ${file}: ${e.message}`);
}

const result = checkCard(text);
for (const issue of [...result.errors, ...result.warnings]) {
  process.stderr.write(`${issue.phase}/${issue.event}${issue.source ? ` in ${issue.source}` : ''}: ${issue.message}\n`);
}

const require = createRequire(import.meta.url);
const rendererCss = readFileSync(require.resolve('adaptivecards/dist/adaptivecards.css'), 'utf8');
const escape = value => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// The frame imitates a Teams channel post closely enough for a screenshot; the card itself is the renderer's HTML.
const page = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escape(title)}</title>
<style>
${rendererCss}
body { margin: 0; padding: 24px; background: #f5f5f5; font-family: "Segoe UI", Tahoma, Geneva, Verdana, sans-serif; }
.frame { max-width: 560px; border-radius: 6px; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.16); overflow: hidden; background: #fff; }
.ac-pushButton { padding: 4px 12px; min-height: 32px; border: 1px solid #d1d1d1; border-radius: 4px; background: #fff;
  color: #242424; font: 600 14px "Segoe UI", sans-serif; cursor: pointer; }
.ac-pushButton:hover { background: #f0f0f0; }
.ac-input { padding: 4px 8px; border: 1px solid #d1d1d1; border-radius: 4px; font: 14px "Segoe UI", sans-serif; }
footer { margin-top: 12px; color: #616161; font-size: 12px; }
</style>
</head>
<body>
<div class="frame">${result.html}</div>
<footer>Rendered by adaptivecards ${escape(rendererVersion)}</footer>
</body>
</html>
`;

if (out) {
  writeFileSync(out, page);
} else {
  process.stdout.write(page);
}
process.exitCode = result.ok ? 0 : 1;
