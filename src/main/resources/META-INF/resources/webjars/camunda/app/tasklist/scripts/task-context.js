// 案情: a tab beside 表单 on every task, the first one, with what the worker needs to do it (SPEC
// section 10): the child, the case, the risk and its reasons, what was reported, the previous
// step's notes, and for a member unit what is asked of it and why; a link to the case file and an
// upload for attachments. Read from GET /api/tasks/{taskId}/context, which masks by role.
import { el, field, present, time, getJson, reasons, uploadForm, vocabulary, LEVEL_CLASS } from './case-common.js';
import { openCasePanel } from './case-panel.js';

function render(node, taskId) {
  node.replaceChildren(el('div', { class: 'mp-context' }, '加载案情…'));
  Promise.all([getJson('/api/tasks/' + encodeURIComponent(taskId) + '/context'), vocabulary()]).then(([result]) => {
    if (!result.ok) {
      node.replaceChildren(el('div', { class: 'mp-context mp-error' },
        reasons(result, '无法读取本任务的案情（' + result.status + '）')));
      return;
    }
    node.replaceChildren(context(result.body));
  }, () => node.replaceChildren(el('div', { class: 'mp-context mp-error' }, '无法读取本任务的案情')));
}

function context(c) {
  const child = c.child || {};
  const danger = c.immediateDanger || c.urgent;
  const open = present(c.caseNumber)
    ? el('button', { type: 'button', class: 'btn btn-default mp-open-case' }, '打开案卷') : null;
  if (open) {
    open.addEventListener('click', () => openCasePanel(c.caseNumber));
  }
  return el('div', { class: 'mp-context', 'data-view': c.view },
    danger ? el('div', { class: 'mp-alert', role: 'alert' },
      [c.immediateDanger ? '儿童当前处于危险中' : null, c.urgent ? '紧急案件' : null]
        .filter(Boolean).join(' · ')) : null,
    el('div', { class: 'mp-case-head' },
      present(c.caseNumber) ? el('strong', { class: 'mp-case-number' }, c.caseNumber) : null,
      el('span', {}, c.districtName), open),
    present(c.ask) ? el('section', { class: 'mp-section mp-ask' }, el('h3', {}, '请贵单位办理'),
      field('承办单位', c.ask.unitName || c.ask.unit), field('需要做什么', c.ask.what),
      field('原因', c.ask.why)) : null,
    present(c.child) ? el('section', { class: 'mp-section' }, el('h3', {}, '儿童'),
      field('姓名', child.name), field('性别', child.genderName),
      field('年龄', present(child.age) ? child.age + ' 岁' : null), field('身份证号', child.idNumber),
      field('住址', child.address), field('现在何处', child.whereNow)) : null,
    present(c.categories) || present(c.riskLevel) ? el('section', { class: 'mp-section' },
      el('h3', {}, '类别与风险'),
      field('类别', (c.categories || []).map(x => x.name || x.code)),
      present(c.riskLevel) ? el('div', { class: 'mp-field' }, el('span', { class: 'mp-label' }, '风险等级'),
        el('span', { class: 'mp-level ' + (LEVEL_CLASS[c.riskLevel] || '') }, c.riskLevelName || c.riskLevel)) : null,
      present(c.riskReasons) ? el('ul', { class: 'mp-reasons' }, c.riskReasons.map(r => el('li', {}, r))) : null)
      : null,
    present(c.reports) ? el('section', { class: 'mp-section' }, el('h3', {}, '报告'),
      c.reports.map(r => el('div', { class: 'mp-card' },
        field('接报时间', time(r.receivedAt)), field('渠道', r.channelName || r.channel),
        field('报告人', r.reporterName), field('联系电话', r.reporterPhone),
        r.immediateDanger ? el('div', { class: 'mp-flag' }, '报告紧急危险') : null,
        field('内容', r.description)))) : null,
    present(c.previousStep) ? el('section', { class: 'mp-section' }, el('h3', {}, '上一步'),
      field('环节', c.previousStep.name),
      field('办理人', c.previousStep.completedByName || c.previousStep.completedBy),
      field('完成时间', time(c.previousStep.completedAt)),
      (c.previousStep.notes || []).map(n => field(n.label || n.field, n.value))) : null,
    el('section', { class: 'mp-section' }, el('h3', {}, '本任务'),
      field('任务', c.taskName), field('创建时间', time(c.created)), field('到期时间', time(c.due))),
    present(c.caseNumber) && (c.view === 'FULL' || c.view === 'POLICE')
      ? el('section', { class: 'mp-section' }, el('h3', {}, '上传附件'), uploadForm(c.caseNumber, c.taskId))
      : null);
}

export default {
  id: 'minor-protection-task-context',
  pluginPoint: 'tasklist.task.detail',
  // Above 表单 (1000), so the tab comes first and is the one a task opens with.
  priority: 2000,
  properties: { label: '案情' },
  render: (node, { taskId }) => render(node, taskId)
};
