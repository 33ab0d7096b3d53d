// The app menu (the house in every webapp's navbar, on the login pages too) lists the other
// webapps by Camunda's English names, Welcome, Admin, Cockpit and Tasklist; here they carry
// their Chinese names. Loaded by all four webapps, before each starts: the header directive's
// module exists by then.
import { APP_NAMES } from './app-names.js';

window.angular.module('camunda.common.widgets').config(['$provide', ($provide) => {
  $provide.decorator('camWidgetHeaderDirective', ['$delegate', ($delegate) => {
    const directive = $delegate[0];
    const compile = directive.compile;
    directive.compile = function compileWithChineseNames(...args) {
      const link = compile.apply(this, args);
      return function linkWithChineseNames(scope, ...rest) {
        if (typeof link === 'function') {
          link.apply(this, [scope, ...rest]);
        }
        scope.$watch('apps', (apps) => Object.entries(apps || {}).forEach(([app, entry]) => {
          entry.label = APP_NAMES[app] || entry.label;
        }));
      };
    };
    return $delegate;
  }]);
}]);

export default [];
