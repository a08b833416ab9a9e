#!/usr/bin/python3
# test-first-run.py: the first start on a new database, through the
# accessibility tree. The file has its organizations and catalog but no
# people: "Who Are You?" says so and offers to add yourself as party
# office; Add stays greyed out until a name is typed; once added, you are
# the current person, the file says you are party office, and the chooser no
# longer makes the offer. Then, as that person, the rest of setting up:
# People and Roles adds a second person, and Preferences sets the notices'
# red header and undoes it (both write on a worker). Prints TAP.
#
# Run by run-smoke.sh on its own Xvfb and D-Bus session, with an
# accessibility bus; needs GONGKAI_GUI and GONGKAI_CLI.

import os
import sqlite3
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gkatspi import (activate, app_env, check, check_log, click, find_button_named,  # noqa: E402
                     find_shown, have_locale, interface_words, launch, leave_out, name_of, press,
                     results, role_of, run_app_test, sensitive, set_text, shown_names, stop,
                     type_text, wait_for, wait_for_app, walk, windows_of)

# The catalog's table: hundreds of cells, and nothing here is in it.
leave_out('tree table')

FIRST = '孙丽娟'
SECOND = '王建国'
# Typed key by key: Latin letters, which the virtual keyboard always has.
ISSUER = 'Test Party Committee'


def query(db, sql):
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def setting(db, key):
    rows = query(db, f"SELECT value FROM settings WHERE key = '{key}'")
    return rows[0][0] if rows else None


def check_app(gui, cli, tmp):
    db = os.path.join(tmp, 'first.db')
    init = subprocess.run([cli, 'init', db, '--template', 'jinzhong-2020'], capture_output=True, text=True)
    if not check(init.returncode == 0, 'gongkai-cli init makes a database without people', init.stderr):
        return 1

    chinese = have_locale('zh_CN.utf8')
    words = interface_words(chinese)

    def window(app, title):
        return next((w for w in windows_of(app) if name_of(w) in words(title)), None)

    def entry_named(root, title, context=None):
        """The editable text of the entry row titled TITLE."""
        for node in walk(root):
            if name_of(node) in words(title, context) and role_of(node) in ('text', 'entry'):
                return node
        return None

    env = app_env(tmp, 'zh_CN.UTF-8' if chinese else 'C.UTF-8')
    env.pop('GONGKAI_PERSON', None)
    proc, log = launch(gui, db, env, tmp)
    try:
        app = wait_for_app(proc)
        if app is None:
            return 1

        chooser = wait_for(lambda: window(app, 'Who Are You?'))
        if not check(chooser is not None, 'the app asks who you are', [name_of(w) for w in windows_of(app)]):
            return 1
        check(wait_for(lambda: find_shown(chooser, words('No One Here Yet'))),
              'and says the database has no people yet', lambda: shown_names(chooser))
        add_yourself = wait_for(lambda: find_button_named(chooser, words('_Add Yourself…')))
        if not check(add_yourself is not None, 'it offers to add yourself', lambda: shown_names(chooser)):
            return 1
        click(add_yourself)

        dialog = wait_for(lambda: window(app, 'Add Yourself as Party Office'))
        if not check(dialog is not None, 'a dialog asks for your name', [name_of(w) for w in windows_of(app)]):
            return 1
        add = find_button_named(dialog, words('_Add'))
        check(add is not None and not sensitive(add), 'Add is greyed out while the name is empty')
        name = wait_for(lambda: entry_named(dialog, 'Name', 'person'), 5)
        if not check(name is not None, 'a Name entry', lambda: shown_names(dialog)):
            return 1
        set_text(name, FIRST)
        check(wait_for(lambda: sensitive(add), 5), 'a name makes Add available')
        click(add)

        check(wait_for(lambda: window(app, 'Who Are You?') is None, 10), 'adding yourself closes the chooser')
        check(wait_for(lambda: find_shown(app, FIRST, prefix=True), 10),
              f'the window shows {FIRST} as the current person', lambda: shown_names(app)[:40])
        roles = query(db, "SELECT p.name, r.role FROM people p JOIN roles r ON r.person_id = p.id")
        check(roles == [(FIRST, 'party-office')], f'the file has {FIRST} as party office', roles)

        # The offer is for an empty file only.
        current = {form % FIRST for form in words('Current person: %s')}
        person_button = find_shown(app, current, 'push button')
        check(person_button is not None, 'the header bar button names the current person',
              lambda: shown_names(app)[:40])
        if person_button is not None:
            click(person_button)
        chooser = wait_for(lambda: window(app, 'Who Are You?'))
        if check(chooser is not None, 'the person button opens the chooser again'):
            check(wait_for(lambda: find_shown(chooser, FIRST, prefix=True)), f'it lists {FIRST}')
            check(find_button_named(chooser, words('Add _Yourself as Party Office…')) is None,
                  'and no longer offers to add yourself', lambda: shown_names(chooser))
            activate(find_button_named(chooser, words('_Cancel')))
            check(wait_for(lambda: window(app, 'Who Are You?') is None, 5), 'Cancel closes it')

        # As party office, People and Roles adds someone (on a worker).
        menu = wait_for(lambda: find_shown(app, words('Main Menu')))
        if not check(menu is not None, 'a main menu button',
                     [name_of(w) for w in windows_of(app)]):
            return 1
        click(menu)
        item = wait_for(lambda: find_shown(app, words('P_eople and Roles…')), 5)
        if not check(item is not None, 'the main menu offers People and Roles', lambda: shown_names(app)[:80]):
            return 1
        activate(item)
        people = wait_for(lambda: window(app, 'People and Roles'))
        if not check(people is not None, 'it opens People and Roles', [name_of(w) for w in windows_of(app)]):
            return 1
        add_person = wait_for(lambda: find_button_named(people, words('Add Person…')), 5)
        if not check(add_person is not None and sensitive(add_person), 'party office may add a person',
                     lambda: shown_names(people)):
            return 1
        click(add_person)
        dialog = wait_for(lambda: window(app, 'Add Person'))
        name = dialog and wait_for(lambda: entry_named(dialog, 'Name', 'person'), 5)
        if not check(name is not None, 'the Add Person dialog asks for a name'):
            return 1
        set_text(name, SECOND)
        add = find_button_named(dialog, words('_Add'))
        check(wait_for(lambda: add is not None and sensitive(add), 5), 'Add is available')
        click(add)
        check(wait_for(lambda: find_shown(people, SECOND, prefix=True), 10),
              f'{SECOND} is listed in People and Roles', lambda: shown_names(people))
        added = query(db, f"SELECT count(*) FROM people WHERE name = '{SECOND}'")
        check(added == [(1,)], f'{SECOND} is in the file', added)
        # Closing with a person selected is no choice of anyone.
        close = find_button_named(people, words('Close') | {'关闭'})
        if check(close is not None, 'People and Roles has a Close button', lambda: shown_names(people)):
            click(close)
            check(wait_for(lambda: window(app, 'People and Roles') is None, 5), 'it closes People and Roles')

        # The red header of the notices, set in Preferences (written on a
        # worker), and undone from its toast.
        click(menu)
        item = wait_for(lambda: find_shown(app, words('_Preferences')), 5)
        if not check(item is not None, 'the main menu offers Preferences', lambda: shown_names(app)[:80]):
            return 1
        activate(item)
        prefs = wait_for(lambda: window(app, 'Preferences'))
        if not check(prefs is not None, 'it opens Preferences', [name_of(w) for w in windows_of(app)]):
            return 1
        issuer = wait_for(lambda: entry_named(prefs, 'Red Header'), 5)
        if not check(issuer is not None, 'a Red Header entry', lambda: shown_names(prefs)[:60]):
            return 1
        # Typed, as a person would: the row offers to apply what changed.
        click(issuer)
        type_text(ISSUER)
        press('Return')
        # The toast lasts 10 s, and a walk of a busy window may take
        # longer: Undo is looked for newest first (the toast comes after
        # the window's content) and pressed as soon as it is found.
        check(wait_for(lambda: setting(db, 'redhead-issuer') == ISSUER, 10),
              'Enter saves the red header in the file', setting(db, 'redhead-issuer'))

        def press_undo():
            node = find_button_named(prefs, words('_Undo'), newest_first=True)
            try:
                return node is not None and node.get_action_iface().do_action(0)
            except Exception:
                return False
        check(wait_for(press_undo, 10), 'the toast offers Undo', lambda: shown_names(prefs)[:60])
        check(wait_for(lambda: setting(db, 'redhead-issuer') in (None, ''), 5),
              'Undo puts the red header back', setting(db, 'redhead-issuer'))
        check(proc.poll() is None, 'the application is still running')
    finally:
        output = stop(proc, log)
    check_log(output)
    return 0 if all(results) else 1


if __name__ == '__main__':
    run_app_test(check_app)
