#!/usr/bin/python3
# test-a11y.py: what a screen reader finds, and what a keyboard reaches. On
# the demo database, as party office (孙丽娟, who sees all four tabs): every
# control of every tab, of the header bar, of a step's dialog and of the
# preferences has a name, and one name only (GTK 4.8 reads a button whose
# label has a mnemonic twice: "_Export Export"); the rows of the lists say
# what they are. An approved plan is published with the keyboard alone
# (Tab leads from the list to the step, Ctrl+Return takes the highlighted
# step, Enter confirms it); a step not allowed does nothing. The preferences open with Ctrl+, and keep a feedback
# channel in the database and the default layout in GSettings, which the
# next new plan starts with. Then as 吴海燕, whose inbox has the banner of
# an overdue rectification: no node of the whole tree, shown or not (a tab
# not yet opened, a banner), is named twice. Prints TAP.
#
# Run by run-smoke.sh on its own Xvfb and D-Bus session, with an
# accessibility bus; needs GONGKAI_GUI and GONGKAI_CLI.

import os
import re
import sqlite3
import subprocess
import sys
import time

# The application gets the G_DEBUG of the test; this client does without
# fatal criticals, which a vanishing node may cause in the AT-SPI library.
GUI_G_DEBUG = os.environ.get('G_DEBUG', '')
os.environ['G_DEBUG'] = ','.join(f for f in GUI_G_DEBUG.split(',') if f and f != 'fatal-criticals')

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gkatspi import (Atspi, app_env, approved_notice, check, check_log, chord, click,  # noqa: E402
                     find_shown, have_locale, init_demo, interface_catalog, launch, leave_out,
                     name_of, on_screen, results, role_of, run_app_test, set_text, shown_names,
                     stop, wait_for, wait_for_app, walk, windows_of)

# The searches need not look into the catalog's table (hundreds of cells);
# controls() below does, for its rows.
leave_out('tree table')

PERSON = '孙丽娟'
FEEDBACK = '党委办公室 电话 1234'

# Roles a person acts on; they must have a name of their own.
CONTROLS = {'push button', 'toggle button', 'check box', 'radio button', 'combo box', 'entry',
            'password text', 'spin button', 'slider', 'menu item', 'check menu item',
            'radio menu item', 'page tab', 'list item', 'table row', 'tree item', 'link', 'switch'}
ROWS = {'list item', 'table row', 'tree item'}
# Roles that only hold controls, focusable or not.
CONTAINERS = {'panel', 'scroll pane', 'list', 'table', 'tree table', 'tree', 'page tab list',
              'frame', 'dialog', 'window', 'filler', 'grouping', 'tool bar', 'separator',
              'table cell', 'viewport', 'label', 'image', 'status bar', 'application'}
# What the accessibility bridge of GTK 4.8 reports for a node without a name.
TYPE_NAME = re.compile(r'^(Gtk|Adw|Gk)[A-Z][A-Za-z]*$')
# A mnemonic as a label shows it (导出(E)…, Export…) or as it is written (_E).
MNEMONIC = re.compile(r'[(（]_?[A-Za-z0-9][)）]|_')

# Keycodes of the virtual X server's keymap: AT-SPI synthesizes a keysym as
# a press and a release, so a held modifier is given by its keycode.
CONTROL, SHIFT = 37, 50
KEYSYMS = {'Return': 0xff0d, 'Escape': 0xff1b, 'Tab': 0xff09, 'Down': 0xff54, 'comma': 0x2c,
           'n': 0x6e, 'r': 0x72, 'slash': 0x2f}


def keys(name, *modifiers):
    chord(KEYSYMS[name], *modifiers)


def focused(root):
    for node in walk(root):
        try:
            if node.get_state_set().contains(Atspi.StateType.FOCUSED):
                return node
        except Exception:
            continue
    return None


def focusable(node):
    try:
        return node.get_state_set().contains(Atspi.StateType.FOCUSABLE)
    except Exception:
        return False


def bare(text):
    """TEXT without its mnemonic, in any of the forms GTK shows or keeps
    ("_E", "(_S)", "(S)", "（S）"), and without an ellipsis."""
    return MNEMONIC.sub('', text.replace('_', '')).replace('…', '').strip()


def doubled(name):
    """NAME read twice: it splits at a space into two halves equal once
    their mnemonics are left out ("_Export Export", "查看(_S)… 查看(S)…"), or
    ends with a second reading of its last part ("Current person: 王五 王五")."""
    words = name.split(' ')
    for i in range(1, len(words)):
        first, second = bare(' '.join(words[:i])), bare(' '.join(words[i:]))
        if second and first == second:
            return True
        if len(second) >= 2 and first.endswith(' ' + second):
            return True
    return False


# The rule itself, on what GTK 4.8 wrote and on names that are fine.
assert doubled('查看(_S)… 查看(S)…') and doubled('_Export Export') and doubled('Export… Export(E)…')
assert doubled('Current person: 王五 王五') and doubled('导出 PDF(_P)… 导出 PDF(P)…')
assert not doubled('查看(S)…') and not doubled('Export PDF') and not doubled('2026 年 2026-01-01')


def doubled_anywhere(root):
    """Every node under ROOT named twice, shown or not: a screen reader
    reads a tab before it is opened and a banner as soon as it appears,
    with the name it first read."""
    return sorted({f'{role_of(node)} named twice: “{name_of(node)}”' for node in walk(root)
                   if role_of(node) not in ('label', 'text') and doubled(name_of(node))})


def controls(node, prune, depth=0):
    """The nodes under NODE a person acts on, not looking into a control
    (the button inside a drop-down, the row a drop-down shows) nor under the
    nodes PRUNE keeps out."""
    if node is None or depth > 60 or prune(node):
        return
    role = role_of(node)
    if role in CONTROLS or (role not in CONTAINERS and focusable(node)):
        # A row one cannot move to is no control.
        if role not in ROWS or focusable(node):
            yield node
        return
    if role == 'table cell':
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
        yield from controls(child, prune, depth + 1)


def name_problems(root, prune=lambda node: False):
    """One line for every control on screen under ROOT without a name or with
    a doubled one."""
    problems = []
    for node in controls(root, prune):
        if not on_screen(node):
            continue
        name = name_of(node)
        if not name.strip() or TYPE_NAME.match(name):
            rect = node.get_extents(Atspi.CoordType.WINDOW)
            problems.append(f'{role_of(node)} without a name, in {role_of(node.get_parent())} '
                            f'“{name_of(node.get_parent())}” at {rect.x},{rect.y} {rect.width}×{rect.height}')
        elif doubled(name):
            problems.append(f'{role_of(node)} named twice: “{name}”')
    return sorted(set(problems))


def page_of(app, title):
    """The page of the tab TITLE: the window names each after its tab."""
    for node in walk(app):
        if name_of(node) in title and role_of(node) == 'panel':
            return node
    return None


def window_named(app, title):
    """The window of APP titled TITLE."""
    return next((window for window in windows_of(app) if name_of(window) in title), None)


def choose_next_in_combo(root, row_title):
    """Opens the combo row ROW_TITLE under ROOT and picks the choice after the
    current one with the keyboard (a popover's extents are not where it is
    on screen)."""
    row = find_shown(root, row_title, 'combo box') or find_shown(root, row_title)
    if row is None:
        return False
    click(row)
    time.sleep(1)  # the popover opens
    keys('Down')
    keys('Return')
    return True


def notice_state(cli, db, notice_id):
    out = subprocess.run([cli, 'notice', 'show', db, str(notice_id)], capture_output=True, text=True).stdout
    for line in out.splitlines():
        if line.startswith('state: '):
            return line[len('state: '):]
    return None


def stored_setting(db, key):
    conn = sqlite3.connect(db)
    try:
        row = conn.execute('SELECT value FROM settings WHERE key = ?', (key,)).fetchone()
    finally:
        conn.close()
    return row[0] if row else None


def check_app(gui, cli, tmp):
    """As party office, then as 吴海燕."""
    db = init_demo(cli, tmp, 'a11y.db')
    if db is None:
        return 1
    found = approved_notice(cli, db, PERSON)
    if found is None:
        return 1
    notice_id, title = found

    chinese = have_locale('zh_CN.utf8')
    lang = 'zh_CN.UTF-8' if chinese else 'C.UTF-8'
    catalog = interface_catalog(chinese)
    # What the interface says, translated or not yet.
    words = {key: {catalog.gettext(msgid), msgid} for key, msgid in dict(
        catalog='Catalog', approvals='Approvals', calendar='Calendar', supervision='Supervision',
        publish='Record publication', published='Published', preferences='Preferences',
        feedback='Feedback Channel', layout='Default Layout of a New Plan',
        redhead='Red-Header Document', new_plan='New Plan',
        editor_redhead='Red-header document (A4)').items()}

    env = app_env(tmp, lang, GONGKAI_PERSON=PERSON, G_DEBUG=GUI_G_DEBUG)
    # Settings in a file of TMP, to read back what the preferences kept.
    env['GSETTINGS_BACKEND'] = 'keyfile'
    proc, log = launch(gui, db, env, tmp)
    try:
        app = wait_for_app(proc)
        if app is None:
            log.seek(0)
            print('# ' + log.read().replace('\n', '\n# '))
            return 1

        tabs = ['catalog', 'approvals', 'calendar', 'supervision']
        pages = {}
        for key in tabs:
            tab = wait_for(lambda: find_shown(app, words[key], 'page tab'))
            if not check(tab is not None, f'a tab named {" or ".join(sorted(words[key]))}'):
                return 1
            click(tab)
            pages[key] = page = wait_for(lambda: page_of(app, words[key]))
            if not check(page is not None, f'the {key} page is named after its tab'):
                return 1
            time.sleep(1)

            if key == 'approvals':
                row = wait_for(lambda: find_shown(page, title, 'list item', prefix=True))
                if not check(row is not None, f'the plans’ rows are named by title and state: “{title} (…)”',
                             [name_of(n) for n in walk(page) if role_of(n) == 'list item'][:10]):
                    return 1
                click(row)
                check(wait_for(lambda: find_shown(page, words['publish'], 'push button')),
                      'the plan shows its step as a button', lambda: shown_names(page)[:60])

            # Before its own tabs are shown: what they hold is on the bus
            # already, never mapped, and a screen reader keeps the name it
            # first read.
            problems = doubled_anywhere(page)
            check(not problems, f'nothing of the {key} tab, shown or not, is named twice',
                  '\n'.join(problems[:30]))

            # A page's own tabs (督查's report and audit trail) are shown in turn.
            inner = [n for n in walk(page) if role_of(n) == 'page tab' and on_screen(n)]
            problems = name_problems(page)
            for node in inner:
                click(node)
                time.sleep(1)
                problems += name_problems(page)
            check(not problems, f'every control of the {key} tab has one name',
                  '\n'.join(sorted(set(problems))[:30]))

        header = app.get_child_at_index(0)
        check(not name_problems(header, lambda node: node in pages.values()),
              'every control of the header bar has one name',
              '\n'.join(name_problems(header, lambda node: node in pages.values())))

        # The approvals tab, with the keyboard.
        click(find_shown(app, words['approvals'], 'page tab'))
        page = pages['approvals']
        row = wait_for(lambda: find_shown(page, title, 'list item', prefix=True))
        click(row)
        wait_for(lambda: find_shown(page, words['publish'], 'push button'))

        # From the selected row, Tab goes into the plan rather than down the list.
        for _ in range(3):
            keys('Tab')
            if role_of(focused(page)) == 'push button' and name_of(focused(page)) in words['publish']:
                break
        check(role_of(focused(page)) == 'push button' and name_of(focused(page)) in words['publish'],
              'Tab goes from the list of plans to the plan’s step', name_of(focused(page)))

        keys('r', CONTROL, SHIFT)
        check(window_named(app, {catalog.gettext('Return the Plan for Revision?'),
                                 'Return the Plan for Revision?'}) is None
              and notice_state(cli, db, notice_id) == 'approved',
              'Ctrl+Shift+R does nothing to an approved plan: returning is not one of its steps')

        keys('Return', CONTROL)
        dialog = wait_for(lambda: window_named(app, {catalog.gettext('Record the Publication'),
                                                     'Record the Publication'}), 5)
        if not check(dialog is not None, 'Ctrl+Return opens the highlighted step: record the publication',
                     lambda: shown_names(app)[:60]):
            return 1
        problems = name_problems(dialog)
        check(not problems, 'every control of the step’s dialog has one name', '\n'.join(problems))
        keys('Return')
        check(wait_for(lambda: notice_state(cli, db, notice_id) == 'published', 10),
              'Enter confirms it: the plan is published in the database', notice_state(cli, db, notice_id))
        check(wait_for(lambda: find_shown(page, words['published'], 'label'), 5),
              'the plan shows its new state')

        # The preferences.
        keys('comma', CONTROL)
        prefs = wait_for(lambda: window_named(app, words['preferences']), 10)
        if not check(prefs is not None, 'Ctrl+, opens the preferences', lambda: shown_names(app)[:60]):
            return 1
        time.sleep(1)
        problems = name_problems(prefs)
        check(not problems, 'every control of the preferences has one name', '\n'.join(problems))

        check(choose_next_in_combo(prefs, words['layout']),
              'the default layout is set to the next choice, the red-header document')
        keyfile = os.path.join(tmp, 'config', 'glib-2.0', 'settings', 'keyfile')
        check(wait_for(lambda: os.path.exists(keyfile) and "default-layout='redhead'" in open(keyfile).read(), 5),
              'the default layout is kept in GSettings', open(keyfile).read() if os.path.exists(keyfile) else '')
        feedback = find_shown(prefs, words['feedback'], 'text')
        if check(feedback is not None, 'a feedback channel row', lambda: shown_names(prefs)[:60]):
            click(feedback)
            set_text(feedback, FEEDBACK)
            keys('Return')
            check(wait_for(lambda: stored_setting(db, 'feedback-channel') == FEEDBACK, 5),
                  'the feedback channel is saved in the database', stored_setting(db, 'feedback-channel'))

        # The first Escape may go to the entry or the toast.
        for _ in range(3):
            if window_named(app, words['preferences']) is None:
                break
            keys('Escape')
        check(wait_for(lambda: window_named(app, words['preferences']) is None, 5),
              'Escape closes the preferences')

        # Ctrl+/ (and Ctrl+?): the shortcuts window, built the first time.
        keys('slash', CONTROL)
        listed = {catalog.pgettext('shortcut window', 'New disclosure plan'), 'New disclosure plan'}
        shortcuts = wait_for(lambda: next((window for window in windows_of(app)
                                           if find_shown(window, listed) is not None), None), 10)
        if check(shortcuts is not None, 'Ctrl+/ opens the keyboard shortcuts window', lambda: shown_names(app)[:60]):
            # Closed, it gives the keyboard back: Ctrl+N below reaches the window.
            keys('Escape')

        keys('n', CONTROL)
        editor = wait_for(lambda: window_named(app, words['new_plan']), 10)
        if check(editor is not None, 'Ctrl+N opens a new plan', lambda: shown_names(app)[:60]):
            check(wait_for(lambda: find_shown(editor, words['editor_redhead']), 5),
                  'the new plan starts with the default layout', lambda: shown_names(editor)[:80])
            keys('Escape')

        check(proc.poll() is None, 'the application is still running')
    finally:
        output = stop(proc, log)
    check_log(output)

    check_whole_tree(gui, db, tmp, lang, catalog)
    return 0 if all(results) else 1


def check_whole_tree(gui, db, tmp, lang, catalog):
    """As 吴海燕, who answers for an overdue rectification: the inbox's
    banner and its button are on the bus once its tab is first shown (the
    window builds a tab then); nothing in the whole tree is named twice."""
    banner = {catalog.ngettext('%u rectification overdue', '%u rectifications overdue', 1) % 1,
              '1 rectification overdue'}
    show = {catalog.gettext('_Show…').replace('_', ''), 'Show…'}
    env = app_env(tmp, lang, GONGKAI_PERSON='吴海燕', G_DEBUG=GUI_G_DEBUG)
    proc, log = launch(gui, db, env, tmp)
    try:
        app = wait_for_app(proc)
        if app is None:
            return
        tab = wait_for(lambda: find_shown(app, {catalog.gettext('Approvals'), 'Approvals'}, 'page tab'))
        if not check(tab is not None, 'as 吴海燕, an Approvals tab'):
            return
        # Clicked again until the banner shows: the first click may come
        # before the window is laid out.
        check(wait_for(lambda: click(tab) or any(name_of(n) in banner for n in walk(app)), 15),
              f'the banner says {" or ".join(sorted(banner))}, once its tab is shown',
              sorted({f'{role_of(n)} {name_of(n)}' for n in walk(app) if role_of(n) in ('page tab', 'label')})[:80])
        button = wait_for(lambda: next((n for n in walk(app) if role_of(n) == 'push button'
                                        and bare(name_of(n)) in {bare(w) for w in show}), None), 10)
        check(button is not None and name_of(button) in show,
              f'the banner’s button is named {" or ".join(sorted(show))}, once',
              name_of(button) if button is not None else '')
        problems = doubled_anywhere(app)
        check(not problems, 'no node of the whole tree is named twice', '\n'.join(problems[:30]))
        check(proc.poll() is None, 'the application is still running')
    finally:
        output = stop(proc, log)
    check_log(output)


if __name__ == '__main__':
    run_app_test(check_app)
