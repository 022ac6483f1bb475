#!/usr/bin/env python3
"""Department statistics (docs/protocol.md section 16) against a brute-force oracle.

Seeds a demo database with three weeks of random consultations written straight into SQLite
(claims, transfers to departments and to people, replies in text and voice, closes, ratings,
some left waiting or claimed), plus a department with exactly one consultation. Then asks the
real server for dashboards over several ranges and departments, both from its stored days and
exactly, and compares every figure with what this script computes from the raw rows, written
from the protocol document alone and sharing no code with the server. Also checks who may see
what.

Usage: stats_oracle.py --server-bin PATH
Prints one line per case and closes with 'N passed, N failed'."""

import argparse
import asyncio
import datetime
import json
import math
import os
import random
import sqlite3
import sys
import tempfile
import time
import traceback
from collections import defaultdict
from zoneinfo import ZoneInfo

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serverproc import Server, copy_of, seeded_database  # noqa: E402
from wsclient import Client  # noqa: E402

ZONE = "Asia/Shanghai"
PASSWORD = "demo2026"
DAY_MS = 86_400_000
# Section 16: the stored days' percentiles are at most this far from the exact ones (and half
# a second below one second).
RELATIVE_ERROR = 2 ** (0.5 / 8) - 1


# ---------------------------------------------------------------------------------------------
# Seeding: raw rows, as the server itself would have written them.

class Seeder:
    def __init__(self, db_path, now_ms, rng):
        self.db = sqlite3.connect(db_path)
        self.now = now_ms
        self.rng = rng
        cur = self.db.cursor()
        self.seq = max(cur.execute("SELECT MAX(seq) FROM messages").fetchone()[0] or 0,
                       cur.execute("SELECT MAX(seq) FROM consultations").fetchone()[0] or 0) + 1000
        self.departments = [r[0] for r in cur.execute("SELECT id FROM departments ORDER BY id")]
        self.staff = defaultdict(list)
        for rid, dep in cur.execute("SELECT id, department_id FROM responders WHERE active = 1"):
            self.staff[dep].append(rid)
        self.reps = [r[0] for r in cur.execute("SELECT id FROM representatives")]
        self.clips = list(cur.execute("SELECT id, duration_ms FROM voice_clips"))
        self.count = 0

    def next_seq(self):
        self.seq += 1
        return self.seq

    def message(self, cid, sender_kind, sender_id, kind, body, clip, at):
        self.db.execute(
            "INSERT INTO messages (consultation_id, sender_kind, sender_id, client_msg_id, kind,"
            " body, voice_clip_id, created_at, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (cid, sender_kind, sender_id if sender_kind != "system" else None,
             None if sender_kind == "system" else f"oracle-{self.next_seq()}", kind, body, clip,
             at, self.next_seq()))

    def system(self, cid, payload, at):
        self.message(cid, "system", None, "system", json.dumps(payload), None, at)

    def consultation(self, department, created, flow_seed=None):
        """One consultation opened at `created`, its life drawn at random, never past now."""
        rng = self.rng if flow_seed is None else random.Random(flow_seed)
        rep = rng.choice(self.reps)
        self.count += 1
        cur = self.db.execute(
            "INSERT INTO consultations (representative_id, client_id, department_id, state,"
            " subject, created_at, seq) VALUES (?, ?, ?, 'waiting', ?, ?, ?)",
            (rep, f"oracle-{self.count}", department, "统计核对", created, self.next_seq()))
        cid = cur.lastrowid
        t = created
        dep, holder, state, last_transfer = department, None, "waiting", None
        claimed_at = closed_at = rated_at = rating = None

        def later(scale_ms):
            nonlocal t
            t += int(rng.lognormvariate(math.log(scale_ms), 1.0)) + 1
            return t <= self.now

        def rep_says():
            if rng.random() < 0.2 and self.clips:
                clip = rng.choice(self.clips)[0]
                self.message(cid, "representative", rep, "voice", "", clip, t)
            else:
                self.message(cid, "representative", rep, "text", "请问进展", None, t)

        if later(40_000):
            rep_says()
        steps = 0
        while state != "closed" and steps < 8:
            steps += 1
            if state == "waiting":
                if not later(300_000):
                    break
                who = rng.choice(self.staff[dep])
                self.system(cid, {"event": "claimed", "responderId": who}, t)
                holder, state, claimed_at = who, "claimed", t
                continue
            # claimed: answer, maybe hand over, maybe close
            roll = rng.random()
            if not later(120_000):
                break
            if roll < 0.45:
                if rng.random() < 0.15 and self.clips:
                    self.message(cid, "responder", holder, "voice", "", rng.choice(self.clips)[0], t)
                else:
                    self.message(cid, "responder", holder, "text", "正在办理", None, t)
                if rng.random() < 0.5 and later(60_000):
                    rep_says()
            elif roll < 0.6:
                to_dep = rng.choice([d for d in self.departments if d != dep and self.staff[d]])
                to_person = rng.choice(self.staff[to_dep]) if rng.random() < 0.4 else None
                reason = rng.choice(["不属本部门职责", "需要协同办理", "请专人答复"])
                tr = self.db.execute(
                    "INSERT INTO transfers (consultation_id, from_department_id, from_responder_id,"
                    " to_department_id, to_responder_id, reason, by_responder_id, created_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (cid, dep, holder, to_dep, to_person, reason, holder, t))
                last_transfer = tr.lastrowid
                self.system(cid, {"event": "transferred", "fromDepartmentId": dep,
                                  "fromResponderId": holder, "toDepartmentId": to_dep,
                                  "toResponderId": to_person, "reason": reason,
                                  "byResponderId": holder}, t)
                dep, holder = to_dep, to_person
                state = "claimed" if to_person else "waiting"
                if to_person:
                    claimed_at = t
            else:
                self.system(cid, {"event": "closed", "responderId": holder, "summary": "已答复"}, t)
                state, closed_at = "closed", t
                if rng.random() < 0.6 and later(600_000):
                    rating = rng.choice([1, 2, 3, 4, 4, 5, 5, 5])
                    self.system(cid, {"event": "rated", "rating": rating}, t)
                    rated_at = t
        self.db.execute(
            "UPDATE consultations SET department_id = ?, state = ?, assignee_id = ?,"
            " claimed_at = ?, closed_at = ?, rating = ?, rated_at = ?, last_transfer_id = ?"
            " WHERE id = ?",
            (dep, state, holder if state != "waiting" else None, claimed_at, closed_at, rating,
             rated_at, last_transfer, cid))
        return cid

    def lone_department(self):
        """A department with one officer (its lead) and one consultation, opened an hour ago."""
        cur = self.db.cursor()
        hash_ = cur.execute("SELECT password_hash FROM responders LIMIT 1").fetchone()[0]
        dep = cur.execute("INSERT INTO departments (code, name, name_en, seq) VALUES"
                          " ('lone', '单例办', 'Lone Office', ?)", (self.next_seq(),)).lastrowid
        cur.execute("INSERT INTO responders (login, name, department_id, role, title,"
                    " password_hash, seq) VALUES ('lone.1', '单一', ?, 'lead', '', ?, ?)",
                    (dep, hash_, self.next_seq()))
        self.staff[dep].append(cur.lastrowid)
        self.consultation(dep, self.now - 3_600_000, flow_seed=7)
        return dep


def seed(db_path, now_ms, rng):
    s = Seeder(db_path, now_ms, rng)
    for _ in range(1500):
        age = rng.random() ** 1.5 * 21 * DAY_MS  # more recent than old
        s.consultation(rng.choice(s.departments[:8]), now_ms - int(age))
    lone = s.lone_department()
    s.db.commit()
    s.db.close()
    return lone


# ---------------------------------------------------------------------------------------------
# The oracle: every figure of section 16, from the raw rows, by brute force.

def nearest_rank(values, p):
    if not values:
        return 0
    v = sorted(values)
    return v[max(1, math.ceil(p * len(v) / 100)) - 1]


class Figures:
    def __init__(self):
        self.n = defaultdict(int)
        self.ratings = [0] * 5
        self.durations = defaultdict(list)
        self.heat = defaultdict(int)
        self.reps = set()
        self.transfers = defaultdict(int)


def oracle(db_path, department, start_ms, end_ms, zone):
    db = sqlite3.connect(db_path)
    reps = {r[0]: (r[1], r[2] if r[1] == "npc" else r[3]) for r in
            db.execute("SELECT id, kind, delegation, sector FROM representatives")}
    consultations = db.execute("SELECT id, representative_id, department_id, created_at"
                               " FROM consultations ORDER BY id").fetchall()
    messages = defaultdict(list)
    for row in db.execute("SELECT m.consultation_id, m.sender_kind, m.sender_id, m.kind, m.body,"
                          " v.duration_ms, m.created_at FROM messages m LEFT JOIN voice_clips v"
                          " ON v.id = m.voice_clip_id ORDER BY m.id"):
        messages[row[0]].append(row[1:])
    dept, people, groups = Figures(), defaultdict(Figures), defaultdict(Figures)
    days = defaultdict(lambda: defaultdict(int))

    def local(ms):
        return datetime.datetime.fromtimestamp(ms / 1000, zone)

    def count(where_dep, who, at, rep, apply):
        if where_dep != department or not (start_ms <= at < end_ms):
            return
        apply(dept, True)
        apply(groups[reps[rep]], False)
        if who:
            apply(people[who], False)
        day = Figures()
        apply(day, False)
        for k, v in day.n.items():
            days[local(at).date()][k] += v

    for cid, rep, current, created in consultations:
        timeline = messages[cid]
        dep = current
        for sender, _, kind, body, _, _ in timeline:
            if kind == "system" and json.loads(body)["event"] == "transferred":
                dep = json.loads(body)["fromDepartmentId"]
                break
        holder, held_since, queued_since, closer, answered = None, None, created, None, False

        def received(f, whole):
            f.n["received"] += 1
            if whole:  # who and when: the department's own figures only (section 16)
                f.reps.add(rep)
                lt = local(created)
                f.heat[(lt.weekday(), lt.hour)] += 1
        count(dep, None, created, rep, received)
        for sender, sid, kind, body, voice_ms, at in timeline:
            voice_ms = voice_ms or 0
            if sender == "representative":
                def said(f, whole):
                    f.n["voiceIn" if kind == "voice" else "textIn"] += 1
                    f.n["voiceMsIn"] += voice_ms
                    if whole:
                        f.reps.add(rep)
                count(dep, None, at, rep, said)
            elif sender == "responder":
                first = not answered
                answered = True

                def replied(f, whole):
                    f.n["voiceOut" if kind == "voice" else "textOut"] += 1
                    f.n["voiceMsOut"] += voice_ms
                    if first:
                        f.durations["firstResponse"].append(at - created)
                count(dep, sid, at, rep, replied)
            else:
                e = json.loads(body)
                if e["event"] == "claimed":
                    wait = at - queued_since

                    def claimed(f, whole):
                        f.n["claimed"] += 1
                        f.durations["waiting"].append(wait)
                    count(dep, e["responderId"], at, rep, claimed)
                    holder, held_since = e["responderId"], at
                elif e["event"] == "transferred":
                    to, reason = e["toDepartmentId"], e["reason"]
                    frm = e["fromDepartmentId"]

                    def out(f, whole):
                        f.n["transfersOut"] += 1
                        if whole:
                            f.transfers[("out", to, reason)] += 1

                    def into(f, whole):
                        f.n["transfersIn"] += 1
                        if whole:
                            f.transfers[("in", frm, reason)] += 1
                    count(frm, e["byResponderId"], at, rep, out)
                    count(to, e["toResponderId"], at, rep, into)
                    dep, holder = to, e["toResponderId"]
                    held_since = at if holder else None
                    if not holder:
                        queued_since = at
                elif e["event"] == "closed":
                    closer = e["responderId"]
                    since = held_since if holder else None

                    def closed(f, whole):
                        f.n["closed"] += 1
                        if since is not None:
                            f.durations["handling"].append(at - since)
                    count(dep, closer, at, rep, closed)
                elif e["event"] == "rated":
                    r = e["rating"]

                    def rated(f, whole):
                        f.n["rated"] += 1
                        f.ratings[r - 1] += 1
                    count(dep, closer, at, rep, rated)
    return dept, people, groups, days, reps


def live(db_path, department):
    db = sqlite3.connect(db_path)
    waiting = db.execute("SELECT c.created_at, t.created_at FROM consultations c LEFT JOIN"
                         " transfers t ON t.id = c.last_transfer_id WHERE c.department_id = ?"
                         " AND c.state = 'waiting'", (department,)).fetchall()
    since = [t if t is not None else c for c, t in waiting]
    open_by = dict(db.execute("SELECT r.id, COUNT(c.id) FROM responders r LEFT JOIN consultations"
                              " c ON c.assignee_id = r.id AND c.state = 'claimed' AND"
                              " c.department_id = r.department_id WHERE r.department_id = ?"
                              " AND r.active = 1 GROUP BY r.id", (department,)).fetchall())
    return len(since), (min(since) if since else None), open_by


# ---------------------------------------------------------------------------------------------
# Comparing the server's answer with the oracle.

COUNTERS = ["received", "claimed", "closed", "rated", "transfersIn", "transfersOut", "textIn",
            "voiceIn", "textOut", "voiceOut", "voiceMsIn", "voiceMsOut"]


def compare_figures(got, want, answer_within, what):
    for name in COUNTERS:
        if got[name] != want.n[name]:
            raise AssertionError(f"{what}: {name} {got[name]} != oracle {want.n[name]}")
    if got["ratings"] != want.ratings:
        raise AssertionError(f"{what}: ratings {got['ratings']} != {want.ratings}")
    if got["representatives"] != len(want.reps):
        raise AssertionError(f"{what}: representatives {got['representatives']} != "
                             f"{len(want.reps)}")
    heat = {(d, h): n for d, h, n in got["receivedByHour"]}
    if heat != dict((k, v) for k, v in want.heat.items() if v):
        raise AssertionError(f"{what}: heat map differs")
    transfers = {(t["direction"], t["departmentId"], t["reason"]): t["count"]
                 for t in got["transfers"]}
    if transfers != dict(want.transfers):
        raise AssertionError(f"{what}: transfers {transfers} != {dict(want.transfers)}")
    for name in ("waiting", "firstResponse", "handling"):
        g, values = got[name], want.durations[name]
        if g["count"] != len(values) or g["sumMs"] != sum(values):
            raise AssertionError(f"{what}: {name} count/sum {g['count']}/{g['sumMs']} != "
                                 f"{len(values)}/{sum(values)}")
        if values and (g["minMs"] != min(values) or g["maxMs"] != max(values)):
            raise AssertionError(f"{what}: {name} min/max differ")
        for p in (50, 90):
            exact = nearest_rank(values, p)
            value = g[f"p{p}Ms"]
            if g["exact"] and value != exact:
                raise AssertionError(f"{what}: {name} p{p} {value} != exact {exact}")
            if abs(value - exact) > max(RELATIVE_ERROR * exact, 500) + 1:
                raise AssertionError(f"{what}: {name} p{p} {value} too far from {exact}")
        within = sum(1 for v in values if v <= answer_within * 60_000)
        got_within = sum(n for m, n in g["minutes"] if m <= answer_within)
        if got_within != within:
            raise AssertionError(f"{what}: {name} within {answer_within} min {got_within} != "
                                 f"{within}")


def check_report(report, db_path, department, lead_sees_all, me):
    zone = ZoneInfo(report["timeZone"])
    first = datetime.date.fromisoformat(report["from"])
    last = datetime.date.fromisoformat(report["to"])
    start = int(datetime.datetime.combine(first, datetime.time(), zone).timestamp() * 1000)
    end = int(datetime.datetime.combine(last + datetime.timedelta(days=1), datetime.time(),
                                        zone).timestamp() * 1000)
    dept, people, groups, days, reps = oracle(db_path, department, start, end, zone)
    within = report["answerWithinMinutes"]
    compare_figures(report["figures"], dept, within, "department")
    # every day of the range, in order, with its counts
    want_days = []
    d = first
    while d <= last:
        c = days.get(d, {})
        want_days.append([d.isoformat()] + [c.get(k, 0) for k in (
            "received", "claimed", "closed", "textIn", "voiceIn", "textOut", "voiceOut")])
        d += datetime.timedelta(days=1)
    if report["days"] != want_days:
        raise AssertionError("days differ")
    rows = {r["responderId"]: r for r in report["responders"]}
    waiting, oldest, open_by = live(db_path, department)
    if report["live"]["waiting"] != waiting or report["live"]["oldestWaitingSince"] != oldest:
        raise AssertionError(f"live {report['live']} != {waiting}, {oldest}")
    expected_ids = set(open_by) | {rid for rid, f in people.items()}
    if not lead_sees_all:
        expected_ids = {me} & expected_ids
    if set(rows) != expected_ids:
        raise AssertionError(f"responder rows {sorted(rows)} != {sorted(expected_ids)}")
    for rid, row in rows.items():
        if row["openNow"] != open_by.get(rid, 0):
            raise AssertionError(f"responder {rid} open {row['openNow']} != {open_by.get(rid, 0)}")
        compare_figures(row["figures"], people.get(rid, Figures()), within, f"responder {rid}")
    got_groups = {(g["kind"], g["name"]): g for g in report["groups"]}
    if set(got_groups) != set(groups):
        raise AssertionError(f"groups {sorted(got_groups)} != {sorted(groups)}")
    for key, g in got_groups.items():
        compare_figures(g["figures"], groups[key], within, f"group {key}")
    return dept


# ---------------------------------------------------------------------------------------------

async def dashboard(c, params, tries=60):
    """stats.dashboard as a client should ask: again after `retryAfterMs` while the server is
    still storing days (section 16)."""
    for _ in range(tries):
        msg = await c.call("stats.dashboard", params, timeout=60)
        if msg.get("type") == "res":
            return msg["result"]["report"]
        if msg.get("code") != "rate_limited":
            raise AssertionError(f"stats.dashboard {params}: {msg}")
        await asyncio.sleep(msg["details"]["retryAfterMs"] / 1000)
    raise AssertionError("the figures never became ready")


async def signed_in(server, user, password=PASSWORD, method="auth.login"):
    c = await Client.connect(server.host, server.port)
    await c.hello()
    result = await c.ok(method, {"user": user, "password": password})
    return c, result["principal"]


async def run(args, work):
    rng = random.Random(20261207)
    seed_db = seeded_database(args.server_bin, work)
    db_path = copy_of(seed_db, work, "stats.sqlite")
    now = int(time.time() * 1000) - 5_000
    lone = seed(db_path, now, rng)
    os.environ["TZ"] = ZONE
    server = Server(args.server_bin, db_path).start()
    results = []

    async def case(name, body):
        try:
            await body()
            results.append((name, None))
            print(f"PASS {name}", flush=True)
        except Exception as e:  # noqa: BLE001 - every failure is reported, the rest go on
            results.append((name, e))
            print(f"FAIL {name}: {e}", flush=True)
            traceback.print_exc()

    try:
        db = sqlite3.connect(db_path)
        leads = db.execute("SELECT r.login, r.department_id FROM responders r WHERE r.role = 'lead'"
                           " AND r.department_id IN (SELECT department_id FROM consultations"
                           " GROUP BY department_id ORDER BY COUNT(*) DESC LIMIT 3)").fetchall()
        today = datetime.datetime.now(ZoneInfo(ZONE)).date()
        ranges = [{"range": "today"}, {"range": "week"}, {"range": "month"},
                  {"from": (today - datetime.timedelta(days=20)).isoformat(),
                   "to": (today - datetime.timedelta(days=3)).isoformat()},
                  {"from": "2020-01-01", "to": "2020-01-31"}]  # nothing then

        for login, department in leads:
            for r in ranges:
                for exact in (False, True):
                    async def body(login=login, department=department, r=r, exact=exact):
                        c, me = await signed_in(server, login)
                        report = await dashboard(c, dict(r, exact=exact))
                        check_report(report, db_path, department, True, me["id"])
                        # refolded from the rows, or today alone: the percentiles are exact
                        if exact or r == {"range": "today"}:
                            for name in ("waiting", "firstResponse", "handling"):
                                if not report["figures"][name]["exact"]:
                                    raise AssertionError(f"{name} not exact")
                    await case(f"{login} {r} exact={exact}", body)

        async def damaged_day_is_folded_again():
            login, department = leads[0]
            c, me = await signed_in(server, login)
            await dashboard(c, {"range": "month"})  # every finished day stored
            w = sqlite3.connect(db_path, timeout=10)
            damaged = w.execute("UPDATE stats_cells SET cell = x'07' WHERE department_id = ?"
                                " AND day = (SELECT MAX(day) FROM stats_days)",
                                (department,)).rowcount
            w.commit()
            w.close()
            if damaged == 0:
                raise AssertionError("no stored day to damage")
            report = await dashboard(c, {"range": "month"})
            check_report(report, db_path, department, True, me["id"])
        await case("a damaged stored day is folded again from the consultations",
                   damaged_day_is_folded_again)

        async def days_not_stored_yet():
            login, department = leads[1]
            c, me = await signed_in(server, login)
            await dashboard(c, {"range": "month"})
            w = sqlite3.connect(db_path, timeout=10)
            w.execute("DELETE FROM stats_cells")
            stored = w.execute("DELETE FROM stats_days").rowcount
            w.commit()
            w.close()
            msg = await c.call("stats.dashboard", {"range": "month"})
            # a month has 29 or 30 finished days, all with history here; 3 folded at once
            if msg.get("code") != "rate_limited" or not 26 <= msg["details"]["preparingDays"] <= 27:
                raise AssertionError(f"{stored} days gone: expected rate_limited, got {msg}")
            preparing = msg["details"]["preparingDays"]
            if msg["details"]["retryAfterMs"] < 1000:
                raise AssertionError("retryAfterMs")
            tries = 1
            while True:
                msg = await c.call("stats.dashboard", {"range": "month"})
                tries += 1
                if msg.get("type") == "res":
                    break
                if msg.get("code") != "rate_limited" or tries > 40:
                    raise AssertionError(f"while preparing: {msg}")
            if tries > math.ceil(preparing / 3) + 1:
                raise AssertionError(f"{tries} requests for {preparing} days: too little progress")
            check_report(msg["result"]["report"], db_path, department, True, me["id"])
        await case("days not stored yet: 'come back', three more days per request, then exact",
                   days_not_stored_yet)

        async def lone_department():
            c, me = await signed_in(server, "lone.1")
            report = await dashboard(c, {"range": "week"})
            figures = check_report(report, db_path, lone, True, me["id"])
            if figures.n["received"] != 1 or report["figures"]["received"] != 1:
                raise AssertionError("the lone department received one consultation this week")
        await case("a department with one consultation", lone_department)

        async def responder_sees_own_row():
            login, department = db.execute(
                "SELECT login, department_id FROM responders WHERE role = 'responder'"
                " AND department_id = ?", (leads[0][1],)).fetchone()
            c, me = await signed_in(server, login)
            report = await dashboard(c, {"range": "month"})
            check_report(report, db_path, department, False, me["id"])
            if [r["responderId"] for r in report["responders"]] != [me["id"]]:
                raise AssertionError("a responder sees only their own row")
        await case("a responder sees the department and only their own row", responder_sees_own_row)

        async def other_department_refused():
            c, me = await signed_in(server, leads[0][0])
            other = next(d for _, d in leads if d != me["departmentId"])
            msg = await c.call("stats.dashboard", {"range": "week", "departmentId": other})
            if msg.get("code") != "forbidden":
                raise AssertionError(f"another department's figures: {msg}")
        await case("another department's figures are forbidden", other_department_refused)

        async def representative_refused():
            c, _ = await signed_in(server, "rep0001", "rep2026", "auth.repLogin")
            msg = await c.call("stats.dashboard", {"range": "week"})
            if msg.get("code") != "forbidden":
                raise AssertionError(f"a representative asked for statistics: {msg}")
        await case("representatives are refused", representative_refused)

        async def bad_ranges():
            c, _ = await signed_in(server, leads[0][0])
            for params, code in (({"range": "year"}, "bad_request"),
                                 ({"from": "2026-02-30", "to": "2026-03-01"}, "bad_request"),
                                 ({"from": "2026-03-02", "to": "2026-03-01"}, "bad_request"),
                                 ({"from": "2024-01-01", "to": "2025-12-31"}, "too_large")):
                msg = await c.call("stats.dashboard", params)
                if msg.get("code") != code:
                    raise AssertionError(f"{params}: expected {code}, got {msg}")
        await case("bad ranges get clear errors", bad_ranges)

        async def targets():
            login = db.execute("SELECT login FROM responders WHERE role = 'responder'"
                               " AND department_id = ?", (leads[0][1],)).fetchone()[0]
            c, _ = await signed_in(server, login)
            msg = await c.call("stats.targets", {"answerWithinMinutes": 5, "waitingLimitMinutes": 5})
            if msg.get("code") != "forbidden":
                raise AssertionError(f"a responder set targets: {msg}")
            lead, _ = await signed_in(server, leads[0][0])
            await lead.ok("stats.targets", {"answerWithinMinutes": 7, "waitingLimitMinutes": 12})
            report = await dashboard(lead, {"range": "month"})
            if (report["answerWithinMinutes"], report["waitingLimitMinutes"]) != (7, 12):
                raise AssertionError("targets not kept")
            check_report(report, db_path, leads[0][1], True, None)  # 'within' at 7 minutes
        await case("a lead sets the targets; the share follows", targets)
        async def another_time_zone():
            nonlocal server
            server.stop()
            server = Server(args.server_bin, db_path,
                            ["--stats-time-zone", "America/New_York"]).start()
            login, department = leads[0]
            c, me = await signed_in(server, login)
            report = await dashboard(c, {"range": "month"})
            if report["timeZone"] != "America/New_York":
                raise AssertionError(f"zone {report['timeZone']}")
            check_report(report, db_path, department, True, me["id"])
            zones = {z for (z,) in sqlite3.connect(db_path).execute(
                "SELECT DISTINCT zone FROM stats_days")}
            if zones - {"America/New_York"}:
                raise AssertionError(f"days of other zones kept: {zones}")
        await case("days stored under another time zone are folded again in the new one",
                   another_time_zone)
    finally:
        server.stop()
    failed = [n for n, e in results if e]
    print(f"{len(results) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--server-bin", required=True)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        sys.exit(asyncio.run(run(args, work)))


if __name__ == "__main__":
    main()
