#!/usr/bin/python3
# test-supervision.py: the 督查 tab through the accessibility tree. On the
# demo database, as party office (孙丽娟): the tab is shown; the overdue
# dashboard lists the first line `gongkai-cli dashboard` prints; the annual
# report of this year shows the number of notices published that the CSV of
# `gongkai-cli report --year` totals (合计 of table 二), and Export PDF…
# saves it through the file chooser as a PDF that reads, word for word, as
# the one gongkai-cli makes; Verify Chain says ok.
# The demo is generated relative to today, so every expectation is computed
# from gongkai-cli. The feedback page flags the major public-opinion note
# for reporting upward. Then as 吴海燕, who answers for the demo's overdue
# rectification: it is on its deadline's day in the calendar's month grid
# and agenda, overdue, and the inbox's banner counts it and opens it with
# Mark Rectified…, which records the completion in the file. Last, the same file opened with --read-only: New
# Inspection… and Record Opinion… are insensitive and say why in their
# tooltip. Prints TAP.
#
# Run by run-smoke.sh on its own Xvfb and D-Bus session, with an
# accessibility bus; needs GONGKAI_GUI and GONGKAI_CLI.

import csv
import datetime
import os
import subprocess
import sys
import time

# Criticals are fatal for the application under test, not for this
# client: the accessibility library warns when the bus is slow to answer.
GUI_G_DEBUG = os.environ.get('G_DEBUG', '')
os.environ['G_DEBUG'] = ','.join(f for f in GUI_G_DEBUG.split(',') if f and f != 'fatal-criticals')

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gkatspi import (activate, app_env, check, check_log, chord, click,  # noqa: E402
                     find_button_named, find_shown, have_locale, init_demo, interface_catalog,
                     launch, leave_out, name_of, on_screen, press, results, role_of, run_app_test,
                     sensitive, set_text, stop, type_text, wait_for, wait_for_app, walk)

RESPONSIBLE = '吴海燕'

# The catalog's table: hundreds of cells, and nothing here is in it.
leave_out('tree table')

PERSON = '孙丽娟'
CONTROL = 37  # the keycode of Control_L


def pdf_text(path):
    """The words of the PDF at PATH, laid out as on the page."""
    return subprocess.run(['pdftotext', '-layout', path, '-'], capture_output=True, text=True).stdout


def export_report(app, words, tmp):
    """Export PDF… into TMP through GTK's own file chooser (no portal here):
    its name field has the focus, and Ctrl+A and a path typed replace the
    suggested name. The path, or None."""
    export = find_button_named(app, words['export'])
    if not check(export is not None, 'an Export PDF… button under the report'):
        return None
    click(export)
    time.sleep(1.5)
    path = os.path.join(tmp, 'exported-report.pdf')
    chord(ord('a'), CONTROL)
    type_text(path)
    press('Return')
    # Written beside and renamed into place: there only once complete.
    check(wait_for(lambda: os.path.exists(path), 60), f'Save writes {path}')
    return path


def published_total(cli, db, year, tmp):
    """The 合计 of table 二 of the annual report's CSV: notices published."""
    pdf = os.path.join(tmp, 'report.pdf')
    path = os.path.join(tmp, 'report.csv')
    run = subprocess.run([cli, 'report', db, '--year', str(year), '-o', pdf, '--csv', path],
                         capture_output=True, text=True)
    if run.returncode != 0:
        return None
    in_table = False
    with open(path, newline='', encoding='utf-8') as f:
        for row in csv.reader(f):
            if row and row[0].startswith('二、'):
                in_table = True
            elif in_table and row and row[0] == '合计':
                return row[1]
            elif in_table and not any(row):
                in_table = False
    return None


def overdue_finding(cli, db):
    """(deadline, finding) of the first overdue rectification that
    `gongkai-cli inspection list` prints, or None."""
    out = subprocess.run([cli, 'inspection', 'list', db], capture_output=True, text=True).stdout
    for line in out.splitlines():
        fields = line.split('\t')
        if len(fields) >= 7 and fields[4] == 'overdue':
            return datetime.date.fromisoformat(fields[5]), fields[6]
    return None


def first_shown_day(today):
    """The Monday the month view of TODAY's month starts with."""
    first = today.replace(day=1)
    return first - datetime.timedelta(days=first.weekday())


def find_containing(root, parts, role=None):
    """The first node on screen whose name contains every one of PARTS."""
    for node in walk(root):
        text = name_of(node)
        if all(part in text for part in parts) and (role is None or role_of(node) == role) and on_screen(node):
            return node
    return None


def check_responsible(gui, cli, db, tmp, lang, catalog):
    """As the person who answers for the overdue rectification: the
    calendar shows it on its deadline, the inbox's banner counts it."""
    found = overdue_finding(cli, db)
    if not check(found is not None, 'gongkai-cli inspection list has an overdue rectification'):
        return
    deadline, finding = found
    print(f'# overdue rectification: {finding}, deadline {deadline}')
    words = {key: {catalog.gettext(msgid).replace('_', ''), msgid.replace('_', '')} for key, msgid in
             dict(calendar='Calendar', previous='Previous Month', agenda='Agenda', inbox='Approvals',
                  show='_Show…', mark='Mark _Rectified…', accept='_Mark Rectified', note='What was done').items()}
    banner = {catalog.ngettext('%u rectification overdue', '%u rectifications overdue', 1) % 1,
              '1 rectification overdue'}
    overdue = '逾期未整改'

    env = app_env(tmp, lang, G_DEBUG=GUI_G_DEBUG, GONGKAI_PERSON=RESPONSIBLE)
    proc, log = launch(gui, db, env, tmp)
    try:
        app = wait_for_app(proc)
        if app is None:
            return

        tab = wait_for(lambda: find_shown(app, words['calendar'], 'page tab'))
        if not check(tab is not None, 'a Calendar tab'):
            return
        click(tab)
        if deadline < first_shown_day(datetime.date.today()):
            previous = wait_for(lambda: find_shown(app, words['previous'], 'push button'))
            if not check(previous is not None, 'a Previous Month button'):
                return
            activate(previous)
        entry = wait_for(lambda: find_containing(app, [finding], 'label'), 10)
        if not check(entry is not None, f'the month grid shows the rectification due on {deadline}'):
            return
        click(entry)

        def agenda_row():
            agenda = find_shown(app, words['agenda'], 'list')
            return find_containing(agenda, [finding, overdue], 'list item') if agenda is not None else None

        check(wait_for(agenda_row, 10), f'the agenda of {deadline} lists it as {overdue}')

        inbox = wait_for(lambda: find_shown(app, words['inbox'], 'page tab'))
        if not check(inbox is not None, 'an Approvals tab'):
            return
        click(inbox)
        check(wait_for(lambda: find_shown(app, banner, 'label'), 10),
              f'the inbox of {RESPONSIBLE} says {" or ".join(sorted(banner))}')
        show = wait_for(lambda: find_shown(app, words['show'], 'push button'))
        if not check(show is not None, 'the banner has a Show button'):
            return
        activate(show)
        mark = wait_for(lambda: find_containing(app, [finding], 'label'), 10) \
            and wait_for(lambda: find_shown(app, words['mark'], 'push button'), 10)
        if check(mark, 'it opens the finding with Mark Rectified…'):
            # Written by a worker (gk_write_job_run()): the file says so.
            activate(mark)
            accept = wait_for(lambda: find_shown(app, words['accept'], 'push button'), 10)
            note = wait_for(lambda: find_shown(app, words['note'], 'text'), 10)
            if check(accept is not None and note is not None, 'Mark Rectified… asks when and how'):
                set_text(note, '已补充公开并整改到位')
                activate(accept)
                check(wait_for(lambda: overdue_finding(cli, db) is None, 15),
                      'the rectification is recorded in the file', overdue_finding(cli, db))
        check(proc.poll() is None, 'the application is still running')
    finally:
        output = stop(proc, log)
    check_log(output)


def check_read_only(gui, db, tmp, lang, catalog):
    """The file opened with --read-only: the tab's editing actions are
    insensitive, with the read-only tooltip."""
    words = {key: {catalog.gettext(msgid).replace('_', ''), msgid.replace('_', '')} for key, msgid in
             dict(tab='Supervision', inspections='Inspections', feedback='Feedback and Opinion',
                  new='_New Inspection…', opinion='Record _Opinion…').items()}
    # The tooltip starts with the words before the reason.
    read_only = {catalog.gettext('The database is read-only: %s').split('%s')[0],
                 'The database is read-only: '}

    env = app_env(tmp, lang, G_DEBUG=GUI_G_DEBUG, GONGKAI_PERSON=PERSON)
    log = open(os.path.join(tmp, 'gui-read-only.log'), 'w+')
    proc = subprocess.Popen([gui, '--database', db, '--read-only'], env=env, stdout=log, stderr=log)
    try:
        app = wait_for_app(proc)
        if app is None:
            return
        tab = wait_for(lambda: find_shown(app, words['tab'], 'page tab'))
        if not check(tab is not None, 'read-only: the Supervision tab is shown'):
            return
        # The window names the tab's page after it; the first click may come
        # before the window is laid out, hence again until the page shows.
        panel = wait_for(lambda: click(tab) or next((n for n in walk(app) if name_of(n) in words['tab']
                                                     and role_of(n) == 'panel' and on_screen(n)), None))
        if not check(panel is not None, 'read-only: the Supervision page is shown'):
            return
        for page, button in (('inspections', 'new'), ('feedback', 'opinion')):
            # 督查 names both the tab and the page's own tab of inspections.
            switch = wait_for(lambda: find_shown(panel, words[page], 'page tab'))
            if not check(switch is not None, f'read-only: a {page} switch'):
                return
            activate(switch)
            node = wait_for(lambda: find_shown(panel, words[button], 'push button'))
            if not check(node is not None, f'read-only: a {button} button',
                         [f'{role_of(n)} {name_of(n)}' for n in walk(app)
                          if role_of(n) == 'push button' and on_screen(n)]):
                return
            description = node.get_description() or ''
            check(not sensitive(node), f'read-only: {" or ".join(sorted(words[button]))} is insensitive')
            check(any(description.startswith(r) for r in read_only),
                  'read-only: its tooltip says the database is read-only', description)
        check(proc.poll() is None, 'read-only: the application is still running')
    finally:
        output = stop(proc, log)
    check_log(output)


def supervise(gui, cli, tmp):
    """Party office's tab, then the responsible person's calendar and inbox."""
    db = init_demo(cli, tmp, 'supervision.db')
    if db is None:
        return 1

    dashboard = subprocess.run([cli, 'dashboard', db], capture_output=True, text=True).stdout
    lines = [l.split('\t') for l in dashboard.splitlines() if l.count('\t') >= 3]
    if not check(lines, 'gongkai-cli dashboard lists something overdue', dashboard):
        return 1
    overdue_text = lines[0][-1]
    year = datetime.date.today().year
    total = published_total(cli, db, year, tmp)
    report_pdf = os.path.join(tmp, 'report.pdf')
    if not check(total is not None, f'gongkai-cli report --year {year} --csv gives the total published'):
        return 1
    print(f'# first overdue line: {overdue_text}; published in {year}: {total}')

    chinese = have_locale('zh_CN.utf8')
    lang = 'zh_CN.UTF-8' if chinese else 'C.UTF-8'
    catalog = interface_catalog(chinese)
    # A label with a mnemonic shows without its underscore: 校验审计链(V).
    words = {key: {catalog.gettext(msgid).replace('_', ''), msgid.replace('_', '')} for key, msgid in
             dict(tab='Supervision', report='Annual Report', audit='Audit Trail',
                  published='Published', verify='_Verify Chain',
                  ok='Audit chain verified: ok', feedback='Feedback and Opinion',
                  upward='Report upward', export='Export _PDF…').items()}

    env = app_env(tmp, lang, G_DEBUG=GUI_G_DEBUG, GONGKAI_PERSON=PERSON)
    proc, log = launch(gui, db, env, tmp)
    try:
        app = wait_for_app(proc)
        if app is None:
            return 1

        tab = wait_for(lambda: find_shown(app, words['tab'], 'page tab'))
        if not check(tab is not None, f'party office sees a tab named {" or ".join(sorted(words["tab"]))}'):
            return 1
        click(tab)

        line = wait_for(lambda: find_shown(app, {overdue_text}))
        check(line is not None, 'the overdue dashboard shows the first line of gongkai-cli dashboard',
              overdue_text)

        report = wait_for(lambda: find_shown(app, words['report']))
        if not check(report is not None, 'an Annual Report switch'):
            return 1
        activate(report)

        def published_figure():
            for node in walk(app):
                if name_of(node) in words['published'] and on_screen(node):
                    row = node
                    # The figure is a label in the same row.
                    for _ in range(4):
                        values = [name_of(n) for n in walk(row) if role_of(n) == 'label']
                        if total in values:
                            return True
                        try:
                            row = row.get_parent()
                        except Exception:
                            break
            return False

        check(wait_for(published_figure, 10),
              f'the report of {year} shows {total} notices published, as gongkai-cli does')

        exported = export_report(app, words, tmp)
        if exported is not None:
            check(os.path.exists(report_pdf) and pdf_text(exported) == pdf_text(report_pdf) != '',
                  'the exported PDF reads as gongkai-cli report --year makes it',
                  lambda: pdf_text(exported)[:400] if os.path.exists(exported) else 'no file')

        feedback = wait_for(lambda: find_shown(app, words['feedback']))
        if not check(feedback is not None, 'a Feedback and Opinion switch'):
            return 1
        activate(feedback)
        check(wait_for(lambda: find_shown(app, words['upward'], 'label'), 10),
              'the major public-opinion note is flagged to be reported upward')

        audit = wait_for(lambda: find_shown(app, words['audit']))
        if not check(audit is not None, 'an Audit Trail switch'):
            return 1
        activate(audit)
        # A button with a mnemonic is named by its label.
        verify = wait_for(lambda: find_shown(app, words['verify'], 'label'))
        if not check(verify is not None, 'a Verify Chain button'):
            return 1
        click(verify)
        check(wait_for(lambda: find_shown(app, words['ok'], 'label'), 10),
              'Verify Chain says the chain is ok')
        check(proc.poll() is None, 'the application is still running')
    finally:
        output = stop(proc, log)
    check_log(output)

    check_responsible(gui, cli, db, tmp, lang, catalog)
    check_read_only(gui, db, tmp, lang, catalog)
    return 0 if all(results) else 1


if __name__ == '__main__':
    run_app_test(supervise)
