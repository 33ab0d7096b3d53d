// The task's header in the platform's words: Tasklist names a task's tenant by its id ("gulou")
// and the process's version tag as "(v. 1)"; here they read 鼓楼区 and （版本 1）. Tasklist's own
// text stays in the element, hidden (Angular renews it when another task opens), and the words
// are shown beside it, renewed with every change. The tenant's tooltip, which would show the id
// again, is turned off.
import { el, named, vocabulary } from './case-common.js';

const HEADER_TEXTS = [
  { selector: '.tenant-id', words: (id) => named('district', id), tooltip: true },
  {
    selector: '.task-card h4.process-definition > span',
    words: (text) => text.replace(/^\(v\.\s*(.*)\)$/, '（版本 $1）')
  }
];

function show(node, { words, tooltip }) {
  let own = node.querySelector(':scope > .mp-own-text');
  let shown = node.querySelector(':scope > .mp-shown-text');
  if (!own) {
    own = el('span', { class: 'mp-own-text', hidden: true });
    own.append(...node.childNodes);
    shown = el('span', { class: 'mp-shown-text' });
    node.append(own, shown);
    if (tooltip) {
      node.style.pointerEvents = 'none';
    }
  }
  const text = words(own.textContent.trim());
  if (shown.textContent !== text) {
    shown.textContent = text;
  }
}

function renew() {
  const found = HEADER_TEXTS.flatMap(rule =>
    [...document.querySelectorAll(rule.selector)].map(node => [node, rule]));
  if (found.length === 0) {
    return;
  }
  // Asked only once a header is there, that is once the user is logged in.
  vocabulary().then(() => found.forEach(([node, rule]) => show(node, rule)));
  found.forEach(([node, rule]) => show(node, rule));
}

// Called once per batch of changes; the words it shows change nothing when they are the same.
new MutationObserver(renew)
  .observe(document.documentElement, { childList: true, subtree: true, characterData: true });

export default [];
