#!/usr/bin/env python3
# Not a test: a writer on another connection while a reworkctl command runs (issue 21).
#   tests/bench/write_during.py DB REWORKCTL COMMAND [ARGS...]   e.g. ... /tmp/big.db build/bin/reworkctl check
# A writer on another connection (BEGIN IMMEDIATE, one row, COMMIT, synchronous=FULL) every 10 ms
# while a reworkctl command runs on the same file; prints the writes' p50/p99/max and failures.
import sqlite3, subprocess, sys, time, statistics
db, binary, cmd = sys.argv[1], sys.argv[2], sys.argv[3:]
w = sqlite3.connect(db, timeout=5.0, isolation_level=None)
w.execute("PRAGMA journal_mode=WAL"); w.execute("PRAGMA synchronous=FULL")
w.execute("CREATE TABLE IF NOT EXISTS bench_bare (id INTEGER PRIMARY KEY, at TEXT, body TEXT)")
lat, fails = [], 0
t0 = time.time()
p = subprocess.Popen([binary, "--db", db] + cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
while p.poll() is None:
    t = time.perf_counter()
    try:
        w.execute("BEGIN IMMEDIATE"); w.execute("INSERT INTO bench_bare (at, body) VALUES (datetime('now'), 'x')"); w.execute("COMMIT")
        lat.append((time.perf_counter() - t) * 1000)
    except sqlite3.OperationalError as e:
        fails += 1
        try: w.execute("ROLLBACK")
        except Exception: pass
    time.sleep(0.01)
out, err = p.communicate()
lat.sort()
q = lambda f: lat[min(len(lat) - 1, int(f * len(lat)))] if lat else float('nan')
print("%s: %.1f s, exit %d; %d writes, %d failed; p50 %.1f ms, p99 %.1f ms, max %.0f ms" % (" ".join(cmd), time.time() - t0, p.returncode, len(lat), fails, q(0.5), q(0.99), lat[-1] if lat else 0))
