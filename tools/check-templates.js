// Validates the element templates in processes/.camunda/element-templates/ against the
// element templates JSON schema, so Camunda Modeler can load them.
const fs = require('fs');
const path = require('path');
const Ajv = require('ajv');

const schema = require('@camunda/element-templates-json-schema/resources/schema.json');
const folder = path.resolve(__dirname, '..', 'processes', '.camunda', 'element-templates');

const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(schema);
let templates = 0;
let failures = 0;
for (const file of fs.readdirSync(folder).filter(f => f.endsWith('.json'))) {
  const content = JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8'));
  for (const template of Array.isArray(content) ? content : [content]) {
    templates++;
    if (!validate(template)) {
      failures++;
      console.log(`${file}: ${template.id}: ${ajv.errorsText(validate.errors)}`);
    }
  }
}
console.log(`element templates: ${templates} checked, ${failures} invalid`);
process.exit(failures > 0 || templates === 0 ? 1 : 0);
