// Renders every model in processes/ to docs/images/<model>.svg with bpmn-js / dmn-js in headless
// Chromium (Debian's chromium), and stamps each picture with the SHA-256 of its model.
// With --check it renders nothing and fails when a picture is missing or older than its model.
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const processes = path.join(root, 'processes');
const images = path.join(root, 'docs', 'images');
const STAMP = /<!-- model-sha256: ([0-9a-f]{64}) -->/;

const models = fs.readdirSync(processes).filter(f => f.endsWith('.bpmn') || f.endsWith('.dmn'));
const pictureOf = model => path.join(images, model.replace(/\.(bpmn|dmn)$/, '.svg'));
const hashOf = model => crypto.createHash('sha256')
  .update(fs.readFileSync(path.join(processes, model))).digest('hex');

function check() {
  let stale = 0;
  for (const model of models) {
    const picture = pictureOf(model);
    const stamp = fs.existsSync(picture) ? STAMP.exec(fs.readFileSync(picture, 'utf8')) : null;
    if (!stamp || stamp[1] !== hashOf(model)) {
      console.log(`picture of ${model} is ${stamp ? 'older than the model' : 'missing'}: run npm run pictures in tools/`);
      stale++;
    }
  }
  console.log(`pictures: ${models.length} models, ${stale} stale`);
  return stale === 0;
}

async function render() {
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync']
  });
  try {
    fs.mkdirSync(images, { recursive: true });
    for (const model of models) {
      const page = await browser.newPage({ viewport: { width: 3200, height: 1600 } });
      await page.setContent('<html><body style="margin:0"><div id="canvas" style="width:3200px;height:1600px"></div></body></html>');
      const bpmn = model.endsWith('.bpmn');
      await page.addScriptTag({ path: require.resolve(bpmn
        ? 'bpmn-js/dist/bpmn-viewer.production.min.js'
        : 'dmn-js/dist/dmn-viewer.production.min.js') });
      const xml = fs.readFileSync(path.join(processes, model), 'utf8');
      const svg = await page.evaluate(async ({ xml, bpmn }) => {
        if (bpmn) {
          const viewer = new BpmnJS({ container: '#canvas' });
          await viewer.importXML(xml);
          return (await viewer.saveSVG()).svg;
        }
        const viewer = new DmnJS({ container: '#canvas' });
        await viewer.importXML(xml);
        const drd = viewer.getViews().find(v => v.type === 'drd');
        await viewer.open(drd);
        return (await viewer.getActiveViewer().saveSVG()).svg;
      }, { xml, bpmn });
      const stamped = svg.replace(/(<svg[^>]*>)/, `$1\n<!-- model-sha256: ${hashOf(model)} -->`);
      fs.writeFileSync(pictureOf(model), stamped);
      console.log(`rendered ${model}`);
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

if (process.argv.includes('--check')) {
  process.exit(check() ? 0 : 1);
} else {
  render().then(() => process.exit(check() ? 0 : 1))
    .catch(e => { console.error(e); process.exit(2); });
}
