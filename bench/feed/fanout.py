#!/usr/bin/env python3
"""Fan-out latency of the home feed against a running `./nova local` (see bench/README.md).

One author with BENCH_FOLLOWERS followers (default 1,000, all active: each read their feed once, so their
timelines are kept) posts BENCH_POSTS times (default 100), one post at a time. For each post: the time from
sending POST /api/v1/posts until the post is in every follower's Redis timeline (feed:tl:<id>, member
"<post id>:<author id>"), polled every millisecond with one Lua call that counts the timelines holding it.
Prints p50/p90/p99/max and keeps them in bench/target/feed-fanout.txt. Target: p99 <= 1 s.
An author over the fan-out threshold (FEED_FAN_OUT_MAX_FOLLOWERS, default 10,000): start Nova with a lower one
(FEED_FAN_OUT_MAX_FOLLOWERS=500 ./nova local) and run with BENCH_CHECK_MERGED=1 — each post is then checked to be
on a follower's very next read.
Env: NOVA_URL (http://127.0.0.1:8080), NOVA_REDIS (127.0.0.1:16379), BENCH_FEED_PREFIX (feed:).
"""
import json
import os
import socket
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

NOVA = os.environ.get("NOVA_URL", "http://127.0.0.1:8080")
REDIS = os.environ.get("NOVA_REDIS", "127.0.0.1:16379")
PREFIX = os.environ.get("BENCH_FEED_PREFIX", "feed:")
FOLLOWERS = int(os.environ.get("BENCH_FOLLOWERS", "1000"))
POSTS = int(os.environ.get("BENCH_POSTS", "100"))
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "target", "feed-fanout.txt")
COUNT = ("local n = 0 for _, k in ipairs(KEYS) do "
         "if redis.call('ZSCORE', k, ARGV[1]) then n = n + 1 end end return n")


def http(method, path, token=None, body=None):
    request = urllib.request.Request(NOVA + path, method=method,
                                     data=None if body is None else json.dumps(body).encode())
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request, timeout=30) as answer:
        text = answer.read()
        return json.loads(text) if text else None


class Redis:
    """Just enough RESP for EVAL and GET."""

    def __init__(self, address):
        host, port = address.rsplit(":", 1)
        self.sock = socket.create_connection((host, int(port)))
        self.file = self.sock.makefile("rb")

    def call(self, *args):
        parts = [b"*%d\r\n" % len(args)]
        for arg in args:
            data = str(arg).encode()
            parts.append(b"$%d\r\n%s\r\n" % (len(data), data))
        self.sock.sendall(b"".join(parts))
        return self.read()

    def read(self):
        line = self.file.readline().rstrip(b"\r\n")
        kind, rest = line[:1], line[1:]
        if kind == b":":
            return int(rest)
        if kind == b"$":
            if int(rest) < 0:
                return None
            data = self.file.read(int(rest) + 2)[:-2]
            return data.decode()
        if kind == b"+":
            return rest.decode()
        if kind == b"*":
            return [self.read() for _ in range(int(rest))]
        raise RuntimeError(rest.decode())


def register(i, run):
    name = "%s_%d" % (run, i)
    answer = http("POST", "/api/v1/auth/register",
                  body={"email": name + "@bench.example", "username": name, "password": "bench password " + run})
    return answer["user"]["id"], answer["access_token"]


def percentile(values, p):
    """The nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, -(-p * len(ordered) // 100) - 1)]


def main():
    run = "f%d" % int(time.time())
    with ThreadPoolExecutor(4) as pool:
        people = list(pool.map(lambda i: register(i, run), range(FOLLOWERS + 1)))
    author, followers = people[0], people[1:]
    print("== %d followers follow the author and read their feed once" % len(followers))
    with ThreadPoolExecutor(4) as pool:
        list(pool.map(lambda f: http("PUT", "/api/v1/relationships/following/" + author[0], f[1]), followers))
        list(pool.map(lambda f: http("GET", "/api/v1/feed?limit=10", f[1]), followers))
    redis = Redis(REDIS)
    deadline = time.time() + 120
    while any(redis.call("GET", PREFIX + "m:" + f[0]) != "ready" for f in followers):
        if time.time() > deadline:
            sys.exit("bench: timelines were not built within 120 s")
        time.sleep(0.2)
    if os.environ.get("BENCH_CHECK_MERGED") == "1":
        merged(author, followers)
        return
    keys = [PREFIX + "tl:" + f[0] for f in followers]
    latencies = []
    print("== the author posts %d times; each post timed until it is in all %d timelines" % (POSTS, len(keys)))
    for i in range(POSTS):
        start = time.perf_counter()
        post = http("POST", "/api/v1/posts", author[1], {"text": "fan-out %d" % i})
        member = post["id"] + ":" + author[0]
        while redis.call("EVAL", COUNT, len(keys), *keys, member) < len(keys):
            if time.perf_counter() - start > 30:
                sys.exit("bench: post %s not fanned out within 30 s" % post["id"])
            time.sleep(0.001)
        latencies.append((time.perf_counter() - start) * 1000)
    report = "fan-out to %d timelines over %d posts (ms): p50 %.1f  p90 %.1f  p99 %.1f  max %.1f" % (
        len(keys), POSTS, percentile(latencies, 50), percentile(latencies, 90), percentile(latencies, 99),
        max(latencies))
    print(report)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as out:
        out.write(report + "\n")


def merged(author, followers):
    """An author over the threshold: each post must be on a follower's very next read (no fan-out to wait for)."""
    shown = 0
    for i in range(POSTS):
        post = http("POST", "/api/v1/posts", author[1], {"text": "over the threshold %d" % i})
        reader = followers[i % len(followers)]
        first = http("GET", "/api/v1/feed?limit=1", reader[1])["items"]
        shown += bool(first) and first[0]["id"] == post["id"]
    print("== over the threshold: %d of %d posts on the next read" % (shown, POSTS))

if __name__ == "__main__":
    main()
