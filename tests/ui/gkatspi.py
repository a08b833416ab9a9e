# gkatspi.py: what the UI tests share. They drive the real application
# through the accessibility tree (AT-SPI), as a screen reader would, and
# print TAP: check() counts the results, run() prints the plan.
#
# A test-*.py script imports it from its own folder (run-smoke.sh runs the
# script by its path, so the folder is on sys.path). A test that needs
# Criticals not to be fatal in this client changes G_DEBUG before importing
# this module, which loads GLib.

import gettext
import os
import shutil
import subprocess
import sys
import tempfile
import time

import gi
gi.require_version('Atspi', '2.0')
from gi.repository import Atspi  # noqa: E402

results = []


def check(ok, name, diagnostic=''):
    """Prints the result; on a failure, DIAGNOSTIC, or what it returns when
    it is a function: a walk of a whole window can take seconds, which
    passing results should not pay."""
    results.append(bool(ok))
    print(f"{'ok' if ok else 'not ok'} {len(results)} - {name}", flush=True)
    if not ok and callable(diagnostic):
        diagnostic = diagnostic()
    if not ok and diagnostic:
        for line in str(diagnostic).splitlines():
            print(f'# {line}', flush=True)
    return ok


def skip(name, reason):
    results.append(True)
    print(f'ok {len(results)} - {name} # SKIP {reason}', flush=True)


def run(main):
    """Runs MAIN, prints the TAP plan and exits with MAIN's status."""
    status = main()
    print(f'1..{len(results)}')
    sys.exit(status)



def run_app_test(check_app):
    """Runs CHECK_APP(gui, cli, tmp) with the programs under test and a
    temporary folder, removed afterwards; as run() does, prints the plan."""
    def main():
        found = programs()
        if found is None:
            return 0
        gui, cli = found
        tmp = tempfile.mkdtemp(prefix='gongkai-ui-')
        try:
            return check_app(gui, cli, tmp)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    run(main)


# The tree

# Roles whose nodes walk() yields without what is under them.
_left_out = set()


def leave_out(role):
    """Makes every walk yield the nodes of ROLE without their subtrees: a test
    that never looks into the catalog's table ('tree table', hundreds of
    cells) keeps its walks fast."""
    _left_out.add(role)


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
    """Hidden stack pages and the folded-away view switcher have no extents."""
    try:
        return node.get_extents(Atspi.CoordType.WINDOW).width > 0
    except Exception:
        return False


def has_state(node, state):
    try:
        return node.get_state_set().contains(state)
    except Exception:
        return False


def sensitive(node):
    return has_state(node, Atspi.StateType.SENSITIVE)


def is_selected(node):
    return has_state(node, Atspi.StateType.SELECTED)


def walk(node, depth=0, newest_first=False):
    """NODE and what is under it, depth first; with NEWEST_FIRST, the last
    child of each node first: a toast, added after a window's content, is
    then reached before the content is walked."""
    if node is None or depth > 60:
        return
    yield node
    if _left_out and role_of(node) in _left_out:
        return
    try:
        count = node.get_child_count()
    except Exception:  # a node can vanish while we walk
        return
    for i in (reversed(range(count)) if newest_first else range(count)):
        try:
            child = node.get_child_at_index(i)
        except Exception:
            continue
        yield from walk(child, depth + 1, newest_first)


def names(root):
    """The names of every node under ROOT, shown or not."""
    return {name_of(n) for n in walk(root)}


def shown_names(root):
    return sorted({name_of(n) for n in walk(root) if on_screen(n)} - {''})


def find_shown(root, name, role=None, prefix=False):
    """The first node on screen under ROOT named NAME, or one of NAME when it
    is a collection (a translated name and its msgid); with PREFIX, a name
    that starts so."""
    wanted = (name,) if isinstance(name, str) else tuple(name)
    for node in walk(root):
        text = name_of(node)
        if ((any(text.startswith(w) for w in wanted) if prefix else text in wanted)
                and (role is None or role_of(node) == role) and on_screen(node)):
            return node
    return None


def find_button(root, label, newest_first=False):
    """A push button by its label; GTK 4.8 names a button whose label has a
    mnemonic "_Label Label", unless the .ui gives it a name."""
    for node in walk(root, newest_first=newest_first):
        text = name_of(node)
        if (role_of(node) == 'push button' and on_screen(node)
                and (text == label or text.endswith(' ' + label))):
            return node
    return None


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


# Input

KEYSYMS = {'Tab': 0xff09, 'Return': 0xff0d, 'Escape': 0xff1b, 'Home': 0xff50, 'Left': 0xff51,
           'Up': 0xff52, 'Right': 0xff53, 'Down': 0xff54, 'Page_Up': 0xff55, 'Page_Down': 0xff56,
           'End': 0xff57}


def click(node):
    rect = node.get_extents(Atspi.CoordType.WINDOW)
    # Without a window manager the window sits at the origin of the screen.
    Atspi.generate_mouse_event(rect.x + rect.width // 2, rect.y + rect.height // 2, 'b1c')
    time.sleep(0.5)


def activate(node):
    """NODE's first action, else a click on it."""
    try:
        node.get_action_iface().do_action(0)
        time.sleep(0.5)
    except Exception:
        click(node)


def press(keysym_name):
    """Presses and releases a key of KEYSYMS."""
    Atspi.generate_keyboard_event(KEYSYMS[keysym_name], None,
                                  Atspi.KeySynthType.PRESSRELEASE | Atspi.KeySynthType.SYM)
    time.sleep(0.5)


def chord(keysym, *modifiers):
    """Presses KEYSYM while holding MODIFIERS, given by their keycodes (a
    synthesized keysym event is a press and a release)."""
    for keycode in modifiers:
        Atspi.generate_keyboard_event(keycode, None, Atspi.KeySynthType.PRESS)
    Atspi.generate_keyboard_event(keysym, None, Atspi.KeySynthType.PRESSRELEASE | Atspi.KeySynthType.SYM)
    for keycode in reversed(modifiers):
        Atspi.generate_keyboard_event(keycode, None, Atspi.KeySynthType.RELEASE)
    time.sleep(0.7)


def windows_of(app):
    """The windows of APP: the application's children, of whatever role
    (frame, dialog, file chooser, alert…)."""
    try:
        count = app.get_child_count()
    except Exception:
        return []
    windows = []
    for i in range(count):
        try:
            windows.append(app.get_child_at_index(i))
        except Exception:
            continue
    return windows


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


# The application

def interface_catalog(chinese):
    """The app's message catalog: zh_CN from GONGKAI_LOCALEDIR when CHINESE,
    else the msgids themselves."""
    if chinese and os.environ.get('GONGKAI_LOCALEDIR'):
        return gettext.translation('gongkai', os.environ['GONGKAI_LOCALEDIR'], ['zh_CN'], fallback=True)
    return gettext.NullTranslations()


def approved_notice(cli, db, person):
    """(id, title) of the demo's first approved notice PERSON is to publish,
    checked; None without one."""
    approved = subprocess.run([cli, 'notice', 'list', db, '--state', 'approved', '--waiting-for', person],
                              capture_output=True, text=True).stdout.splitlines()
    if not check(approved, f'the demo has an approved plan for {person} to publish'):
        return None
    notice_id, _state, _date, title = approved[0].split('\t', 3)
    print(f'# notice {notice_id} “{title}”')
    return notice_id, title


def interface_words(chinese):
    """words(MSGID, CONTEXT=None): MSGID and, when CHINESE, its zh_CN translation from
    GONGKAI_LOCALEDIR, as written and as shown (a label with a mnemonic shows
    without its underscore: 添加(A))."""
    catalog = interface_catalog(chinese)

    def words(msgid, context=None):
        translated = catalog.pgettext(context, msgid) if context else catalog.gettext(msgid)
        forms = {translated, msgid}
        return forms | {form.replace('_', '') for form in forms}
    return words


def find_button_named(root, forms, newest_first=False):
    """A push button labelled one of FORMS (see interface_words)."""
    for label in forms:
        node = find_button(root, label.replace('_', ''), newest_first)
        if node is not None:
            return node
    return None


def have_locale(name):
    out = subprocess.run(['locale', '-a'], capture_output=True, text=True).stdout.split()
    wanted = name.lower().replace('-', '')
    return any(l.lower().replace('-', '') == wanted for l in out)


def executable(variable):
    """The program environment variable VARIABLE names, if it can run."""
    path = os.environ.get(variable)
    return path if path and os.access(path, os.X_OK) else None


def programs():
    """(GONGKAI_GUI, GONGKAI_CLI), or None once the test is skipped for want
    of them."""
    gui, cli = executable('GONGKAI_GUI'), executable('GONGKAI_CLI')
    if not gui or not cli:
        print('1..0 # SKIP GONGKAI_GUI and GONGKAI_CLI must be set to executables')
        return None
    return gui, cli


def init_demo(cli, tmp, name):
    """A demo database TMP/NAME made by gongkai-cli, or None."""
    db = os.path.join(tmp, name)
    init = subprocess.run([cli, 'init', db, '--demo'], capture_output=True, text=True)
    if not check(init.returncode == 0, 'gongkai-cli init --demo creates the demo database', init.stderr):
        return None
    return db


def app_env(tmp, lang, **extra):
    """The application's environment: LANG, its accessibility bridge,
    settings in memory, its data and configuration under TMP; EXTRA on top."""
    return dict(os.environ, LANG=lang, LC_ALL=lang, LANGUAGE='',
                GTK_A11Y='atspi', NO_AT_BRIDGE='0',
                GSETTINGS_BACKEND='memory',
                XDG_DATA_HOME=os.path.join(tmp, 'data'),
                XDG_CONFIG_HOME=os.path.join(tmp, 'config'),
                **extra)


def launch(gui, db, env, tmp):
    """Starts GUI on DB: (the process, the file in TMP its output goes to)."""
    for attempt in range(3):
        log = open(os.path.join(tmp, 'gui.log'), 'w+')
        proc = subprocess.Popen([gui, '--database', db], env=env, stdout=log, stderr=log)
        proc.gk_log_path = log.name
        # About one launch in ten in CI dies at once with "cannot open
        # display" although the test's Xvfb is listening (seen with
        # xvfb-run and with -displayfd alike): that is the harness's X,
        # not the app under test, so launch it again, and say so.
        try:
            proc.wait(2)
        except subprocess.TimeoutExpired:
            return proc, log
        log.seek(0)
        said = log.read()
        if 'cannot open display' not in said:
            return proc, log
        print(f'# launch {attempt + 1}: {said.strip()[-200:]}; launching again')
        log.close()
    return proc, open(proc.gk_log_path)


def wait_for_app(proc):
    """PROC's application on the accessibility bus, checked, or None."""
    app = wait_for(lambda: find_app(proc.pid), 20)
    said = ''
    if app is None and getattr(proc, 'gk_log_path', None):
        with open(proc.gk_log_path) as log:
            said = log.read()[-2000:]
        # Who listens on X sockets, for a display the app could not open.
        try:
            listening = subprocess.run(['ss', '-xlp'], capture_output=True, text=True).stdout
        except OSError:
            listening = ''  # no iproute2
        said += '\n'.join(line for line in listening.splitlines() if 'X11' in line)
    check(app is not None, 'the application shows up on the accessibility bus',
          f'exit status {proc.poll()}; DISPLAY={os.environ.get("DISPLAY")}\n{said}')
    return app


def stop(proc, log):
    """Ends PROC; returns what it wrote to LOG, and closes LOG."""
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.seek(0)
    output = log.read()
    log.close()
    return output


def check_log(output):
    critical = [line for line in output.splitlines() if 'CRITICAL' in line or 'WARNING' in line]
    check(not critical, 'no criticals or warnings in the log', '\n'.join(critical[:10]))
