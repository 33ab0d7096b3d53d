#!/usr/bin/env python3
"""Prints the process test coverage of every model (flow nodes and sequence flows taken by the
scenario tests, as recorded by camunda-process-test-coverage) and fails below the minimum.

Only the project's own models count (the processes defined in processes/*.bpmn); tests also
deploy probe processes of their own.

Usage: process-coverage.py MINIMUM PROCESSES_DIR REPORT_DIR [REPORT_DIR ...]
"""
import glob
import json
import os
import re
import sys


def project_process_keys(folder):
    keys = set()
    for path in glob.glob(os.path.join(folder, '*.bpmn')):
        with open(path, encoding='utf-8') as f:
            keys.update(re.findall(r'<bpmn:process id="([^"]+)"', f.read()))
    return keys


def main():
    minimum = float(sys.argv[1])
    keys = project_process_keys(sys.argv[2])
    covered, totals = {}, {}
    for folder in sys.argv[3:]:
        for path in glob.glob(os.path.join(folder, '*', 'report.json')):
            with open(path, encoding='utf-8') as f:
                report = json.load(f)
            for model in report['models']:
                if model['key'] in keys:
                    totals[model['key']] = model['totalElementCount']
            for suite in report['suites']:
                for run in suite['runs']:
                    for event in run['events']:
                        covered.setdefault(event['modelKey'], set()).add(event['definitionKey'])
    untested = keys - set(totals)
    if untested:
        print('process coverage: no scenario test covers ' + ', '.join(sorted(untested)))
        return 1
    failed = False
    print('process coverage (flow nodes and sequence flows):')
    for key in sorted(totals):
        share = len(covered.get(key, ())) / totals[key]
        verdict = 'ok' if share >= minimum else 'BELOW %.0f%%' % (minimum * 100)
        print('  %-28s %3d of %3d  %5.1f%%  %s' % (key, len(covered.get(key, ())), totals[key],
                                                share * 100, verdict))
        failed = failed or share < minimum
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
