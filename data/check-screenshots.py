#!/usr/bin/env python3
# check-screenshots.py METAINFO SCREENSHOT_DIR
#
# The metainfo names its screenshots by the https URL they will have once
# the repository is published (…/raw/main/data/screenshots/NAME.png):
# fails when one of them is not a PNG in SCREENSHOT_DIR, or when a PNG
# there is not named by the metainfo.

import os
import sys
import xml.etree.ElementTree as ET

PREFIX = 'https://github.com/gongkai/gongkai/raw/main/data/screenshots/'

metainfo, folder = sys.argv[1], sys.argv[2]
named = set()
status = 0
for image in ET.parse(metainfo).getroot().iter('image'):
    url = (image.text or '').strip()
    if not url.startswith(PREFIX):
        print(f'{url}: not under {PREFIX}')
        status = 1
        continue
    name = url[len(PREFIX):]
    named.add(name)
    path = os.path.join(folder, name)
    try:
        with open(path, 'rb') as f:
            if f.read(8) != b'\x89PNG\r\n\x1a\n':
                print(f'{path}: not a PNG image')
                status = 1
    except OSError as e:
        print(f'{path}: {e.strerror}')
        status = 1

for name in sorted(set(os.listdir(folder)) - named):
    if name.endswith('.png'):
        print(f'{name}: in {folder} but not in the metainfo')
        status = 1

if not named:
    print('the metainfo has no screenshots')
    status = 1
sys.exit(status)
