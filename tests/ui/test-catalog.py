#!/usr/bin/python3
# test-catalog.py: the 公开目录 tab through the accessibility tree. On the demo
# database, as party office (孙丽娟): item 21 is found by searching, changed
# in the item dialog with a reason, and the revision shows in
# `gongkai-cli catalog history`; then the catalog is filed (备案) and the
# filing banner names the filer. Prints TAP.
#
# The interface runs in English (C.UTF-8): the names clicked are the msgids,
# so the test does not depend on how a translator words them.
#
# Run by run-smoke.sh inside xvfb-run and dbus-run-session, with an
# accessibility bus; needs GONGKAI_GUI and GONGKAI_CLI.

import os
import shutil
import subprocess
import sys
import tempfile
import time

import gi
gi.require_version('Atspi', '2.0')
from gi.repository import Atspi  # noqa: E402

PERSON = '孙丽娟'
DUES_ITEM = '党费收缴、管理和使用情况'
ADDED = '（含返还）'
REASON = '按上级通知补充返还情况'

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
    try:
        return node.get_extents(Atspi.CoordType.WINDOW).width > 0
    except Exception:
        return False


def walk(node, depth=0):
    if node is None or depth > 60:
        return
    yield node
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


def find_shown(root, name, role=None, prefix=False):
    for node in walk(root):
        text = name_of(node)
        if ((text.startswith(name) if prefix else text == name)
                and (role is None or role_of(node) == role) and on_screen(node)):
            return node
    return None


def find_button(root, label):
    """A push button by its label; GTK 4.8 names a button whose label has a
    mnemonic "_Label Label", unless the .ui gives it a name."""
    for node in walk(root):
        text = name_of(node)
        if (role_of(node) == 'push button' and on_screen(node)
                and (text == label or text.endswith(' ' + label))):
            return node
    return None


def sensitive(node):
    try:
        return node.get_state_set().contains(Atspi.StateType.SENSITIVE)
    except Exception:
        return False


def shown_names(root):
    return sorted({name_of(n) for n in walk(root) if on_screen(n)} - {''})


def click(node):
    rect = node.get_extents(Atspi.CoordType.WINDOW)
    Atspi.generate_mouse_event(rect.x + rect.width // 2, rect.y + rect.height // 2, 'b1c')
    time.sleep(0.5)


def type_text(text):
    for char in text:
        keysym = ord(char) if ord(char) < 0x100 else 0x01000000 + ord(char)
        Atspi.generate_keyboard_event(keysym, None, Atspi.KeySynthType.SYM)
        time.sleep(0.05)


def set_text(node, text):
    """Through EditableText when GTK offers it, else as a person types."""
    for editable in walk(node):
        try:
            if (role_of(editable) in ('entry', 'text')
                    and editable.get_state_set().contains(Atspi.StateType.EDITABLE)
                    and Atspi.EditableText.set_text_contents(editable, text)):
                return
        except Exception:
            continue
    click(node)
    type_text(text)


def history(cli, db):
    return subprocess.run([cli, 'catalog', 'history', db, '21'],
                          capture_output=True, text=True).stdout


def main():
    gui = os.environ.get('GONGKAI_GUI')
    cli = os.environ.get('GONGKAI_CLI')
    if not gui or not os.access(gui, os.X_OK) or not cli or not os.access(cli, os.X_OK):
        print('1..0 # SKIP GONGKAI_GUI and GONGKAI_CLI must be set to executables')
        return 0

    tmp = tempfile.mkdtemp(prefix='gongkai-ui-')
    db = os.path.join(tmp, 'catalog.db')
    init = subprocess.run([cli, 'init', db, '--demo'], capture_output=True, text=True)
    if not check(init.returncode == 0, 'gongkai-cli init --demo creates the demo database', init.stderr):
        return 1

    env = dict(os.environ, LANG='C.UTF-8', LC_ALL='C.UTF-8', LANGUAGE='',
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

        entry = wait_for(lambda: find_shown(app, 'Search the catalog'))
        if not check(entry is not None, 'the catalog tab has its search entry', shown_names(app)[:60]):
            return 1
        check(wait_for(lambda: find_shown(app, 'This catalog has not been filed', prefix=True)),
              'the filing banner says the catalog was never filed')
        set_text(entry, '党费')
        check(wait_for(lambda: find_shown(app, '1 item')), 'searching for 党费 leaves one item')

        row = wait_for(lambda: find_shown(app, DUES_ITEM))
        if not check(row is not None, 'item 21 is listed'):
            return 1
        click(row)
        edit = wait_for(lambda: (lambda b: b if b is not None and sensitive(b) else None)(
            find_button(app, 'Edit…')))
        if not check(edit is not None, 'party office may edit the selected item', shown_names(app)[:80]):
            return 1
        click(edit)

        dialog = wait_for(lambda: find_shown(app, 'Change Catalog Item', 'frame'))
        if not check(dialog is not None, 'the item dialog opens', shown_names(app)[:80]):
            return 1
        content = find_shown(dialog, 'Content')
        reason = find_shown(dialog, 'Reason')
        save = find_button(dialog, 'Save')
        if not check(content is not None and reason is not None and save is not None,
                     'the dialog has Content, Reason and Save', shown_names(dialog)[:80]):
            return 1
        check(not sensitive(save), 'Save waits for a reason')
        set_text(content, DUES_ITEM + ADDED)
        set_text(reason, REASON)
        check(wait_for(lambda: sensitive(save), 5), 'with a reason the item may be saved')
        click(save)

        check(wait_for(lambda: find_shown(app, 'Change Catalog Item', 'frame') is None, 10),
              'the dialog closes after saving')
        check(wait_for(lambda: find_shown(app, DUES_ITEM + ADDED)), 'the list shows the new content')
        revisions = wait_for(lambda: (lambda h: h if REASON in h else None)(history(cli, db)), 10) or ''
        check(REASON in revisions and DUES_ITEM + ADDED in revisions and PERSON in revisions,
              'gongkai-cli catalog history 21 shows the revision, its reason and who made it', revisions)

        file_button = find_button(app, 'File…')
        if not check(file_button is not None and sensitive(file_button), 'party office may file the catalog'):
            return 1
        click(file_button)
        confirm = wait_for(lambda: find_button(app, 'File'))
        if not check(confirm is not None, 'filing asks first', shown_names(app)[:80]):
            return 1
        click(confirm)
        banner = wait_for(lambda: find_shown(app, 'Filed on', prefix=True))
        check(banner is not None and PERSON in name_of(banner) and 'no changes since' in name_of(banner),
              'the banner says when and by whom the catalog was filed', name_of(banner) if banner else '')
        filing = subprocess.run([cli, 'catalog', 'filing', db], capture_output=True, text=True).stdout
        check(f'filed-by: {PERSON}' in filing, 'the filing is in the database', filing)
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
