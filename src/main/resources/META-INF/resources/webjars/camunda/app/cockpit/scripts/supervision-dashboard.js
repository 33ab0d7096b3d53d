// 绩效督导: the supervision dashboard, a Cockpit plugin on the dashboard. It reads
// /api/supervision/kpis with the Cockpit session; a district's staff see their district only.
const DISTRICTS = {
  xuanwu: '玄武区', qinhuai: '秦淮区', jianye: '建邺区', gulou: '鼓楼区', pukou: '浦口区',
  qixia: '栖霞区', yuhuatai: '雨花台区', jiangning: '江宁区', luhe: '六合区', lishui: '溧水区',
  gaochun: '高淳区'
};
const CATEGORIES = {
  STREET_BEGGING: '流浪乞讨', GUARDIANSHIP_LACKING: '监护缺失', LEFT_BEHIND: '留守流动',
  DOMESTIC_VIOLENCE: '家庭暴力', SPECIAL_HARDSHIP: '特殊困难'
};
const LEVELS = { RED: '一级/红', ORANGE: '二级/橙', YELLOW: '三级/黄', GREEN: '关注/绿', UNASSESSED: '待评估' };
const LEVEL_COLOURS = { RED: '#c0392b', ORANGE: '#e67e22', YELLOW: '#d4ac0d', GREEN: '#27ae60', UNASSESSED: '#95a5a6' };
const UNITS = {
  'protection-center': '保护中心', 'civil-affairs': '民政局', police: '公安局', procuratorate: '检察院',
  court: '法院', education: '教育局', health: '卫生局', housing: '住建委', hrss: '人社局', justice: '司法局',
  finance: '财政局', population: '人口计生委', 'youth-league': '团市委', 'womens-federation': '妇联',
  'disabled-federation': '残联'
};
const CLOSURES = { RESOLVED: '风险消除', AGE_18: '年满18周岁', REFERRED_OUT: '转出' };

const STYLE = `
  .mp-kpi { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; padding: 10px 0; }
  .mp-kpi h3 { margin: 0 0 10px; }
  .mp-kpi form { margin-bottom: 12px; }
  .mp-kpi form > * { margin-right: 8px; }
  .mp-kpi .mp-district { border: 1px solid #ddd; border-radius: 4px; padding: 10px 14px; margin-bottom: 12px; }
  .mp-kpi .mp-grid { display: flex; flex-wrap: wrap; gap: 24px; }
  .mp-kpi .mp-chart { min-width: 260px; }
  .mp-kpi .mp-chart h5 { margin: 6px 0; font-weight: bold; }
  .mp-kpi .mp-bar { display: flex; align-items: center; margin: 2px 0; font-size: 12px; }
  .mp-kpi .mp-bar span.mp-label { width: 90px; }
  .mp-kpi .mp-bar span.fill { height: 12px; background: #2e6da4; margin-right: 6px; }
  .mp-kpi .mp-figure { font-size: 12px; margin: 2px 0; }
`;

/** An element with attributes and children; text is always inserted as text, never as HTML. */
function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    node.setAttribute(name, value);
  }
  for (const child of children) {
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function figure(text) {
  return el('div', { class: 'mp-figure' }, text);
}

function bars(title, counts, names, colours) {
  const entries = Object.entries(counts || {});
  const max = Math.max(1, ...entries.map(([, v]) => v));
  const rows = entries.length === 0 ? [figure('无')] : entries.map(([k, v]) => {
    const fill = el('span', { class: 'fill' });
    fill.style.width = `${Math.round(120 * v / max)}px`;
    fill.style.background = (colours && colours[k]) || '#2e6da4';
    return el('div', { class: 'mp-bar' }, el('span', { class: 'mp-label' }, names[k] || k), fill, v);
  });
  return el('div', { class: 'mp-chart' }, el('h5', {}, title), ...rows);
}

function durations(title, d) {
  const value = x => (x === null || x === undefined ? '—' : `${x} 小时`);
  return el('div', { class: 'mp-chart' }, el('h5', {}, title),
    figure(`中位数：${value(d.median)}`), figure(`第90百分位：${value(d.p90)}`),
    figure(`件数：${d.count}`));
}

function district(d) {
  const visits = d.visits;
  return el('div', { class: 'mp-district', 'data-district': d.district }, el('h4', {}, d.name),
    el('div', { class: 'mp-grid' },
      bars('在办案件（类别）', d.openCasesByCategory, CATEGORIES),
      bars('在办案件（风险等级）', d.openCasesByLevel, LEVELS, LEVEL_COLOURS),
      bars('逾期转介（单位）', d.overdueReferralsByUnit, UNITS),
      durations('报告至分诊', d.hoursToTriage),
      durations('报告至评估完成', d.hoursToAssessment),
      el('div', { class: 'mp-chart' }, el('h5', {}, '走访'), figure(`应走访：${visits.due}`),
        figure(`已走访：${visits.done}`)),
      bars('结案', d.closuresByReason, CLOSURES)));
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
  const out = node.querySelector('.mp-districts');
  out.textContent = '加载中…';
  const answer = await fetch('/api/supervision/kpis?' + query(form), {
    credentials: 'same-origin', headers: { 'X-Requested-With': 'XMLHttpRequest' }
  });
  const json = await answer.json();
  if (!answer.ok) {
    out.textContent = (json.errors || []).map(e => e.message).join('；') || '无法读取督导数据';
    return;
  }
  out.replaceChildren(...json.districts.map(district));
  node.querySelector('.mp-csv').href = '/api/supervision/kpis.csv?' + query(form);
}

export default {
  id: 'minor-protection-supervision',
  pluginPoint: 'cockpit.dashboard',
  priority: 100,
  properties: { label: '绩效督导' },
  render: (node) => {
    const districts = el('select', { name: 'district' }, el('option', { value: '' }, '全部（有权查看的区）'),
      ...Object.entries(DISTRICTS).map(([v, l]) => el('option', { value: v }, l)));
    node.replaceChildren(el('style', {}, STYLE), el('section', { class: 'mp-kpi', id: 'mp-supervision' },
      el('h3', {}, '绩效督导'),
      el('form', {},
        el('label', {}, '区 ', districts),
        el('label', {}, '自 ', el('input', { type: 'date', name: 'from' })),
        el('label', {}, '至 ', el('input', { type: 'date', name: 'to' })),
        el('button', { type: 'submit', class: 'btn btn-default' }, '查询'),
        el('a', { class: 'mp-csv btn btn-link', href: '/api/supervision/kpis.csv' }, '导出 CSV')),
      el('div', { class: 'mp-districts' })));
    const form = node.querySelector('form');
    form.addEventListener('submit', (event) => { event.preventDefault(); load(node, form); });
    load(node, form);
  }
};
