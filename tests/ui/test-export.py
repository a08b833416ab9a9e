#!/usr/bin/python3
# test-export.py: Export Notices… (the window's main menu) through the
# accessibility tree. On the demo database: the dialog says how many
# approved or published notices this year so far holds — the number
# `gongkai-cli notice list` gives for those dates; a range without any says
# so and cannot be exported; back to this year, one file per notice into a
# folder chosen in the file chooser, and the result names as many notices
# as the folder then holds. Prints TAP.
#
# Run by run-smoke.sh on its own Xvfb and D-Bus session, with an
# accessibility bus; needs GONGKAI_GUI and GONGKAI_CLI.

import datetime
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gkatspi import (Atspi, activate, app_env, check, check_log, click,  # noqa: E402
                     find_button_named, find_shown, have_locale, init_demo, interface_catalog,
                     interface_words, launch, leave_out, name_of, run_app_test, sensitive,
                     shown_names, stop, type_text, wait_for, wait_for_app)

# The catalog's table: hundreds of cells, and nothing here is in it.
leave_out('tree table')

END, BACKSPACE, RETURN = 0xff57, 0xff08, 0xff0d


def key(keysym, times=1):
    for _ in range(times):
        Atspi.generate_keyboard_event(keysym, None, Atspi.KeySynthType.PRESSRELEASE | Atspi.KeySynthType.SYM)
        time.sleep(0.02)
    time.sleep(0.3)


def replace_text(row, text):
    """Types TEXT over what the entry row holds, as a person would (GTK 4.8
    offers no EditableText)."""
    click(row)
    key(END)
    key(BACKSPACE, 12)
    type_text(text)
    time.sleep(0.5)


def expected_count(cli, db, first, last):
    """Approved and published notices dated FIRST to LAST, by notice list:
    its date is the publication date, else the planned one."""
    count = 0
    for state in ('approved', 'published'):
        out = subprocess.run([cli, 'notice', 'list', db, '--state', state],
                             capture_output=True, text=True).stdout
        count += sum(1 for line in out.splitlines() if first <= line.split('\t')[2] <= last)
    return count


def check_app(gui, cli, tmp):
    db = init_demo(cli, tmp, 'export.db')
    if db is None:
        return 1
    today = datetime.date.today()
    first, last = f'{today.year}-01-01', today.isoformat()
    count = expected_count(cli, db, first, last)
    if not check(count > 0, f'the demo has approved or published notices from {first} to {last}'):
        return 1
    folder = os.path.join(tmp, 'notices')
    os.mkdir(folder)

    chinese = have_locale('zh_CN.utf8')
    lang = 'zh_CN.UTF-8' if chinese else 'C.UTF-8'
    catalog = interface_catalog(chinese)
    words = interface_words(chinese)

    def button(root, msgid):
        return find_button_named(root, words(msgid))

    def counted(singular, plural, n, *args):
        return {f % ((n,) + args) for f in (catalog.ngettext(singular, plural, n), singular if n == 1 else plural)}

    def window(app, title):
        """The application's window titled TITLE: searching it alone keeps
        the walks short."""
        for i in range(app.get_child_count()):
            child = app.get_child_at_index(i)
            if child is not None and name_of(child) in words(title):
                return child
        return None

    env = app_env(tmp, lang, GONGKAI_PERSON='孙丽娟')
    proc, log = launch(gui, db, env, tmp)
    try:
        app = wait_for_app(proc)
        if app is None:
            return 1

        menu = wait_for(lambda: find_shown(app, words('Main Menu')))
        if not check(menu is not None, 'a main menu button', lambda: shown_names(app)[:60]):
            return 1
        click(menu)
        item = wait_for(lambda: find_shown(app, words('Export Notices…') | words('E_xport Notices…')), 5)
        if not check(item is not None, 'the main menu offers Export Notices…', lambda: shown_names(app)[:80]):
            return 1
        # The menu is a popover, a surface of its own: a click by window
        # coordinates would miss it.
        activate(item)
        dialog = wait_for(lambda: window(app, 'Export Notices'))
        if not check(dialog is not None, 'it opens the Export Notices window'):
            return 1

        found_label = counted('%u notice to export', '%u notices to export', count)
        check(wait_for(lambda: find_shown(dialog, found_label, 'label')),
              f'the dialog finds the {count} notices of this year so far', lambda: shown_names(dialog))

        from_row = find_shown(dialog, words('From (YYYY-MM-DD)'))
        to_row = find_shown(dialog, words('To (YYYY-MM-DD)'))
        if not check(from_row is not None and to_row is not None, 'the dialog has From and To rows'):
            return 1
        replace_text(from_row, '2000-01-01')
        replace_text(to_row, '2000-12-31')
        none = {w % ('2000-01-01', '2000-12-31')
                for w in words('No approved or published notices between %s and %s')}
        check(wait_for(lambda: find_shown(dialog, none, 'label'), 5),
              'a range without notices says so', lambda: shown_names(dialog))
        export = button(dialog, '_Export…')
        check(export is not None and not sensitive(export), 'and Export cannot be pressed')

        replace_text(from_row, first)
        replace_text(to_row, last)
        check(wait_for(lambda: find_shown(dialog, found_label, 'label'), 5),
              f'back to {first} … {last}: {count} notices again')

        per_notice = find_shown(dialog, words('One file per notice'))
        if not check(per_notice is not None, 'an output choice: one file per notice'):
            return 1
        click(per_notice)
        click(button(dialog, '_Export…'))

        # GTK's own file chooser (no portal here): typing a path opens its
        # location entry, and Return there chooses the folder.
        time.sleep(1.5)
        type_text(folder + '/')
        key(RETURN)

        done = counted('%u notice exported to %s.', '%u notices exported to %s.', count, folder)
        check(wait_for(lambda: find_shown(dialog, done), 120),
              f'the dialog says {count} notices were exported to the folder', lambda: shown_names(dialog))
        files = [name for name in os.listdir(folder) if name.endswith('.pdf')]
        check(len(files) == count, f'the folder holds {count} PDF files', sorted(files)[:5])
        check(button(dialog, '_Open Folder'), 'an Open Folder button')
        check(proc.poll() is None, 'the application is still running')
    finally:
        output = stop(proc, log)
    check_log(output)

    return 0


if __name__ == '__main__':
    run_app_test(check_app)
