// Validates a catalog (as JSON on stdin) against catalog.schema.json with Ajv (JSON Schema 2020-12).
// Prints {"valid": bool, "errors": [{"path", "message"}]} so the test can assert on parsed JSON.
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";

const schema = JSON.parse(readFileSync(process.argv[2], "utf8"));
const catalog = JSON.parse(readFileSync(0, "utf8"));
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(schema);
const valid = validate(catalog);
const errors = (validate.errors ?? []).map(e => ({ path: e.instancePath, message: e.message }));
process.stdout.write(JSON.stringify({ valid, errors }));
