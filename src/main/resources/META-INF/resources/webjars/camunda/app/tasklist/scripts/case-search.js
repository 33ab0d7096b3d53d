// 案卷检索: the navbar action that opens the case file panel at its search. A link from
// elsewhere (Cockpit's 督导 page) opens a case's file directly: …/tasklist/default/#/?case=<number>.
import { el } from './case-common.js';
import { openCasePanel } from './case-panel.js';

export default {
  id: 'minor-protection-case-search',
  pluginPoint: 'tasklist.navbar.action',
  priority: 400,
  render: (node) => {
    const link = el('a', { href: '#', class: 'mp-case-search', role: 'button' },
      el('span', { class: 'glyphicon glyphicon-folder-open', 'aria-hidden': 'true' }), ' 案卷检索');
    link.addEventListener('click', (event) => {
      event.preventDefault();
      openCasePanel(null);
    });
    node.replaceChildren(link);
    const linked = new URLSearchParams(window.location.hash.split('?')[1] || '').get('case');
    if (linked) {
      openCasePanel(linked);
    }
  }
};
