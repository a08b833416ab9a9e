#!/usr/bin/python3
# test-smoke.py: start the Gongkai GUI on a catalog database and use it through
# the accessibility tree, as a screen reader would: the three tabs, the catalog
# items, and a search that filters the list. Prints TAP.
#
# Run by run-smoke.sh on its own Xvfb and D-Bus session, with an
# accessibility bus; needs GONGKAI_GUI, and GONGKAI_CLI to create the database.

import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gkatspi import (Atspi, app_env, check, click, executable, have_locale, launch, names,  # noqa: E402
                     results, run, skip, stop, type_text, wait_for, wait_for_app, walk)

FIRST_ITEM = '贯彻执行中央和省委方针政策,上级党组织决议、决定的情况'
DUES_ITEM = '党费收缴、管理和使用情况'
QUERY = '党费'


def main():
    gui, cli = executable('GONGKAI_GUI'), executable('GONGKAI_CLI')
    if not gui:
        print('1..0 # SKIP GONGKAI_GUI is not set to an executable')
        return 0

    tmp = tempfile.mkdtemp(prefix='gongkai-ui-')
    db = os.path.join(tmp, 'smoke.db')
    if cli:
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

    env = app_env(tmp, lang)
    proc, log = launch(gui, db, env, tmp)
    try:
        app = wait_for_app(proc)
        if app is None:
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
              lambda: sorted(n for n in names(app) if n and len(n) < 12))

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
        stop(proc, log)
        shutil.rmtree(tmp, ignore_errors=True)

    return 0 if all(results) else 1


if __name__ == '__main__':
    run(main)
