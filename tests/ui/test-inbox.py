#!/usr/bin/python3
# test-inbox.py: the 审批 tab through the accessibility tree. On the demo
# database, as the principal who is to review a submitted school-level plan:
# the plan is listed under "waiting for me", the review form is filled in and
# Review pressed, and the plan leaves the list with its state changed in the
# database. Prints TAP.
#
# Run by run-smoke.sh inside xvfb-run and dbus-run-session, with an
# accessibility bus; needs GONGKAI_GUI and GONGKAI_CLI.

import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

import gi
gi.require_version('Atspi', '2.0')
from gi.repository import Atspi  # noqa: E402

results = []


def check(ok, name, diagnostic=''):
    results.append(bool(ok))
    print(f"{'ok' if ok else 'not ok'} {len(results)} - {name}", flush=True)
    if not ok and diagnostic:
        for line in str(diagnostic).splitlines():
            print(f'# {line}', flush=True)
    return ok


def on_screen(node):
    """Hidden stack pages and the folded-away view switcher have no extents."""
    try:
        return node.get_extents(Atspi.CoordType.WINDOW).width > 0
    except Exception:
        return False


def walk(node, depth=0):
    """The nodes under NODE, but not the catalog's table: its hundreds of
    cells would make every walk slow, and nothing here is in it."""
    if node is None or depth > 60:
        return
    yield node
    if role_of(node) == 'tree table':
        return
    try:
        count = node.get_child_count()
    except Exception:  # a node can vanish while we walk
        return
    for i in range(count):
        try:
            child = node.get_child_at_index(i)
        except Exception:
            continue
        yield from walk(child, depth + 1)


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


def find_shown(root, name, role=None):
    for node in walk(root):
        if name_of(node) == name and (role is None or role_of(node) == role) and on_screen(node):
            return node
    return None


def shown_names(app):
    return sorted({name_of(n) for n in walk(app) if on_screen(n)} - {''})


def plan_list(app, list_name):
    for node in walk(app):
        if name_of(node) == list_name and on_screen(node):
            return node
    return None


def listed(app, list_name, title):
    """The label TITLE in the list of plans (the detail pane shows it too)."""
    plans = plan_list(app, list_name)
    return find_shown(plans, title, 'label') if plans is not None else None


def click(node):
    rect = node.get_extents(Atspi.CoordType.WINDOW)
    x, y = rect.x + rect.width // 2, rect.y + rect.height // 2
    # Without a window manager the window sits at the origin of the screen.
    Atspi.generate_mouse_event(x, y, 'b1c')
    time.sleep(0.5)


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


def have_locale(name):
    out = subprocess.run(['locale', '-a'], capture_output=True, text=True).stdout.split()
    wanted = name.lower().replace('-', '')
    return any(l.lower().replace('-', '') == wanted for l in out)


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


def main():
    gui = os.environ.get('GONGKAI_GUI')
    cli = os.environ.get('GONGKAI_CLI')
    if not gui or not os.access(gui, os.X_OK) or not cli or not os.access(cli, os.X_OK):
        print('1..0 # SKIP GONGKAI_GUI and GONGKAI_CLI must be set to executables')
        return 0

    tmp = tempfile.mkdtemp(prefix='gongkai-ui-')
    db = os.path.join(tmp, 'inbox.db')
    init = subprocess.run([cli, 'init', db, '--demo'], capture_output=True, text=True)
    if not check(init.returncode == 0, 'gongkai-cli init --demo creates the demo database', init.stderr):
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

    env = dict(os.environ, LANG=lang, LC_ALL=lang, LANGUAGE='',
               GTK_A11Y='atspi', NO_AT_BRIDGE='0',
               GSETTINGS_BACKEND='memory',
               GONGKAI_PERSON=reviewer,
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
        if not check(tab is not None, f'a tab named {words["tab"]}'):
            return 1
        click(tab)
        check(wait_for(lambda: find_shown(app, reviewer, 'label')),
              f'the header bar shows {reviewer} as the current person')

        row = wait_for(lambda: listed(app, words['plans'], title))
        if not check(row is not None, f'“{title}” is listed as waiting for {reviewer}',
                     shown_names(app)[:80]):
            return 1
        click(row)

        review = wait_for(lambda: find_shown(app, words['review'], 'push button'))
        if not check(review is not None, f'a {words["review"]} button for the reviewer',
                     shown_names(app)[:80]):
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
