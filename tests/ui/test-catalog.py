#!/usr/bin/python3
# test-catalog.py: the 公开目录 tab through the accessibility tree. On the demo
# database, as party office (孙丽娟): item 21 is found by searching, changed
# in the item dialog with a reason, and the revision shows in
# `gongkai-cli catalog history`; then the catalog is filed (备案) and the
# filing banner names the filer. Then a CSV export with item 22 changed
# is imported: the file is checked on a worker, its preview lists the
# change; while another program holds the write lock, the import window's
# Cancel ends the wait and nothing is imported; then Apply writes it and the
# item's history has the reason "import".
# Prints TAP.
#
# The interface runs in English (C.UTF-8): the names clicked are the msgids,
# so the test does not depend on how a translator words them.
#
# Run by run-smoke.sh on its own Xvfb and D-Bus session, with an
# accessibility bus; needs GONGKAI_GUI and GONGKAI_CLI.

import os
import sqlite3
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gkatspi import (activate, app_env, check, check_log, click, find_button,  # noqa: E402
                     find_shown, init_demo, launch, name_of, press, results, run_app_test,
                     sensitive, set_text, shown_names, stop, type_text, wait_for, wait_for_app)

PERSON = '孙丽娟'
DUES_ITEM = '党费收缴、管理和使用情况'
ADDED = '（含返还）'
REASON = '按上级通知补充返还情况'


def history(cli, db, number='21'):
    return subprocess.run([cli, 'catalog', 'history', db, number],
                          capture_output=True, text=True).stdout


IMPORTED = '（经导入修改）'


def import_preview(app, path):
    """PATH imported through More catalog actions → Import CSV…: its
    preview window, checked."""
    more = find_button(app, 'More catalog actions')
    if not check(more is not None, 'a More catalog actions menu'):
        return None
    activate(more)
    item = wait_for(lambda: find_shown(app, 'Import CSV…', prefix=True), 5)
    if not check(item is not None and sensitive(item), 'party office may import a CSV file'):
        return None
    activate(item)
    # GTK's own file chooser (no portal here): typing a path opens its
    # location entry, and Return there chooses the file.
    time.sleep(1.5)
    type_text(path)
    press('Return')

    preview = wait_for(lambda: find_shown(app, 'Import Preview', 'frame'), 30)
    if not check(preview is not None, 'the file is checked and its preview opens', lambda: shown_names(app)[:80]):
        return None
    check(find_shown(preview, 'Item 22: Content') is not None, 'the preview lists the change of item 22',
          lambda: shown_names(preview)[:40])
    return preview


def import_csv(app, cli, db, tmp):
    """Item 22's content changed in an export of the catalog, imported;
    first while another program holds the write lock, where the import
    window's Cancel ends the wait, then for good."""
    # Bytes: text mode would turn the CSV's CRLF into LF.
    exported = subprocess.run([cli, 'catalog', 'export', db], capture_output=True).stdout.decode()
    lines = exported.split('\r\n')
    row = next((i for i, line in enumerate(lines) if line.startswith('22,')), None)
    if not check(row is not None, 'gongkai-cli exports item 22'):
        return
    fields = lines[row].split(',')
    fields[2] += IMPORTED
    lines[row] = ','.join(fields)
    path = os.path.join(tmp, 'catalog.csv')
    with open(path, 'w', newline='') as f:
        f.write('\r\n'.join(lines))

    preview = import_preview(app, path)
    apply = preview and find_button(preview, 'Apply')
    if not check(apply is not None, 'the preview has Apply'):
        return
    lock = sqlite3.connect(db, isolation_level=None, timeout=10)
    try:
        lock.execute('BEGIN IMMEDIATE')
        click(apply)
        progress = wait_for(lambda: find_shown(app, 'Importing the Catalog', 'frame'), 10)
        # The window's own Cancel comes before the waiting toast's.
        cancel = progress and find_button(progress, 'Cancel')
        if check(cancel is not None, 'while another program holds the lock, the import window offers Cancel'):
            click(cancel)
            check(wait_for(lambda: find_shown(app, 'Importing the Catalog', 'frame') is None, 15),
                  'its Cancel ends the wait for the lock and closes it')
    finally:
        lock.execute('ROLLBACK')
        lock.close()
    time.sleep(1)
    check(IMPORTED not in history(cli, db, '22'), 'nothing was imported')

    preview = import_preview(app, path)
    apply = preview and find_button(preview, 'Apply')
    if not check(apply is not None, 'the preview has Apply'):
        return
    click(apply)
    revisions = wait_for(lambda: (lambda h: h if IMPORTED in h else None)(history(cli, db, '22')), 30) or ''
    check(IMPORTED in revisions and 'import' in revisions,
          'gongkai-cli catalog history 22 shows the imported change and its reason', revisions[-400:])
    check(wait_for(lambda: find_shown(app, 'Importing the Catalog', 'frame') is None, 10),
          'the progress window has closed')


def check_app(gui, cli, tmp):
    db = init_demo(cli, tmp, 'catalog.db')
    if db is None:
        return 1

    proc, log = launch(gui, db, app_env(tmp, 'C.UTF-8', GONGKAI_PERSON=PERSON), tmp)
    try:
        app = wait_for_app(proc)
        if app is None:
            return 1

        entry = wait_for(lambda: find_shown(app, 'Search the catalog'))
        if not check(entry is not None, 'the catalog tab has its search entry', lambda: shown_names(app)[:60]):
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
        if not check(edit is not None, 'party office may edit the selected item', lambda: shown_names(app)[:80]):
            return 1
        click(edit)

        dialog = wait_for(lambda: find_shown(app, 'Change Catalog Item', 'frame'))
        if not check(dialog is not None, 'the item dialog opens', lambda: shown_names(app)[:80]):
            return 1
        content = find_shown(dialog, 'Content')
        reason = find_shown(dialog, 'Reason')
        save = find_button(dialog, 'Save')
        if not check(content is not None and reason is not None and save is not None,
                     'the dialog has Content, Reason and Save', lambda: shown_names(dialog)[:80]):
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
        if not check(confirm is not None, 'filing asks first', lambda: shown_names(app)[:80]):
            return 1
        click(confirm)
        banner = wait_for(lambda: find_shown(app, 'Filed on', prefix=True))
        check(banner is not None and PERSON in name_of(banner) and 'no changes since' in name_of(banner),
              'the banner says when and by whom the catalog was filed', name_of(banner) if banner else '')
        filing = subprocess.run([cli, 'catalog', 'filing', db], capture_output=True, text=True).stdout
        check(f'filed-by: {PERSON}' in filing, 'the filing is in the database', filing)

        set_text(entry, '')
        import_csv(app, cli, db, tmp)
        check(proc.poll() is None, 'the application is still running')
    finally:
        output = stop(proc, log)
    check_log(output)

    return 0 if all(results) else 1


if __name__ == '__main__':
    run_app_test(check_app)
