#!/usr/bin/env node
// Validates a Teams app manifest against the official JSON schema shipped in npm @microsoft/app-manifest,
// choosing the schema of the manifest's own manifestVersion. Prints {ok, manifestVersion, newestVersion, schema, errors}.
// usage: node tools/manifest/validate-manifest.mjs [manifest.json]   (reads stdin without a file)
// exit: 0 valid, 1 invalid, 2 usage or unreadable input
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const Ajv = require('ajv-draft-04');
const addFormats = require('ajv-formats');

function fail(message) {
  process.stderr.write(`${message}\nusage: validate-manifest.mjs [manifest.json]\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
if (args.length > 1 || args.some(a => a.startsWith('-'))) {
  fail('expected at most one manifest file');
}

let manifest;
try {
  manifest = JSON.parse(readFileSync(args[0] ?? 0, 'utf8'));
} catch (e) {
  fail(`cannot read the manifest: ${e.message}`);
}

const schemasRoot = join(dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams');
const versions = readdirSync(schemasRoot)
  .map(name => /^v(\d+)\.(\d+)$/.exec(name))
  .filter(Boolean)
  .sort((a, b) => Number(a[1]) - Number(b[1]) || Number(a[2]) - Number(b[2]))
  .map(match => `${match[1]}.${match[2]}`);
const newestVersion = versions.at(-1);

const manifestVersion = typeof manifest?.manifestVersion === 'string' ? manifest.manifestVersion : undefined;
const schemaPath = manifestVersion ? join(schemasRoot, `v${manifestVersion}`, 'MicrosoftTeams.schema.json') : undefined;
if (!schemaPath || !existsSync(schemaPath)) {
  process.stdout.write(JSON.stringify({
    ok: false,
    manifestVersion: manifestVersion ?? null,
    newestVersion,
    schema: null,
    errors: [{ instancePath: '/manifestVersion', keyword: 'schema', message: `no schema for manifestVersion ${manifestVersion}` }],
  }));
  process.exit(1);
}

// The Teams schemas are draft-04 and use keywords ajv's strict mode rejects; allErrors reports every problem at once.
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
const ok = validate(manifest);
const errors = (validate.errors ?? []).map(e => ({
  instancePath: e.instancePath,
  keyword: e.keyword,
  message: e.message,
  params: e.params,
}));

process.stdout.write(JSON.stringify({ ok, manifestVersion, newestVersion, schema: schemaPath, errors }));
process.exitCode = ok ? 0 : 1;
