#!/usr/bin/python3
# test-calendar.py: the 公开日历 tab through the accessibility tree. On the
# demo database, as party office (孙丽娟): Next Month twice moves the title two
# months on; the day of an obligation, clicked, is selected and its agenda
# lists the obligation; the arrow keys and Page Up move the selection and the
# month. The demo is generated relative to today, so every expectation is
# computed from today and from gongkai-cli. Prints TAP.
#
# Run by run-smoke.sh on its own Xvfb and D-Bus session, with an
# accessibility bus; needs GONGKAI_GUI and GONGKAI_CLI.

import csv
import datetime
import io
import os
import subprocess
import sys
import time

# Criticals are fatal for the application under test, not for this
# client: the accessibility library warns when the bus is slow to answer.
GUI_G_DEBUG = os.environ.get('G_DEBUG', '')
os.environ['G_DEBUG'] = ','.join(f for f in GUI_G_DEBUG.split(',') if f and f != 'fatal-criticals')

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gkatspi import (app_env, check, check_log, click, find_shown, have_locale,  # noqa: E402
                     init_demo, interface_catalog, is_selected, launch, leave_out, name_of,
                     on_screen, press, results, role_of, run_app_test, stop, wait_for, wait_for_app,
                     walk)

# The catalog's table: hundreds of cells, and nothing here is in it.
leave_out('tree table')

PERSON = '孙丽娟'
EN_MONTHS = ['', 'January', 'February', 'March', 'April', 'May', 'June', 'July',
             'August', 'September', 'October', 'November', 'December']
# What %B gives in zh_CN before the title's format is translated.
ZH_MONTHS = ['', '一月', '二月', '三月', '四月', '五月', '六月', '七月',
             '八月', '九月', '十月', '十一月', '十二月']

def add_months(day, months):
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


TITLE_FORMAT = '%B %Y'


def month_titles(day):
    """The month view's title: by its translated format, or as 2026年3月,
    March 2026 and 三月 2026 (the untranslated format in zh_CN)."""
    translated = (TITLE_FORMAT.replace('%-m', str(day.month)).replace('%m', f'{day.month:02}')
                  .replace('%Y', str(day.year)).replace('%B', ZH_MONTHS[day.month]))
    return {translated, f'{day.year}年{day.month}月', f'{EN_MONTHS[day.month]} {day.year}',
            f'{ZH_MONTHS[day.month]} {day.year}'}


def day_names(day):
    """Parts of a day cell's accessible name that say which day it is."""
    return (f'{day.year}年{day.month}月{day.day}日',
            f'{EN_MONTHS[day.month]} {day.day}, {day.year}',
            f'{ZH_MONTHS[day.month]} {day.day}, {day.year}')


def find_day_cell(app, day):
    for node in walk(app):
        if role_of(node) == 'table cell' and on_screen(node):
            name = name_of(node)
            if any(name.startswith(part) or f' {part}' in name or f'，{part}' in name
                   or name.endswith(part) for part in day_names(day)):
                return node
    return None


def find_title(app, titles):
    return find_shown(app, titles, 'label')


def shown_titles(app):
    return sorted({name_of(n) for n in walk(app) if role_of(n) == 'label' and on_screen(n)
                   and any(str(y) in name_of(n) for y in range(2020, 2040))})


def item_contents(cli, db):
    out = subprocess.run([cli, 'catalog', 'export', db], capture_output=True, text=True).stdout
    return {int(row['no']): row['content'] for row in csv.DictReader(io.StringIO(out)) if row.get('no')}


def first_obligation(cli, db, start):
    """(due date, item number) of the first obligation due on or after START,
    else the last one before it."""
    def rows(since, until):
        out = subprocess.run([cli, 'calendar', db, '--from', since.isoformat(), '--to', until.isoformat()],
                             capture_output=True, text=True).stdout
        return [line.split('\t') for line in out.splitlines() if line.count('\t') >= 4]

    later = rows(start, start.replace(year=start.year + 2))
    if later:
        return datetime.date.fromisoformat(later[0][0]), int(later[0][1])
    earlier = rows(start.replace(year=start.year - 2), start - datetime.timedelta(days=1))
    if earlier:
        return datetime.date.fromisoformat(earlier[-1][0]), int(earlier[-1][1])
    return None


def check_app(gui, cli, tmp):
    db = init_demo(cli, tmp, 'calendar.db')
    if db is None:
        return 1

    today = datetime.date.today()
    target = add_months(today, 2)
    found = first_obligation(cli, db, target)
    if not check(found is not None, 'the demo has an obligation to look for'):
        return 1
    due, number = found
    content = item_contents(cli, db).get(number, '')
    print(f'# today {today}, two months on {target:%Y-%m}, obligation of item {number} due {due}')

    chinese = have_locale('zh_CN.utf8')
    lang = 'zh_CN.UTF-8' if chinese else 'C.UTF-8'
    if not chinese:
        print('# the zh_CN.UTF-8 locale is missing: testing the English interface')
    # Names as the interface shows them: translated, or English while a
    # string waits for its translation.
    catalog = interface_catalog(chinese)
    words = {key: {catalog.gettext(msgid), msgid} for key, msgid in
             dict(tab='Calendar', next='Next Month', previous='Previous Month', agenda='Agenda').items()}
    global TITLE_FORMAT
    TITLE_FORMAT = catalog.gettext('%B %Y')

    env = app_env(tmp, lang, G_DEBUG=GUI_G_DEBUG, GONGKAI_PERSON=PERSON)
    proc, log = launch(gui, db, env, tmp)
    try:
        app = wait_for_app(proc)
        if app is None:
            return 1

        tab = wait_for(lambda: find_shown(app, words['tab'], 'page tab'))
        if not check(tab is not None, f'a tab named {" or ".join(sorted(words["tab"]))}'):
            return 1
        click(tab)
        check(wait_for(lambda: find_title(app, month_titles(today))),
              f'the calendar opens on this month ({today:%Y-%m})', shown_titles(app))

        next_button = wait_for(lambda: find_shown(app, words['next'], 'push button'))
        if not check(next_button is not None, 'a Next Month button'):
            return 1
        next_button.get_action_iface().do_action(0)
        check(wait_for(lambda: find_title(app, month_titles(add_months(today, 1))), 5),
              'Next Month shows the next month', shown_titles(app))
        next_button.get_action_iface().do_action(0)
        check(wait_for(lambda: find_title(app, month_titles(target)), 5),
              f'Next Month again shows {target:%Y-%m}', shown_titles(app))

        # On to the obligation's month, by the same buttons.
        months = (due.year - target.year) * 12 + due.month - target.month
        for _ in range(abs(months)):
            button = next_button if months > 0 else find_shown(app, words['previous'], 'push button')
            button.get_action_iface().do_action(0)
            time.sleep(0.3)
        if not check(wait_for(lambda: find_title(app, month_titles(due)), 5),
                     f'the month of {due} is shown', shown_titles(app)):
            return 1

        cell = wait_for(lambda: find_day_cell(app, due), 5)
        if not check(cell is not None, f'a day cell for {due}'):
            return 1

        # The obligations are computed off the main loop and fill the month
        # in when they are ready: poll for the day's count.
        def counted_cell():
            node = find_day_cell(app, due)
            if node is not None and any(ch.isdigit() for ch in name_of(node).split(str(due.year), 1)[-1]):
                return node
            return None

        counted = wait_for(counted_cell, 30)
        check(counted is not None, 'its accessible name counts what falls due', name_of(cell))
        cell = counted or cell
        click(cell)
        check(wait_for(lambda: is_selected(find_day_cell(app, due)), 5),
              f'clicking {due} selects it (accessible state)', name_of(cell))

        def agenda_entry():
            agenda = find_shown(app, words['agenda'], 'list')
            if agenda is None:
                return None
            for node in walk(agenda):
                name = name_of(node)
                if role_of(node) == 'list item' and (
                        (content and content in name) or name.startswith(f'{number}.')):
                    return node
            return None

        entry = wait_for(agenda_entry, 15)
        check(entry is not None, f'the agenda lists item {number} ({content})')

        # The keyboard: the clicked day has the focus.
        press('Right')
        following = due + datetime.timedelta(days=1)
        check(wait_for(lambda: is_selected(find_day_cell(app, following)), 5),
              'Right selects the next day')
        press('Page_Up')
        check(wait_for(lambda: find_title(app, month_titles(add_months(following.replace(day=1), -1))), 5),
              'Page Up shows the month before', shown_titles(app))
        check(proc.poll() is None, 'the application is still running')
    finally:
        output = stop(proc, log)
    check_log(output)

    return 0 if all(results) else 1


if __name__ == '__main__':
    run_app_test(check_app)
