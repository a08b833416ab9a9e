#!/usr/bin/python3
# test-preview-export.py: Save as PDF (Ctrl+E) from the preview of an
# approved notice through the accessibility tree. On the demo database, as
# party office: the notice waiting to be published is selected in 审批 and
# Ctrl+E offers to save it; then its approval's hash is changed behind the
# app's back (as if another desktop printed it differently), and Ctrl+E
# refuses, saying why, and no file chooser opens; so does Ctrl+P. Prints
# TAP.
#
# Run by run-smoke.sh on its own Xvfb and D-Bus session, with an
# accessibility bus; needs GONGKAI_GUI and GONGKAI_CLI.

import os
import sqlite3
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gkatspi import (app_env, approved_notice, check, check_log, chord, click,  # noqa: E402
                     find_shown, have_locale, init_demo, interface_catalog, launch, leave_out,
                     name_of, results, role_of, run_app_test, shown_names, stop, wait_for,
                     wait_for_app, walk, windows_of)

# The catalog's table: hundreds of cells, and nothing here is in it.
leave_out('tree table')

PERSON = '孙丽娟'
CONTROL, ESCAPE, E, P = 37, 0xff1b, 0x65, 0x70


def window_with(app, names):
    """The window of APP titled one of NAMES or showing a label so named."""
    for window in windows_of(app):
        if name_of(window) in names or find_shown(window, names) is not None:
            return window
    return None


def check_app(gui, cli, tmp):
    db = init_demo(cli, tmp, 'preview.db')
    if db is None:
        return 1
    found = approved_notice(cli, db, PERSON)
    if found is None:
        return 1
    notice_id, title = found

    chinese = have_locale('zh_CN.utf8')
    lang = 'zh_CN.UTF-8' if chinese else 'C.UTF-8'
    catalog = interface_catalog(chinese)
    words = {key: {catalog.gettext(msgid), msgid} for key, msgid in dict(
        approvals='Approvals', save='Save Notice as PDF', refused='Could Not Save the PDF',
        unprinted='Could Not Print the Notice').items()}

    proc, log = launch(gui, db, app_env(tmp, lang, GONGKAI_PERSON=PERSON), tmp)
    try:
        app = wait_for_app(proc)
        if app is None:
            return 1
        tab = wait_for(lambda: find_shown(app, words['approvals'], 'page tab'))
        if not check(tab is not None, 'an Approvals tab', lambda: shown_names(app)[:60]):
            return 1
        click(tab)
        row = wait_for(lambda: next((node for node in walk(app) if role_of(node) == 'list item'
                                     and title in name_of(node)), None))
        if not check(row is not None, f'“{title}” is listed', lambda: shown_names(app)[:80]):
            return 1
        click(row)
        # The preview renders on a worker.
        time.sleep(3)

        chord(E, CONTROL)
        chooser = wait_for(lambda: window_with(app, words['save']), 10)
        if check(chooser is not None, 'Ctrl+E offers to save the approved notice as it was approved',
                 [name_of(window) for window in windows_of(app)]):
            chord(ESCAPE)
            check(wait_for(lambda: window_with(app, words['save']) is None, 5), 'Escape closes the file chooser')

        # Another desktop's approval bound other bytes.
        conn = sqlite3.connect(db)
        try:
            with conn:
                conn.execute('UPDATE notices SET pdf_sha256 = ?, row_version = row_version + 1 WHERE id = ?',
                             ('0' * 64, notice_id))
        finally:
            conn.close()
        # The window reads the change within 2 s, the preview renders again.
        time.sleep(5)

        chord(E, CONTROL)
        refused = wait_for(lambda: window_with(app, words['refused']), 10)
        check(refused is not None, 'now Ctrl+E refuses and says why',
              [name_of(window) for window in windows_of(app)])
        check(window_with(app, words['save']) is None, 'and no file chooser opens')
        if refused is not None:
            chord(ESCAPE)
            check(wait_for(lambda: window_with(app, words['refused']) is None, 5), 'Escape closes the message')

        # Printing draws the same pages: it is refused the same way.
        chord(P, CONTROL)
        unprinted = wait_for(lambda: window_with(app, words['unprinted']), 10)
        check(unprinted is not None, 'Ctrl+P refuses as well, saying why',
              [name_of(window) for window in windows_of(app)])
        if unprinted is not None:
            chord(ESCAPE)
        check(proc.poll() is None, 'the application is still running')
    finally:
        output = stop(proc, log)
    check_log(output)
    return 0 if all(results) else 1


if __name__ == '__main__':
    run_app_test(check_app)
