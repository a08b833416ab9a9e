#!/usr/bin/env python3
# check-translations.py SOURCE_ROOT LANG
#
# Fails (exit 1) when po/LANG.po is not complete for the current sources:
#  - a source or data file with translatable strings is missing from POTFILES.in,
#    or POTFILES.in names a file that does not exist;
#  - after merging a fresh template extracted from POTFILES.in, LANG.po has
#    untranslated or fuzzy messages, or msgfmt --check finds an error.
# Prints TAP.

import os
import re
import subprocess
import sys
import tempfile

# The glib preset of meson's i18n.gettext(), so the check sees what the
# gongkai-pot target extracts.
XGETTEXT_ARGS = [
    '--from-code=UTF-8', '--add-comments',
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format', '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format', '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format', '--flag=g_set_error:4:c-format',
    '--flag=g_printerr:1:c-format', '--flag=g_print:1:c-format',
]

C_MARKER = re.compile(r'(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|g_dngettext|g_dpgettext2)\s*\(')
UI_MARKER = re.compile(r'translatable="yes"')

results = []


def report(ok, name, details=''):
    results.append(ok)
    print(f"{'ok' if ok else 'not ok'} {len(results)} - {name}")
    for line in details.splitlines():
        print(f'# {line}')


def translatable_files(root):
    found = set()
    for top in ('src',):
        for dirpath, _dirs, files in os.walk(os.path.join(root, top)):
            for name in files:
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, root)
                if name.endswith('.c'):
                    marker = C_MARKER
                elif name.endswith('.ui'):
                    marker = UI_MARKER
                else:
                    continue
                with open(path, encoding='utf-8') as f:
                    if marker.search(f.read()):
                        found.add(rel)
    data = os.path.join(root, 'data')
    for name in os.listdir(data):
        if name.endswith(('.desktop.in', '.metainfo.xml.in', '.gschema.xml')):
            found.add(os.path.join('data', name))
    return found


def main():
    root, lang = sys.argv[1], sys.argv[2]
    po_dir = os.path.join(root, 'po')
    po_file = os.path.join(po_dir, lang + '.po')

    with open(os.path.join(po_dir, 'POTFILES.in'), encoding='utf-8') as f:
        listed = [l.strip() for l in f if l.strip() and not l.startswith('#')]

    missing = sorted(translatable_files(root) - set(listed))
    report(not missing, 'every file with translatable strings is in POTFILES.in',
           '\n'.join(f'missing: {m}' for m in missing))

    gone = [p for p in listed if not os.path.exists(os.path.join(root, p))]
    report(not gone, 'every file in POTFILES.in exists',
           '\n'.join(f'no such file: {p}' for p in gone))

    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'gongkai.pot')
        merged = os.path.join(tmp, lang + '.po')
        existing = [p for p in listed if p not in gone]
        xgettext = subprocess.run(
            ['xgettext', '--package-name=gongkai', '-o', pot, '--directory', root] +
            XGETTEXT_ARGS + existing,
            capture_output=True, text=True)
        report(xgettext.returncode == 0, 'xgettext extracts the messages', xgettext.stderr)
        if xgettext.returncode != 0:
            return

        merge = subprocess.run(['msgmerge', '--quiet', '-o', merged, po_file, pot],
                               capture_output=True, text=True)
        report(merge.returncode == 0, f'msgmerge {lang}.po', merge.stderr)
        if merge.returncode != 0:
            return

        stats = subprocess.run(['msgfmt', '--check', '--statistics', '-o', os.devnull, merged],
                               capture_output=True, text=True, env=dict(os.environ, LC_ALL='C'))
        text = stats.stderr.strip()
        complete = stats.returncode == 0 and 'fuzzy' not in text and 'untranslated' not in text
        details = text
        if not complete:
            untranslated = subprocess.run(
                ['msgattrib', '--untranslated', '--no-obsolete', merged],
                capture_output=True, text=True).stdout
            fuzzy = subprocess.run(['msgattrib', '--only-fuzzy', '--no-obsolete', merged],
                                   capture_output=True, text=True).stdout
            ids = re.findall(r'^msgid "(.+)"$', untranslated + fuzzy, re.M)
            details += '\n' + '\n'.join(f'needs translation: {i}' for i in ids)
        report(complete, f'{lang}.po translates every message of the sources', details)


if __name__ == '__main__':
    main()
    print(f'1..{len(results)}')
    sys.exit(0 if all(results) else 1)
