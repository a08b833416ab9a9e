#!/usr/bin/python3
# test-supervision.py: the 督查 tab through the accessibility tree. On the
# demo database, as party office (孙丽娟): the tab is shown; the overdue
# dashboard lists the first line `gongkai-cli dashboard` prints; the annual
# report of this year shows the number of notices published that the CSV of
# `gongkai-cli report --year` totals (合计 of table 二); Verify Chain says ok.
# The demo is generated relative to today, so every expectation is computed
# from gongkai-cli. Prints TAP.
#
# Run by run-smoke.sh inside xvfb-run and dbus-run-session, with an
# accessibility bus; needs GONGKAI_GUI and GONGKAI_CLI.

import csv
import datetime
import gettext
import os
import shutil
import subprocess
import sys
import tempfile
import time

# Criticals are fatal for the application under test, not for this
# client: the accessibility library warns when the bus is slow to answer.
GUI_G_DEBUG = os.environ.get('G_DEBUG', '')
os.environ['G_DEBUG'] = ','.join(f for f in GUI_G_DEBUG.split(',') if f and f != 'fatal-criticals')

import gi  # noqa: E402
gi.require_version('Atspi', '2.0')
from gi.repository import Atspi  # noqa: E402

PERSON = '孙丽娟'

results = []


def check(ok, name, diagnostic=''):
    results.append(bool(ok))
    print(f"{'ok' if ok else 'not ok'} {len(results)} - {name}", flush=True)
    if not ok and diagnostic:
        for line in str(diagnostic).splitlines():
            print(f'# {line}', flush=True)
    return ok


def name_of(node):
    try:
        return node.get_name() or ''
    except Exception:
        return ''


def role_of(node):
    try:
        return node.get_role_name()
    except Exception:
        return ''


def on_screen(node):
    """Hidden stack pages have no extents."""
    try:
        return node.get_extents(Atspi.CoordType.WINDOW).width > 0
    except Exception:
        return False


def is_selected(node):
    try:
        return node.get_state_set().contains(Atspi.StateType.SELECTED)
    except Exception:
        return False


def walk(node, depth=0):
    """The nodes under NODE, but not the catalog's table (hundreds of cells)."""
    if node is None or depth > 60:
        return
    yield node
    if role_of(node) == 'tree table':
        return
    try:
        count = node.get_child_count()
    except Exception:
        return
    for i in range(count):
        try:
            child = node.get_child_at_index(i)
        except Exception:
            continue
        yield from walk(child, depth + 1)


def find_app(pid):
    desktop = Atspi.get_desktop(0)
    for i in range(desktop.get_child_count()):
        app = desktop.get_child_at_index(i)
        try:
            if app is not None and app.get_process_id() == pid:
                return app
        except Exception:
            continue
    return None


def wait_for(predicate, timeout=15.0):
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.25)


def find_shown(root, names, role=None):
    """The first node on screen named one of NAMES (the Chinese name, or the
    English one while a string is not translated yet)."""
    for node in walk(root):
        if name_of(node) in names and (role is None or role_of(node) == role) and on_screen(node):
            return node
    return None


def click(node):
    rect = node.get_extents(Atspi.CoordType.WINDOW)
    # Without a window manager the window sits at the origin of the screen.
    Atspi.generate_mouse_event(rect.x + rect.width // 2, rect.y + rect.height // 2, 'b1c')
    time.sleep(0.5)



def have_locale(name):
    out = subprocess.run(['locale', '-a'], capture_output=True, text=True).stdout.split()
    wanted = name.lower().replace('-', '')
    return any(l.lower().replace('-', '') == wanted for l in out)


def activate(node):
    try:
        node.get_action_iface().do_action(0)
        time.sleep(0.5)
    except Exception:
        click(node)


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


def main():
    gui = os.environ.get('GONGKAI_GUI')
    cli = os.environ.get('GONGKAI_CLI')
    if not gui or not os.access(gui, os.X_OK) or not cli or not os.access(cli, os.X_OK):
        print('1..0 # SKIP GONGKAI_GUI and GONGKAI_CLI must be set to executables')
        return 0

    tmp = tempfile.mkdtemp(prefix='gongkai-ui-')
    db = os.path.join(tmp, 'supervision.db')
    init = subprocess.run([cli, 'init', db, '--demo'], capture_output=True, text=True)
    if not check(init.returncode == 0, 'gongkai-cli init --demo creates the demo database', init.stderr):
        return 1

    dashboard = subprocess.run([cli, 'dashboard', db], capture_output=True, text=True).stdout
    lines = [l.split('\t') for l in dashboard.splitlines() if l.count('\t') >= 3]
    if not check(lines, 'gongkai-cli dashboard lists something overdue', dashboard):
        return 1
    overdue_text = lines[0][-1]
    year = datetime.date.today().year
    total = published_total(cli, db, year, tmp)
    if not check(total is not None, f'gongkai-cli report --year {year} --csv gives the total published'):
        return 1
    print(f'# first overdue line: {overdue_text}; published in {year}: {total}')

    chinese = have_locale('zh_CN.utf8')
    lang = 'zh_CN.UTF-8' if chinese else 'C.UTF-8'
    catalog = gettext.NullTranslations()
    if chinese and os.environ.get('GONGKAI_LOCALEDIR'):
        catalog = gettext.translation('gongkai', os.environ['GONGKAI_LOCALEDIR'], ['zh_CN'], fallback=True)
    # A label with a mnemonic shows without its underscore: 校验审计链(V).
    words = {key: {catalog.gettext(msgid).replace('_', ''), msgid.replace('_', '')} for key, msgid in
             dict(tab='Supervision', report='Annual Report', audit='Audit Trail',
                  published='Published', verify='_Verify Chain',
                  ok='Audit chain verified: ok').items()}

    env = dict(os.environ, LANG=lang, LC_ALL=lang, LANGUAGE='', G_DEBUG=GUI_G_DEBUG,
               GTK_A11Y='atspi', NO_AT_BRIDGE='0',
               GSETTINGS_BACKEND='memory',
               GONGKAI_PERSON=PERSON,
               XDG_DATA_HOME=os.path.join(tmp, 'data'),
               XDG_CONFIG_HOME=os.path.join(tmp, 'config'))
    log = open(os.path.join(tmp, 'gui.log'), 'w+')
    proc = subprocess.Popen([gui, '--database', db], env=env, stdout=log, stderr=log)
    try:
        app = wait_for(lambda: find_app(proc.pid), 20)
        if not check(app is not None, 'the application shows up on the accessibility bus',
                     f'exit status {proc.poll()}'):
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
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.seek(0)
        output = log.read()
        log.close()
        shutil.rmtree(tmp, ignore_errors=True)
    critical = [l for l in output.splitlines() if 'CRITICAL' in l or 'WARNING' in l]
    check(not critical, 'no criticals or warnings in the log', '\n'.join(critical[:10]))

    return 0 if all(results) else 1


if __name__ == '__main__':
    status = main()
    print(f'1..{len(results)}')
    sys.exit(status)
