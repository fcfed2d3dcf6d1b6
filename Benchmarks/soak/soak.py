#!/usr/bin/env python3
"""Helper for Benchmarks/soak/run.sh (Python 3.11, standard library only).

  soak.py delay SEED LOW HIGH           a kill delay in seconds: random.Random(SEED).uniform(LOW, HIGH)
  soak.py url LOGFILE [TIMEOUT]         wait for `serve` to announce its address in LOGFILE; print it
  soak.py reviews URL DB                post the review plan through the dashboard, resuming from what is stored
  soak.py reads URL SECONDS             read the dashboard (pages, search, API, exports) for SECONDS
  soak.py dump DB OUTDIR                dump the tables (wall-clock columns left out), raw and with event ids keyed
  soak.py key DB INDIR OUTDIR           rewrite the CLI exports in INDIR with event ids keyed, into OUTDIR
  soak.py check DB                      PRAGMA integrity_check, foreign_key_check, FTS5 integrity-check (on a copy)
  soak.py progress DB WHAT [ARG]        how far a killed phase got (documents | recoded PREMAX | reviews)
  soak.py count DB                      documents stored (MAX(seq)), for the ingest rate under load
  soak.py wrkjson FILE                  the JSON line mixed.lua printed at the end of wrk's output

The database is only ever opened read-only here (`mode=ro`), except by `check`, which runs FTS5's
integrity-check on a backup copy.
"""
import http.client
import json
import os
import random
import re
import sqlite3
import sys
import tempfile
import threading
import time
import urllib.parse

# Wall-clock columns: they record when something was done, not what. Left out of the dumps.
WALL_CLOCK = {"documents": {"retrieved"}, "reviews": {"reviewed_at"}}

# Tables dumped, with the order that makes a dump canonical.
TABLES = [
    ("grdb_migrations", "identifier"),
    ("meta", "key"),
    ("sources", "id"),
    ("documents", "seq"),
    ("coverage_daily", "source_id, day"),
    ("events", "id"),
    ("indicator_stories", "type, scope, cluster"),
    ("indicator_daily", "type, scope, day"),
    ("warnings", "id"),
    ("reviews", "id"),
    # The full-text indexes' per-document rows (which documents are indexed, with their token
    # counts). The index b-trees themselves depend on commit boundaries and are not compared;
    # `check` verifies them, and the CLI searches in the dump compare what they answer.
    ("documents_fts_docsize", "id"),
    ("documents_trigram_docsize", "id"),
]

PROVINCES = ["KP-01", "KP-02", "KP-03", "KP-04", "KP-05", "KP-06", "KP-07", "KP-08", "KP-09", "KP-10", "KP-13", "KP-14"]


def connect_ro(path):
    return sqlite3.connect("file:" + urllib.parse.quote(os.path.abspath(path)) + "?mode=ro", uri=True, timeout=30)


def cell(value):
    if isinstance(value, bytes):
        return "x'" + value.hex() + "'"
    return value


# ---------------------------------------------------------------------------------------------
# dump


def event_keys(db):
    """Event id -> a key that survives renumbering: the document's id, the event's origin and its
    rank among that document's events of the same origin (in id order)."""
    keys, rank = {}, {}
    for eid, doc, origin in db.execute(
        "SELECT e.id, d.id, e.origin FROM events e JOIN documents d ON d.seq = e.document_seq ORDER BY e.id"
    ):
        k = (doc, origin)
        rank[k] = rank.get(k, 0) + 1
        keys[eid] = f"{doc[:16]}/{origin}/{rank[k]}"
    return keys


def keyed_ids(value, keys):
    if value is None:
        return None
    return keys.get(value, f"?{value}")


def dump(path, out):
    db = connect_ro(path)
    keys = event_keys(db)
    os.makedirs(os.path.join(out, "raw"), exist_ok=True)
    os.makedirs(os.path.join(out, "keyed"), exist_ok=True)
    for table, order in TABLES:
        columns = [r[1] for r in db.execute(f"PRAGMA table_info({table})")]
        kept = [c for c in columns if c not in WALL_CLOCK.get(table, set())]
        select = ", ".join(f'"{c}"' for c in kept)
        rows = db.execute(f"SELECT {select} FROM {table} ORDER BY {order}").fetchall()
        with open(os.path.join(out, "raw", table + ".jsonl"), "w", encoding="utf-8") as raw, open(
            os.path.join(out, "keyed", table + ".jsonl"), "w", encoding="utf-8"
        ) as keyed:
            raw.write(json.dumps(kept) + "\n")
            keyed.write(json.dumps(kept) + "\n")
            for row in rows:
                values = [cell(v) for v in row]
                raw.write(json.dumps(values, ensure_ascii=False) + "\n")
                record = dict(zip(kept, values))
                if table == "events":
                    record["id"] = keyed_ids(record["id"], keys)
                elif table == "reviews":
                    record["event_id"] = keyed_ids(record["event_id"], keys)
                    record["machine_event_id"] = keyed_ids(record["machine_event_id"], keys)
                elif table == "warnings":
                    record["events"] = json.dumps([keyed_ids(i, keys) for i in json.loads(record["events"])])
                elif table == "meta" and record["key"] == "analysis_state":
                    # Counts, the highest event id and a digest: the id part moves with renumbering.
                    parts = record["value"].split("|")
                    record["value"] = "|".join(parts[:3] + ["<max event id>"] + parts[4:5] + ["<digest>"])
                keyed.write(json.dumps([record[c] for c in kept], ensure_ascii=False) + "\n")
    db.close()


def key_exports(path, indir, outdir):
    """The CLI's events and warnings exports with event ids replaced by keys."""
    db = connect_ro(path)
    keys = event_keys(db)
    db.close()
    os.makedirs(outdir, exist_ok=True)
    for name in sorted(os.listdir(indir)):
        src = os.path.join(indir, name)
        with open(src, encoding="utf-8") as f:
            text = f.read()
        if name.startswith("events") and name.endswith(".jsonl"):
            lines = []
            for line in text.splitlines():
                record = json.loads(line)
                record["id"] = keyed_ids(record["id"], keys)
                lines.append(json.dumps(record, ensure_ascii=False, sort_keys=True))
            text = "\n".join(lines) + ("\n" if lines else "")
        elif name.startswith("warnings") and name.endswith(".json"):
            warnings = json.loads(text)
            for w in warnings:
                w["events"] = [keyed_ids(i, keys) for i in w["events"]]
                w.pop("id", None)
            text = json.dumps(warnings, ensure_ascii=False, sort_keys=True, indent=1) + "\n"
        with open(os.path.join(outdir, name), "w", encoding="utf-8") as f:
            f.write(text)


# ---------------------------------------------------------------------------------------------
# check


def check(path):
    problems = []
    db = connect_ro(path)
    result = [r[0] for r in db.execute("PRAGMA integrity_check")]
    if result != ["ok"]:
        problems.append("integrity_check: " + "; ".join(result[:5]))
    fk = db.execute("PRAGMA foreign_key_check").fetchall()
    if fk:
        problems.append(f"foreign_key_check: {len(fk)} rows, first {fk[0]}")
    index = db.execute("SELECT value FROM meta WHERE key = 'search_index'").fetchone()
    if not index or index[0] != "current":
        problems.append(f"meta.search_index is {index[0] if index else None!r}, not 'current'")
    # FTS5's own check is written as an INSERT: run it on a copy, never on the database itself.
    with tempfile.TemporaryDirectory() as tmp:
        copy = sqlite3.connect(os.path.join(tmp, "copy.sqlite"))
        db.backup(copy)
        for table in ("documents_fts", "documents_trigram"):
            try:
                copy.execute(f"INSERT INTO {table}({table}) VALUES('integrity-check')")
            except sqlite3.DatabaseError as error:
                problems.append(f"{table} integrity-check: {error}")
        copy.close()
    db.close()
    if problems:
        print("FAILED: " + " | ".join(problems))
        return 1
    print("ok")
    return 0


def progress(path, what, arg=None):
    db = connect_ro(path)
    try:
        if what == "documents":
            (n,) = db.execute("SELECT COUNT(*) FROM documents").fetchone()
            print(n)
        elif what == "recoded":
            (n,) = db.execute(
                "SELECT COUNT(DISTINCT document_seq) FROM events WHERE origin = 'machine' AND id > ?", (int(arg),)
            ).fetchone()
            print(n)
        elif what == "maxevent":
            (n,) = db.execute("SELECT COALESCE(MAX(id), 0) FROM events").fetchone()
            print(n)
        elif what == "reviews":
            (n,) = db.execute("SELECT COUNT(*) FROM reviews").fetchone()
            print(n)
    except sqlite3.Error as error:  # a database killed before its schema was written
        print(f"0 ({error})")
    finally:
        db.close()


def count(path):
    db = connect_ro(path)
    (n,) = db.execute("SELECT COALESCE(MAX(seq), 0) FROM documents").fetchone()
    db.close()
    print(n)


# ---------------------------------------------------------------------------------------------
# serve: address, reviews, reads


def wait_url(logfile, timeout=60.0):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with open(logfile, encoding="utf-8", errors="replace") as f:
                m = re.search(r"(http://127\.0\.0\.1:\d+)/", f.read())
            if m:
                print(m.group(1))
                return 0
        except FileNotFoundError:
            pass
        time.sleep(0.05)
    print(f"serve did not announce its address in {timeout:.0f} s", file=sys.stderr)
    return 1


class Lost(Exception):
    """The server went away (killed)."""


class Client:
    def __init__(self, url):
        parsed = urllib.parse.urlparse(url)
        self.host, self.port = parsed.hostname, parsed.port
        self.origin = f"http://{self.host}:{self.port}"
        self.conn = None
        self.cookies = {}

    def request(self, method, path, body=None, headers=None):
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        for attempt in (1, 2):
            try:
                if self.conn is None:
                    self.conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
                self.conn.request(method, path, body=body, headers=headers)
                response = self.conn.getresponse()
                data = response.read()
                for value in response.headers.get_all("Set-Cookie") or []:
                    name, _, rest = value.partition("=")
                    self.cookies[name.strip()] = rest.split(";", 1)[0]
                return response.status, response.headers, data
            except (ConnectionError, http.client.HTTPException, OSError) as error:
                self.conn = None
                # A keep-alive connection the server closed: one fresh try. Refused: it is gone.
                if attempt == 2 or isinstance(error, ConnectionRefusedError):
                    raise Lost(f"{method} {path}: {error!r}")
        raise AssertionError("unreachable")

    def post_form(self, path, fields):
        body = urllib.parse.urlencode(fields)
        return self.request(
            "POST",
            path,
            body=body,
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                # What a browser sends with a form on the dashboard's own page.
                "Origin": self.origin,
                "Sec-Fetch-Site": "same-origin",
                "Sec-Fetch-Mode": "navigate",
                "Sec-Fetch-Dest": "document",
            },
        )


VERDICTS = ["accepted", "rejected", "edited"]
AGAIN = {"accepted": "rejected", "rejected": "accepted", "edited": "accepted"}


def review_plan(db):
    """The fixed review plan. Targets: every 7th machine event in an order that survives a recode
    (document id, sentence span, type, province), not by id."""
    rows = db.execute(
        """SELECT e.id, d.id, e.sentence_start, e.sentence_end, e.type, e.province
           FROM events e JOIN documents d ON d.seq = e.document_seq WHERE e.origin = 'machine'
           ORDER BY d.id, e.sentence_start, e.sentence_end, e.type, e.province IS NULL, e.province, e.id"""
    ).fetchall()
    targets = rows[::7]
    plan = []
    for j, (eid, _doc, _s, _e, etype, province) in enumerate(targets):
        last = j == len(targets) - 1  # the sentinel: plain, so that "it is stored" means "posting is done"
        verdict = VERDICTS[j % 3]
        step = {"j": j, "event": eid, "type": etype, "province": province, "verdict": verdict}
        step["again"] = AGAIN[verdict] if (j % 10 == 5 and not last) else None
        step["withdraw"] = j % 10 == 8 and not last
        plan.append(step)
    return plan


def form_for(step, verdict, note):
    fields = {"reviewer": "soak", "verdict": verdict, "note": note, "return": f"/review/events/{step['event']}"}
    if verdict == "edited":
        # Correct the province (the next one in the list) and the sincerity; no date.
        current = step["province"]
        nxt = PROVINCES[(PROVINCES.index(current) + 1) % len(PROVINCES)] if current in PROVINCES else "KP-01"
        fields.update({"type": step["type"], "province": nxt, "sincerity": "unclear", "date": ""})
    return fields


def reviews(url, path):
    db = connect_ro(path)
    plan = review_plan(db)

    def stored():
        state = {}
        for machine, status in db.execute(
            "SELECT r.machine_event_id, e.status FROM reviews r JOIN events e ON e.id = r.event_id"
        ):
            state[machine] = status
        return state

    state = stored()
    posting_done = plan[-1]["event"] in state
    todo = []
    # Posts: every target not yet reviewed, unless the sentinel (last) is stored: then posting is
    # done, and a target without a review was withdrawn.
    if not posting_done:
        todo += [("post", s) for s in plan if s["event"] not in state]
    todo += [("again", s) for s in plan if s["again"] and state.get(s["event"]) != s["again"]]
    todo += [("withdraw", s) for s in plan if s["withdraw"] and (not posting_done or s["event"] in state)]
    counts = {
        "planned_posts": len(plan),
        "planned_again": sum(1 for s in plan if s["again"]),
        "planned_withdrawals": sum(1 for s in plan if s["withdraw"]),
        "stored_before": len(state),
        "todo": len(todo),
    }
    client = Client(url)
    done = 0
    started = time.time()
    try:
        # The dashboard's review page sets the CSRF cookie; its form carries the same token.
        status, _, page = client.request("GET", f"/review/events/{plan[0]['event']}")
        if status != 200 or "watchfloor_csrf" not in client.cookies:
            print(json.dumps({"error": f"review page answered {status} without a token", **counts}))
            return 1
        token = client.cookies["watchfloor_csrf"]
        for action, step in todo:
            eid = step["event"]
            if action == "post":
                fields = form_for(step, step["verdict"], f"soak review {step['j']}")
                path_ = f"/review/events/{eid}"
            elif action == "again":
                fields = form_for(step, step["again"], f"soak review {step['j']}, changed")
                path_ = f"/review/events/{eid}"
            else:
                status, _, page = client.request("GET", f"/review/events/{eid}")
                m = re.search(rb'action="/review/reviews/(\d+)/withdraw"', page)
                if status != 200 or not m:
                    print(json.dumps({"error": f"no withdraw form on /review/events/{eid} ({status})", **counts}))
                    return 1
                fields = {"return": "/review"}
                path_ = f"/review/reviews/{m.group(1).decode()}/withdraw"
            fields["csrf"] = token
            status, headers, body = client.post_form(path_, fields)
            if status != 303:
                print(json.dumps({"error": f"POST {path_} answered {status}: {body[:300]!r}", **counts}))
                return 1
            done += 1
    except Lost as lost:
        print(json.dumps({"lost": str(lost), "done": done, **counts}))
        return 3
    print(json.dumps({"done": done, "seconds": round(time.time() - started, 2), **counts}))
    return 0


READ_ROUTES = [
    "/",
    "/map",
    "/map?indicator=warnings&days=90",
    "/provinces/KP-10",
    "/events?type=GIFT_DELIVERY&province=KP-10&since=2026-01-01",
    "/events?status=accepted",
    "/warnings",
    "/review",
    "/series?type=GIFT_DELIVERY,CONDOLENCE_VISIT&province=KP-04",
    "/series.svg?type=DISCONTENT&granularity=week",
    "/search?q=" + urllib.parse.quote("유가족"),
    "/search?q=condolence",
    "/api/v1/status",
    "/api/v1/events?type=GIFT_DELIVERY&limit=200",
    "/api/v1/search?q=" + urllib.parse.quote("선물"),
    "/events.csv?province=KP-09",
    "/events.jsonl?type=CASUALTY_REPORT",
    "/static/watchfloor.css",
]


def reads(url, seconds):
    seconds = float(seconds)
    stop = time.time() + seconds
    results = {"requests": 0, "bad": [], "lost": None}
    lock = threading.Lock()

    def worker(offset):
        client = Client(url)
        i = offset
        while time.time() < stop:
            path = READ_ROUTES[i % len(READ_ROUTES)]
            i += 1
            try:
                status, _, _ = client.request("GET", path)
            except Lost as lost:
                with lock:
                    results["lost"] = results["lost"] or str(lost)
                return
            with lock:
                results["requests"] += 1
                if not 200 <= status < 400:
                    results["bad"].append(f"{status} {path}")

    threads = [threading.Thread(target=worker, args=(k * 5,)) for k in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(json.dumps({"requests": results["requests"], "bad": results["bad"][:10], "lost": results["lost"]}))
    if results["bad"]:
        return 1
    return 3 if results["lost"] else 0


def wrkjson(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith("SOAKJSON "):
                print(line[len("SOAKJSON "):].strip())
                return 0
    print("{}")
    return 1


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    command, args = argv[1], argv[2:]
    if command == "delay":
        seed, low, high = int(args[0]), float(args[1]), float(args[2])
        print(f"{random.Random(seed).uniform(low, high):.3f}")
        return 0
    if command == "url":
        return wait_url(args[0], float(args[1]) if len(args) > 1 else 60.0)
    if command == "reviews":
        return reviews(args[0], args[1])
    if command == "reads":
        return reads(args[0], args[1])
    if command == "dump":
        dump(args[0], args[1])
        return 0
    if command == "key":
        key_exports(args[0], args[1], args[2])
        return 0
    if command == "check":
        return check(args[0])
    if command == "progress":
        progress(args[0], args[1], args[2] if len(args) > 2 else None)
        return 0
    if command == "count":
        count(args[0])
        return 0
    if command == "wrkjson":
        return wrkjson(args[0])
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
