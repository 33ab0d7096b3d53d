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

function bars(title, counts, names, colours) {
  const entries = Object.entries(counts || {});
  const max = Math.max(1, ...entries.map(([, v]) => v));
  const rows = entries.length === 0 ? '<div class="mp-figure">无</div>' : entries.map(([k, v]) =>
    `<div class="mp-bar"><span class="mp-label">${names[k] || k}</span>` +
    `<span class="fill" style="width:${Math.round(120 * v / max)}px;background:${(colours && colours[k]) || '#2e6da4'}"></span>${v}</div>`).join('');
  return `<div class="mp-chart"><h5>${title}</h5>${rows}</div>`;
}

function durations(title, d) {
  const value = x => (x === null || x === undefined ? '—' : `${x} 小时`);
  return `<div class="mp-chart"><h5>${title}</h5>` +
    `<div class="mp-figure">中位数：${value(d.median)}</div>` +
    `<div class="mp-figure">第90百分位：${value(d.p90)}</div>` +
    `<div class="mp-figure">件数：${d.count}</div></div>`;
}

function district(d) {
  const visits = d.visits;
  return `<div class="mp-district" data-district="${d.district}"><h4>${d.name}</h4><div class="mp-grid">` +
    bars('在办案件（类别）', d.openCasesByCategory, CATEGORIES) +
    bars('在办案件（风险等级）', d.openCasesByLevel, LEVELS, LEVEL_COLOURS) +
    bars('逾期转介（单位）', d.overdueReferralsByUnit, UNITS) +
    durations('报告至分诊', d.hoursToTriage) +
    durations('报告至评估完成', d.hoursToAssessment) +
    `<div class="mp-chart"><h5>走访</h5><div class="mp-figure">应走访：${visits.due}</div>` +
    `<div class="mp-figure">已走访：${visits.done}</div></div>` +
    bars('结案', d.closuresByReason, CLOSURES) +
    '</div></div>';
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
  out.innerHTML = json.districts.map(district).join('');
  node.querySelector('.mp-csv').href = '/api/supervision/kpis.csv?' + query(form);
}

export default {
  id: 'minor-protection-supervision',
  pluginPoint: 'cockpit.dashboard',
  priority: 100,
  properties: { label: '绩效督导' },
  render: (node) => {
    const options = Object.entries(DISTRICTS).map(([v, l]) => `<option value="${v}">${l}</option>`).join('');
    node.innerHTML = `<style>${STYLE}</style><section class="mp-kpi" id="mp-supervision">
      <h3>绩效督导</h3>
      <form>
        <label>区 <select name="district"><option value="">全部（有权查看的区）</option>${options}</select></label>
        <label>自 <input type="date" name="from"></label>
        <label>至 <input type="date" name="to"></label>
        <button type="submit" class="btn btn-default">查询</button>
        <a class="mp-csv btn btn-link" href="/api/supervision/kpis.csv">导出 CSV</a>
      </form>
      <div class="mp-districts"></div></section>`;
    const form = node.querySelector('form');
    form.addEventListener('submit', (event) => { event.preventDefault(); load(node, form); });
    load(node, form);
  }
};
