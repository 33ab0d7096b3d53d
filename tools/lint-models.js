// Lints every BPMN model in processes/ with bpmnlint's recommended rules and the Camunda
// Platform 7.24 compatibility rules (configuration: .bpmnlintrc at the repository root).
// Exits non-zero when a rule reports an error.
const fs = require('fs');
const path = require('path');
const BpmnModdle = require('bpmn-moddle').BpmnModdle || require('bpmn-moddle').default || require('bpmn-moddle');
const camundaModdle = require('camunda-bpmn-moddle/resources/camunda.json');
const { Linter } = require('bpmnlint');
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');

const root = path.resolve(__dirname, '..');
const config = JSON.parse(fs.readFileSync(path.join(root, '.bpmnlintrc'), 'utf8'));

(async () => {
  const linter = new Linter({ config, resolver: new NodeResolver() });
  let errors = 0;
  let warnings = 0;
  const models = fs.readdirSync(path.join(root, 'processes')).filter(f => f.endsWith('.bpmn'));
  for (const model of models) {
    const xml = fs.readFileSync(path.join(root, 'processes', model), 'utf8');
    const moddle = new BpmnModdle({ camunda: camundaModdle });
    const { rootElement, warnings: parseWarnings } = await moddle.fromXML(xml);
    parseWarnings.forEach(w => { console.log(`${model}: parse warning: ${w.message}`); warnings++; });
    const results = await linter.lint(rootElement);
    for (const [rule, reports] of Object.entries(results)) {
      for (const report of reports) {
        const level = report.category === 'error' ? 'error' : 'warning';
        if (level === 'error') errors++; else warnings++;
        console.log(`${model}: ${level} ${rule}: ${report.id} ${report.message}`);
      }
    }
  }
  console.log(`bpmnlint: ${models.length} models, ${errors} errors, ${warnings} warnings`);
  process.exit(errors > 0 ? 1 : 0);
})().catch(e => { console.error(e); process.exit(2); });
