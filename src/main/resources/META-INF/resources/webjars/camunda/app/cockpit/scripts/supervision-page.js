// 督导: the supervisors' own page in Cockpit (menu entry 督导, #/supervision). Top to bottom:
// the totals (the city's, or the chosen district's), the districts side by side, and every
// overdue task, most late first, with whose it is and a link to its case in Tasklist's 案卷.
// Every figure is the API's (/api/supervision/kpis, read with the Cockpit session), and the
// CSV download (/api/supervision/kpis.csv) holds the same figures. Names of codes and the DOM
// helper are the Tasklist plugins' own, so both apps say the same thing.
import {
  el, time, named, codesOf, vocabulary, LEVEL_CLASS
} from '../../tasklist/scripts/case-common.js';

const PATH = '/supervision';
const LEVEL_ORDER = ['RED', 'ORANGE', 'YELLOW', 'GREEN', 'UNASSESSED'];

function sum(counts) {
  return Object.values(counts || {}).reduce((a, b) => a + b, 0);
}

function count(counts, key) {
  return (counts || {})[key] || 0;
}

function hours(value) {
  return value === null || value === undefined ? '—' : String(value);
}

/** A case in Tasklist's 案卷 (the same login), where its file, history and tasks are. */
function caseLink(caseNumber) {
  return el('a', {
    href: '/camunda/app/tasklist/default/#/?case=' + encodeURIComponent(caseNumber),
    target: '_blank', rel: 'noopener', class: 'mp-case-link', title: '在任务列表中打开案卷'
  }, caseNumber);
}

/** "流浪乞讨 3、监护缺失 1", or 无. */
function breakdown(counts, kind, order) {
  const keys = (order || Object.keys(counts || {})).filter(k => count(counts, k) > 0);
  return keys.length ? keys.map(k => `${named(kind, k)} ${count(counts, k)}`).join('、') : '无';
}

function tile(label, figure, value, detail, warn) {
  return el('div', { class: 'mp-sv-tile' + (warn ? ' mp-sv-warn' : '') },
    el('div', { class: 'mp-sv-tile-label' }, label),
    el('div', { class: 'mp-sv-tile-value', 'data-figure': figure }, value),
    detail ? el('div', { class: 'mp-sv-tile-detail' }, detail) : null);
}

function totals(t) {
  const levels = LEVEL_ORDER.map(level => el('span', { class: 'mp-sv-chip ' + (LEVEL_CLASS[level] || '') },
    `${named('riskLevel', level)} `, el('b', { 'data-figure': 'level-' + level }, count(t.openCasesByLevel, level))));
  return el('section', { class: 'mp-sv-totals', 'data-district': t.district },
    el('h3', {}, t.name),
    el('div', { class: 'mp-sv-tiles' },
      tile('在办案件', 'openCases', sum(t.openCasesByLevel), el('div', { class: 'mp-sv-chips' }, levels)),
      tile('逾期任务', 'overdueTasks', t.overdueTaskCount, '截至目前', t.overdueTaskCount > 0),
      tile('逾期转介', 'overdueReferrals', sum(t.overdueReferralsByUnit),
        breakdown(t.overdueReferralsByUnit, 'group'), sum(t.overdueReferralsByUnit) > 0),
      tile('故障', 'incidents', t.incidentCount, '流程中待处理的故障', t.incidentCount > 0),
      tile('报告至分诊（小时）', 'hoursToTriage', hours(t.hoursToTriage.median),
        `中位数；第90百分位 ${hours(t.hoursToTriage.p90)}，共 ${t.hoursToTriage.count} 件`),
      tile('报告至评估（小时）', 'hoursToAssessment', hours(t.hoursToAssessment.median),
        `中位数；第90百分位 ${hours(t.hoursToAssessment.p90)}，共 ${t.hoursToAssessment.count} 件`),
      tile('走访（已走访/应走访）', 'visits', `${t.visits.done}/${t.visits.due}`),
      tile('结案', 'closures', sum(t.closuresByReason), breakdown(t.closuresByReason, 'closureReason'))),
    el('p', { class: 'mp-sv-line' }, '在办案件（类别）：', breakdown(t.openCasesByCategory, 'category', codesOf('category'))));
}

/** A number in a cell, with a bar as long as its share of the column's largest. */
function bar(value, max, warn) {
  const fill = el('span', { class: 'mp-sv-bar' + (warn ? ' mp-sv-bar-warn' : '') });
  fill.style.width = `${Math.round(60 * value / Math.max(1, max))}px`;
  return [el('span', { class: 'mp-sv-num' }, value), fill];
}

/** A district's row; the total's (no largest given) has no bars. */
function districtRow(d, largest) {
  const cell = (figure, ...content) => el('td', { 'data-figure': figure }, ...content);
  const open = sum(d.openCasesByLevel);
  return el('tr', { 'data-district': d.district },
    el('th', { scope: 'row' }, d.name),
    cell('openCases', ...(largest ? bar(open, largest.open) : [open])),
    LEVEL_ORDER.map(level => cell('level-' + level, count(d.openCasesByLevel, level))),
    codesOf('category').map(category => cell('category-' + category, count(d.openCasesByCategory, category))),
    cell('overdueTasks', ...(largest ? bar(d.overdueTaskCount, largest.overdue, true) : [d.overdueTaskCount])),
    cell('overdueReferrals', sum(d.overdueReferralsByUnit)),
    cell('incidents', d.incidentCount),
    cell('hoursToTriage', hours(d.hoursToTriage.median)),
    cell('hoursToTriageP90', hours(d.hoursToTriage.p90)),
    cell('hoursToAssessment', hours(d.hoursToAssessment.median)),
    cell('hoursToAssessmentP90', hours(d.hoursToAssessment.p90)),
    cell('visits', `${d.visits.done}/${d.visits.due}`),
    cell('closures', sum(d.closuresByReason)));
}

function districtTable(kpis) {
  const largest = {
    open: Math.max(...kpis.districts.map(d => sum(d.openCasesByLevel))),
    overdue: Math.max(...kpis.districts.map(d => d.overdueTaskCount))
  };
  const group = (label, span) => el('th', { colspan: String(span), scope: 'colgroup' }, label);
  const column = label => el('th', { scope: 'col' }, label);
  return el('table', { class: 'table table-condensed mp-sv-districts' },
    el('thead', {},
      el('tr', {}, el('th', { rowspan: '2', scope: 'col' }, '区'),
        group('在办案件（风险等级）', 6), group('在办案件（类别）', 5), group('逾期与故障', 3),
        group('报告至分诊（小时）', 2), group('报告至评估（小时）', 2),
        el('th', { rowspan: '2', scope: 'col' }, '走访', el('br'), '已/应'),
        el('th', { rowspan: '2', scope: 'col' }, '结案')),
      el('tr', {}, column('合计'), LEVEL_ORDER.map(level => el('th', { scope: 'col', class: LEVEL_CLASS[level] || '' },
        named('riskLevel', level))),
        codesOf('category').map(category => column(named('category', category))),
        column('逾期任务'), column('逾期转介'), column('故障'),
        column('中位数'), column('第90百分位'), column('中位数'), column('第90百分位'))),
    el('tbody', {}, kpis.districts.map(d => districtRow(d, largest))),
    el('tfoot', {}, districtRow(kpis.total, null)));
}

function overdueTable(tasks) {
  if (tasks.length === 0) {
    return el('p', { class: 'mp-none' }, '没有逾期任务。');
  }
  return el('table', { class: 'table table-condensed mp-sv-overdue' },
    el('thead', {}, el('tr', {}, ['逾期', '任务', '办理人或单位', '区', '案件编号', '到期时间']
      .map(label => el('th', { scope: 'col' }, label)))),
    el('tbody', {}, tasks.map(t => el('tr', { 'data-task': t.taskId },
      el('td', { class: 'mp-sv-late' }, t.lateness),
      el('td', {}, t.task),
      el('td', {}, t.owner),
      el('td', {}, t.districtName),
      el('td', {}, t.caseNumber ? caseLink(t.caseNumber) : '—'),
      el('td', {}, time(t.due))))));
}

function query(form) {
  const params = new URLSearchParams();
  for (const name of ['district', 'from', 'to']) {
    const value = form.elements[name].value;
    if (value) params.set(name, value);
  }
  return params.toString();
}

async function load(node, form) {
  const out = node.querySelector('.mp-sv-body');
  out.replaceChildren(el('p', { class: 'mp-none' }, '加载中…'));
  node.querySelector('.mp-sv-csv').href = '/api/supervision/kpis.csv?' + query(form);
  let answer;
  let kpis;
  try {
    answer = await fetch('/api/supervision/kpis?' + query(form), {
      credentials: 'same-origin', headers: { 'X-Requested-With': 'XMLHttpRequest', Accept: 'application/json' }
    });
    kpis = await answer.json();
    await vocabulary();
  } catch (e) {
    out.replaceChildren(el('p', { class: 'mp-error' }, '无法读取督导数据，请稍后重试。'));
    return;
  }
  if (!answer.ok) {
    out.replaceChildren(el('p', { class: 'mp-error' },
      (kpis.errors || []).map(e => e.message).join('；') || '无法读取督导数据'));
    return;
  }
  offerDistricts(form.elements.district, kpis.districts);
  form.elements.from.value = kpis.from;
  form.elements.to.value = kpis.to;
  out.replaceChildren(
    el('p', { class: 'mp-sv-period' }, `报告至分诊、报告至评估、走访和结案为统计期间（${kpis.from} 至 ${kpis.to}）`
      + '内的数；在办案件、逾期和故障为当前数。'),
    totals(kpis.total),
    el('section', {}, el('h3', {}, '各区对比'), districtTable(kpis)),
    el('section', {}, el('h3', {}, `逾期任务（${kpis.overdueTasks.length} 件，逾期最久的在前）`),
      overdueTable(kpis.overdueTasks)));
}

/**
 * A date typed as the API takes it (2026-09-01); the browser's own date picker would show its
 * format in the browser's language, and the API explains a wrong date in Chinese.
 */
function dateInput(name) {
  return el('input', {
    type: 'text', name, class: 'form-control mp-sv-date', inputmode: 'numeric', maxlength: '10',
    placeholder: '年-月-日', 'aria-label': name === 'from' ? '统计期间开始日期' : '统计期间结束日期'
  });
}

/** The districts to choose from: those of the first answer, which covers all the caller may see. */
function offerDistricts(select, districts) {
  if (select.options.length === 1) {
    select.append(...districts.map(d => el('option', { value: d.district }, d.name)));
  }
}

function page(node) {
  const district = el('select', { name: 'district', class: 'form-control' },
    el('option', { value: '' }, '全部（有权查看的各区）'));
  const form = el('form', { class: 'form-inline mp-sv-form' },
    el('label', {}, '区 ', district),
    el('label', {}, '自 ', dateInput('from')),
    el('label', {}, '至 ', dateInput('to')),
    el('button', { type: 'submit', class: 'btn btn-default' }, '查询'),
    el('a', { class: 'mp-sv-csv btn btn-default', href: '/api/supervision/kpis.csv', download: '' }, '下载 CSV'));
  node.replaceChildren(el('div', { class: 'mp-sv', id: 'mp-supervision' },
    el('header', { class: 'mp-sv-head' }, el('h2', {}, '督导'), form),
    el('div', { class: 'mp-sv-body' })));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    load(node, form);
  });
  load(node, form);
}

export default [
  {
    id: 'minor-protection-supervision',
    pluginPoint: 'cockpit.route',
    properties: { path: PATH },
    render: page
  },
  {
    id: 'minor-protection-supervision-menu',
    pluginPoint: 'cockpit.navigation',
    priority: 200,
    properties: { pagePath: '#' + PATH, label: '督导', checkActive: url => url.indexOf('#' + PATH) > -1 }
  }
];
