// The task list's sorting, said as it is. The platform's filters (我的任务, 本组待办, 全部任务) sort
// by due date, earliest first; Tasklist adds its own sorting after the filter's, and without one
// in the address it takes creation time, newest first, and says so above the list (创建时间),
// while the list is in fact in due-date order. With due date, earliest first, as the list's
// sorting whenever the address names none, the label says 到期时间 and the order is that.
const DUE_DATE_FIRST = JSON.stringify([{ sortBy: 'dueDate', sortOrder: 'asc' }]);

function withDefaultSorting() {
  const hash = window.location.hash || '#/';
  const [path, query = ''] = hash.slice(1).split('?');
  if (path !== '/' && path !== '') {
    return;
  }
  const params = new URLSearchParams(query);
  if (params.has('sorting')) {
    return;
  }
  params.set('sorting', DUE_DATE_FIRST);
  window.location.replace('#/?' + params.toString());
}

// Registered before Tasklist starts, so each runs before Tasklist reads the address: a link
// without sorting reaches Tasklist as popstate first, then hashchange.
withDefaultSorting();
window.addEventListener('popstate', withDefaultSorting);
window.addEventListener('hashchange', withDefaultSorting);

export default [];
