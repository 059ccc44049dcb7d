#!/usr/bin/env python3
# Not a test: the status bar's counts before (count(*) of four tables) and after (TableCounts::since:
# rows past the marks of a full count, 20 rows and 100 events ago), warm and with the file evicted
# from the page cache (posix_fadvise DONTNEED on the file only). Issue 21.
#   tests/bench/status_counts.py DB
import sqlite3, time, os, statistics, sys
path=sys.argv[1]
def evict():
    for suf in ('','-wal'):
        if os.path.exists(path+suf):
            fd=os.open(path+suf,os.O_RDONLY); os.posix_fadvise(fd,0,0,os.POSIX_FADV_DONTNEED); os.close(fd)
old=["SELECT count(*) FROM cards","SELECT count(*) FROM dies","SELECT count(*) FROM units","SELECT count(*) FROM batches","SELECT coalesce(max(seq), 0) FROM events"]
con=sqlite3.connect("file:%s?mode=ro"%path, uri=True)
marks={t:con.execute("select max(rowid) from %s"%t).fetchone()[0]-20 for t in ('cards','dies','units','batches')}
em=con.execute("select max(seq) from events").fetchone()[0]-100
new=[("SELECT count(*) FROM events WHERE seq > ? AND +step = 'void'",(em,))]+[("SELECT count(*) FROM %s WHERE rowid > ?"%t,(m,)) for t,m in marks.items()]+[("SELECT coalesce(max(seq), 0) FROM events",())]
con.close()
def run(qs, cold):
    res=[]
    for i in range(7 if cold else 30):
        if cold: evict()
        c=sqlite3.connect("file:%s?mode=ro"%path, uri=True)
        t=time.perf_counter()
        for q in qs:
            if isinstance(q,tuple): c.execute(q[0],q[1]).fetchone()
            else: c.execute(q).fetchone()
        res.append((time.perf_counter()-t)*1000); c.close()
    return statistics.median(res), max(res)
for cold in (False, True):
    print("cold" if cold else "warm", "old count(*): median %.2f ms max %.2f" % run(old,cold), "| new since(): median %.3f ms max %.3f" % run(new,cold))
