#!/usr/bin/python3
# test-smoke.py: start the Gongkai GUI on a catalog database and use it through
# the accessibility tree, as a screen reader would: the three tabs, the catalog
# items, and a search that filters the list. Prints TAP.
#
# Run by run-smoke.sh inside xvfb-run and dbus-run-session, with an
# accessibility bus; needs GONGKAI_GUI, and GONGKAI_CLI to create the database.

import os
import shutil
import subprocess
import sys
import tempfile
import time

import gi
gi.require_version('Atspi', '2.0')
from gi.repository import Atspi  # noqa: E402

FIRST_ITEM = '贯彻执行中央和省委方针政策,上级党组织决议、决定的情况'
DUES_ITEM = '党费收缴、管理和使用情况'
QUERY = '党费'

results = []


def check(ok, name, diagnostic=''):
    results.append(bool(ok))
    print(f"{'ok' if ok else 'not ok'} {len(results)} - {name}", flush=True)
    if not ok and diagnostic:
        for line in str(diagnostic).splitlines():
            print(f'# {line}', flush=True)
    return ok


def skip(name, reason):
    results.append(True)
    print(f'ok {len(results)} - {name} # SKIP {reason}', flush=True)


def walk(node, depth=0):
    if node is None or depth > 60:
        return
    yield node
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


def names(app):
    return {name_of(n) for n in walk(app)}


def find_named(app, name, role=None):
    for node in walk(app):
        if name_of(node) == name and (role is None or node.get_role_name() == role):
            return node
    return None


def click(node):
    rect = node.get_extents(Atspi.CoordType.WINDOW)
    x, y = rect.x + rect.width // 2, rect.y + rect.height // 2
    # Without a window manager the window sits at the origin of the screen.
    Atspi.generate_mouse_event(x, y, 'b1c')


def type_text(text):
    for char in text:
        keysym = ord(char) if ord(char) < 0x100 else 0x01000000 + ord(char)
        Atspi.generate_keyboard_event(keysym, None, Atspi.KeySynthType.SYM)
        time.sleep(0.05)


def have_locale(name):
    out = subprocess.run(['locale', '-a'], capture_output=True, text=True).stdout.split()
    wanted = name.lower().replace('-', '')
    return any(l.lower().replace('-', '') == wanted for l in out)


def main():
    gui = os.environ.get('GONGKAI_GUI')
    cli = os.environ.get('GONGKAI_CLI')
    if not gui or not os.access(gui, os.X_OK):
        print('1..0 # SKIP GONGKAI_GUI is not set to an executable')
        return 0

    tmp = tempfile.mkdtemp(prefix='gongkai-ui-')
    db = os.path.join(tmp, 'smoke.db')
    if cli and os.access(cli, os.X_OK):
        init = subprocess.run([cli, 'init', db, '--template', 'jinzhong-2020'],
                              capture_output=True, text=True)
        check(init.returncode == 0, 'gongkai-cli init creates the database', init.stderr)
    else:
        skip('gongkai-cli init creates the database',
             'no gongkai-cli: the GUI creates the database itself')

    chinese = have_locale('zh_CN.utf8')
    lang = 'zh_CN.UTF-8' if chinese else 'C.UTF-8'
    if chinese:
        tabs = ['公开目录', '审批', '公开日历']
        one_item = '1 项'
    else:
        print('# the zh_CN.UTF-8 locale is missing: checking the English interface only '
              '(generate it with locale-gen to test the Chinese one)')
        tabs = ['Catalog', 'Approvals', 'Calendar']
        one_item = '1 item'

    env = dict(os.environ, LANG=lang, LC_ALL=lang, LANGUAGE='',
               GTK_A11Y='atspi', NO_AT_BRIDGE='0',
               GSETTINGS_BACKEND='memory',
               XDG_DATA_HOME=os.path.join(tmp, 'data'),
               XDG_CONFIG_HOME=os.path.join(tmp, 'config'))
    log = open(os.path.join(tmp, 'gui.log'), 'w+')
    proc = subprocess.Popen([gui, '--database', db], env=env, stdout=log, stderr=log)
    try:
        app = wait_for(lambda: find_app(proc.pid), 20)
        if not check(app is not None, 'the application shows up on the accessibility bus',
                     f'exit status {proc.poll()}'):
            log.seek(0)
            print('# ' + log.read().replace('\n', '\n# '))
            return 1

        seen = wait_for(lambda: (lambda s: s if all(t in s for t in tabs) else None)(names(app)))
        for tab in tabs:
            check(seen is not None and tab in seen, f'a tab named {tab}')
        if not chinese:
            skip('the interface is Chinese under zh_CN.UTF-8', 'zh_CN.UTF-8 locale missing')

        check(wait_for(lambda: FIRST_ITEM in names(app)), 'the catalog lists item 1')
        check(wait_for(lambda: '45 项' in names(app) if chinese else '45 items' in names(app)),
              'the count shows 45 items',
              sorted(n for n in names(app) if n and len(n) < 12))

        entry = None
        for node in walk(app):
            try:
                role = node.get_role_name()
            except Exception:
                continue
            if role in ('entry', 'text') and node.get_state_set().contains(Atspi.StateType.EDITABLE):
                entry = node
                break
        if not check(entry is not None, 'a search entry'):
            return 1

        # GTK 4.8 has no EditableText on its entries: type as a person would.
        typed = False
        try:
            typed = Atspi.EditableText.set_text_contents(entry, QUERY)
        except Exception:
            typed = False
        if typed:
            print('# typed through Atspi.EditableText')
        else:
            print('# typed with synthesized key events')
            click(entry)
            time.sleep(0.5)
            type_text(QUERY)

        filtered = wait_for(lambda: (lambda s: s if DUES_ITEM in s and FIRST_ITEM not in s else None)(names(app)))
        check(filtered is not None, f'searching for {QUERY} keeps item 21 and hides item 1',
              sorted(n for n in names(app) if n)[:40])
        check(wait_for(lambda: one_item in names(app)), f'the count shows {one_item}')

        # A file that is not a Gongkai database, handed to the running
        # instance: an error dialog, and the open database stays.
        junk = os.path.join(tmp, 'notes.txt')
        with open(junk, 'w') as f:
            f.write('not a database\n' * 100)
        remote = subprocess.run([gui, '--database', junk], env=env, capture_output=True,
                                text=True, timeout=20)
        check(remote.returncode == 0, 'a second gongkai hands --database to the first', remote.stderr)
        error_title = '无法打开数据库' if chinese else 'Could Not Open the Database'
        check(wait_for(lambda: error_title in names(app)), f'an error dialog “{error_title}”')
        check(proc.poll() is None, 'the application is still running')
        check(DUES_ITEM in names(app) and any('smoke.db' in n for n in names(app)),
              'smoke.db stays open')
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
        shutil.rmtree(tmp, ignore_errors=True)

    return 0 if all(results) else 1


if __name__ == '__main__':
    status = main()
    print(f'1..{len(results)}')
    sys.exit(status if results else status)
