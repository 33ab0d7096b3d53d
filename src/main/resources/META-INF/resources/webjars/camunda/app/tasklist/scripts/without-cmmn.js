// Tasklist without CMMN, which the platform does not run: the task search offers case variables
// and case instance fields (案例变量, 案例实例业务编号 …) and the sorting offers case execution and
// case instance variables, all of which a worker takes for the platform's 个案. They are taken
// out of the search widget's types and the sorting dropdown's variable kinds as each starts:
// Tasklist's app module exists when its custom scripts load, and is started after them.
const CMMN_SEARCH = /^case/;
const CMMN_SORTING = ['caseExecutionVariable', 'caseInstanceVariable'];

/** Runs the directive's link between two changes to its scope. */
function aroundLink(directive, { before = () => {}, after = () => {} }) {
  const link = directive.link;
  directive.compile = () => function linkWithoutCmmn(scope, ...rest) {
    before(scope);
    const linked = link.apply(this, [scope, ...rest]);
    after(scope);
    return linked;
  };
}

window.angular.module('cam.tasklist').config(['$provide', ($provide) => {
  $provide.decorator('camWidgetSearchDirective', ['$delegate', ($delegate) => {
    aroundLink($delegate[0], {
      before: (scope) => {
        scope.types = (scope.types || []).filter(type => !CMMN_SEARCH.test(type.id.key));
      }
    });
    return $delegate;
  }]);
  $provide.decorator('camSortingDropdownDirective', ['$delegate', ($delegate) => {
    aroundLink($delegate[0], {
      after: (scope) => CMMN_SORTING.forEach(kind => delete scope.sortableVariables[kind])
    });
    return $delegate;
  }]);
}]);

export default [];
