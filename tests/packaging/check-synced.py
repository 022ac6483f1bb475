#!/usr/bin/env python3
"""Waits until a console's cache holds what its officer must see: every consultation of the
officer's department that the server holds, and every representative's proposals (the dossiers
every officer may read).
Usage: check-synced.py <server database> <console home> <login> <console pid>"""
import glob
import os
import sqlite3
import sys
import time

server_db, home, login, pid = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])


def query(path, sql, *args):
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
    try:
        return connection.execute(sql, args).fetchone()[0]
    finally:
        connection.close()


department = query(server_db, "SELECT department_id FROM responders WHERE login = ?", login)
expected = query(server_db, "SELECT count(*) FROM consultations WHERE department_id = ?", department)
all_proposals = query(server_db, "SELECT count(*) FROM proposals")
if not expected or not all_proposals:
    sys.exit(f"the demo data has no consultation for {login}'s department, or no proposal")

seen = None
deadline = time.monotonic() + 90
while time.monotonic() < deadline:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        sys.exit("the console exited before it had synced")
    for cache in glob.glob(os.path.join(home, ".local/share/**/cache.sqlite"), recursive=True):
        try:
            got = query(cache, "SELECT count(*) FROM consultations WHERE department_id = ?", department)
            proposals = query(cache, "SELECT count(*) FROM proposals")
        except sqlite3.Error:
            continue  # created, not yet migrated
        seen = (got, proposals)
        if got == expected and proposals == all_proposals:
            print(f"synced: {got} consultations of department {department}, {proposals} proposals")
            sys.exit(0)
    time.sleep(0.5)
sys.exit(f"not synced after 90 s: expected {expected} consultations and {all_proposals} "
         f"proposals, the cache had {seen}")
