#!/usr/bin/env python3
"""Sends N asks back to back from one client (a few connections) and reports how the rate limiter answered.

    python3 tests/load/ask-burst.py http://127.0.0.1:5000 2000 [asks per second, default as fast as it can]

Prints the status counts, the answered asks per second of the run, and the Retry-After values seen on 429s.
"""
import collections, concurrent.futures, json, sys, time, urllib.error, urllib.request

base, total = sys.argv[1].rstrip("/"), int(sys.argv[2]) if len(sys.argv) > 2 else 2000
pace = 1 / float(sys.argv[3]) if len(sys.argv) > 3 else 0
body = json.dumps({"question": "Which Iranian president visited Pakistan?"}).encode()

def ask(n):
    if pace:
        time.sleep(max(0, start + n * pace - time.monotonic()))
    request = urllib.request.Request(base + "/api/ask", body, {"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            response.read()
            return time.monotonic(), response.status, None
    except urllib.error.HTTPError as error:
        error.read()
        return time.monotonic(), error.code, error.headers.get("Retry-After")

start = time.monotonic()
with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
    results = list(pool.map(ask, range(total)))
elapsed = time.monotonic() - start

statuses = collections.Counter(status for _, status, _ in results)
answered_per_second = collections.Counter(int(at - start) for at, status, _ in results if status == 200)
retry_after = collections.Counter(value for _, status, value in results if status == 429)
print(f"{total} asks in {elapsed:.1f} s: " + ", ".join(f"{s} x {n}" for s, n in sorted(statuses.items())))
print("answered per second of the run: " + ", ".join(f"{s}s:{n}" for s, n in sorted(answered_per_second.items())))
print("Retry-After on 429s: " + ", ".join(f"{v} s x {n}" for v, n in sorted(retry_after.items())))
