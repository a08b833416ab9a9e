#!/usr/bin/python3
# test-inbox.py: the 审批 tab through the accessibility tree. On the demo
# database, as the principal who is to review a submitted school-level plan:
# the plan is listed under "waiting for me", the review form is filled in and
# Review pressed, and the plan leaves the list with its state changed in the
# database. Prints TAP.
#
# Run by run-smoke.sh on its own Xvfb and D-Bus session, with an
# accessibility bus; needs GONGKAI_GUI and GONGKAI_CLI.

import os
import re
import sqlite3
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
# test-shared.py loads this file as a module and uses find_app through it.
from gkatspi import (app_env, check, check_log, click, find_app, find_shown,  # noqa: E402,F401
                     have_locale, init_demo, launch, leave_out, name_of, on_screen, results,
                     run_app_test, shown_names, stop, wait_for, wait_for_app, walk)

# The catalog's table: its hundreds of cells would make every walk slow,
# and nothing here is in it.
leave_out('tree table')


def plan_list(app, list_name):
    for node in walk(app):
        if name_of(node) == list_name and on_screen(node):
            return node
    return None


def listed(app, list_name, title):
    """The label TITLE in the list of plans (the detail pane shows it too)."""
    plans = plan_list(app, list_name)
    return find_shown(plans, title, 'label') if plans is not None else None


def choose_in_combo(app, row_title, choice):
    """Opens the combo row titled ROW_TITLE and picks CHOICE in its popover."""
    row = find_shown(app, row_title)
    if row is None:
        return False
    click(row)
    item = wait_for(lambda: find_shown(app, choice, 'label'), 5)
    if item is None:
        return False
    click(item)
    return True


def notice_fields(cli, db, notice_id):
    out = subprocess.run([cli, 'notice', 'show', db, str(notice_id)],
                         capture_output=True, text=True).stdout
    fields = {}
    for line in out.splitlines():
        key, sep, value = line.partition(': ')
        if sep and key not in fields:
            fields[key] = value
    return fields


def find_target(cli, db):
    """A submitted school-level plan: its reviewer is the principal of the
    proposing department."""
    listed_out = subprocess.run([cli, 'notice', 'list', db, '--state', 'submitted'],
                                capture_output=True, text=True).stdout
    for line in listed_out.splitlines():
        notice_id, _state, _date, title = line.split('\t', 3)
        fields = notice_fields(cli, db, notice_id)
        if (fields.get('level') == 'school' and fields.get('next-step') == 'review'
                and fields.get('waiting-for') and '、' not in fields['waiting-for']):
            return int(notice_id), title, fields['waiting-for']
    return None


def check_app(gui, cli, tmp):
    db = init_demo(cli, tmp, 'inbox.db')
    if db is None:
        return 1

    target = find_target(cli, db)
    if not check(target is not None, 'the demo has a submitted school-level plan for a principal'):
        return 1
    notice_id, title, reviewer = target
    print(f'# notice {notice_id} “{title}”, reviewer {reviewer}')

    chinese = have_locale('zh_CN.utf8')
    lang = 'zh_CN.UTF-8' if chinese else 'C.UTF-8'
    if chinese:
        words = dict(tab='审批', review='审核', secrecy='保密审查', passed='通过',
                     risk='风险评估', medium='中', plans='方案列表', reviewed='待审批')
    else:
        print('# the zh_CN.UTF-8 locale is missing: testing the English interface')
        words = dict(tab='Approvals', review='Review', secrecy='Confidentiality check',
                     passed='Passed', risk='Risk', medium='Medium', plans='Plans',
                     reviewed='Awaiting approval')

    proc, log = launch(gui, db, app_env(tmp, lang, GONGKAI_PERSON=reviewer), tmp)
    try:
        app = wait_for_app(proc)
        if app is None:
            return 1

        tab = wait_for(lambda: find_shown(app, words['tab'], 'page tab'))
        if not check(tab is not None, f'a tab named {words["tab"]}'):
            return 1
        click(tab)
        check(wait_for(lambda: find_shown(app, reviewer, 'label')),
              f'the header bar shows {reviewer} as the current person')

        row = wait_for(lambda: listed(app, words['plans'], title))
        if not check(row is not None, f'“{title}” is listed as waiting for {reviewer}',
                     lambda: shown_names(app)[:80]):
            return 1
        click(row)

        review = wait_for(lambda: find_shown(app, words['review'], 'push button'))
        if not check(review is not None, f'a {words["review"]} button for the reviewer',
                     lambda: shown_names(app)[:80]):
            return 1

        check(choose_in_combo(app, words['secrecy'], words['passed']),
              f'the review form: {words["secrecy"]} {words["passed"]}')
        check(choose_in_combo(app, words['risk'], words['medium']),
              f'the review form: {words["risk"]} {words["medium"]}')

        click(find_shown(app, words['review'], 'push button'))

        check(wait_for(lambda: listed(app, words['plans'], title) is None, 10),
              'the plan leaves the list of plans waiting for me')
        fields = notice_fields(cli, db, notice_id)
        check(fields.get('state') == 'reviewed', 'the plan is reviewed in the database', fields)

        conn = sqlite3.connect(db)
        try:
            note = conn.execute('SELECT note FROM notice_events WHERE notice_id = ?'
                                ' ORDER BY id DESC LIMIT 1', (notice_id,)).fetchone()
        finally:
            conn.close()
        # The step's note is written in the interface language.
        risk = re.compile(re.escape(words['risk']) + r'.{0,3}' + re.escape(words['medium']) + '|medium')
        check(note is not None and risk.search(note[0] or ''),
              'the review records the risk chosen in the form (not the default)', note)
        check(wait_for(lambda: find_shown(app, words['reviewed'], 'label'), 5),
              f'the detail pane shows the new state {words["reviewed"]}')
        check(proc.poll() is None, 'the application is still running')
    finally:
        output = stop(proc, log)
    check_log(output)

    return 0 if all(results) else 1


if __name__ == '__main__':
    run_app_test(check_app)
