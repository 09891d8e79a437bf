#!/usr/bin/env node
// Checks a card with Microsoft's renderer and prints {ok, warnings, errors, html} as JSON.
// usage: node tools/cards/validate-card.mjs [card.json] [--max-version 1.5]   (reads stdin without a file)
// exit: 0 clean, 1 warnings or errors, 2 usage or unreadable input
import { readFileSync } from 'node:fs';
import { checkCard } from './renderer.mjs';

function fail(message) {
  process.stderr.write(`${message}\nusage: validate-card.mjs [card.json] [--max-version 1.5]\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
let file;
let maxVersion = '1.5';
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--max-version') {
    maxVersion = args[++i] ?? fail('--max-version needs a value');
  } else if (args[i].startsWith('-')) {
    fail(`unknown option ${args[i]}`);
  } else if (file === undefined) {
    file = args[i];
  } else {
    fail('only one card file at a time');
  }
}

let text;
try {
  text = readFileSync(file ?? 0, 'utf8');
} catch (e) {
  fail(`cannot read ${file ?? 'stdin'}: ${e.message}`);
}

const result = checkCard(text, { maxVersion });
process.stdout.write(JSON.stringify(result));
process.exitCode = result.ok ? 0 : 1;
