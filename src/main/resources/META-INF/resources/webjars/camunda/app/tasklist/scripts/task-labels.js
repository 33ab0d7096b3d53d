// Task cards that tell themselves apart (SPEC section 10): case number, the child's name (masked
// as the API masks it for the user's role), district and risk level on every card. The cards of
// one list page are rendered together, and their labels come from one request,
// GET /api/tasks/labels?ids=…, not one per card.
import { el, present, getJson, LEVEL_CLASS } from './case-common.js';

let waiting = new Map();
let scheduled = false;

function fill(node, label) {
  node.replaceChildren(label ? el('div', { class: 'mp-task-label' },
    present(label.caseNumber) ? el('span', { class: 'mp-case-number' }, label.caseNumber) : null,
    present(label.childName) ? el('span', { class: 'mp-child' }, label.childName) : null,
    present(label.districtName) ? el('span', {}, label.districtName) : null,
    present(label.riskLevel) ? el('span', { class: 'mp-level ' + (LEVEL_CLASS[label.riskLevel] || '') },
      label.riskLevelName || label.riskLevel) : null) : []);
}

async function fetchLabels() {
  const batch = waiting;
  waiting = new Map();
  scheduled = false;
  const ids = [...batch.keys()];
  for (let i = 0; i < ids.length; i += 100) {
    const chunk = ids.slice(i, i + 100);
    const result = await getJson('/api/tasks/labels?ids=' + chunk.map(encodeURIComponent).join(','));
    const labels = result.ok && result.body ? result.body : {};
    for (const id of chunk) {
      batch.get(id).forEach(node => fill(node, labels[id]));
    }
  }
}

export default {
  id: 'minor-protection-task-label',
  pluginPoint: 'tasklist.card',
  // Above the variables Tasklist shows on a card, inside the part a folded card shows.
  priority: 300,
  render: (node, { taskId }) => {
    if (!waiting.has(taskId)) {
      waiting.set(taskId, []);
    }
    waiting.get(taskId).push(node);
    if (!scheduled) {
      scheduled = true;
      // A page's cards are all rendered in one turn; their labels are asked for after it.
      setTimeout(fetchLabels, 0);
    }
  }
};
