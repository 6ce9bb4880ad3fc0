#!/usr/bin/env python3
"""A Google Reader sync client for bench/sync-bench: the requests a client such as ReadYou or FeedMe makes
for a full initial sync and for an incremental one, each timed from sending to the last byte received
(so the figure is the server's time plus the loopback's, never this script's JSON parsing), and the same
number of /healthz round trips on the same connection as the baseline.
Usage: sync-client.py BASE_URL USER API_PASSWORD full|incremental|star STATE_FILE"""
import http.client, json, sys, time, urllib.parse

base, user, password, mode, state_file = sys.argv[1:6]
url = urllib.parse.urlparse(base)
connection = http.client.HTTPConnection(url.hostname, url.port)
timings = []

def request(method, path, body=None, auth=None, timed=True):
    headers = {"Content-Type": "application/x-www-form-urlencoded"} if body is not None else {}
    if auth:
        headers["Authorization"] = "GoogleLogin auth=" + auth
    start = time.perf_counter()
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    data = response.read()
    elapsed = time.perf_counter() - start
    if response.status != 200:
        sys.exit(f"{method} {path} answered {response.status}: {data[:200]!r}")
    if timed:
        timings.append(elapsed)
    return data

api = url.path.rstrip("/") + "/api/greader"
login = request("POST", api + "/accounts/ClientLogin", urllib.parse.urlencode({"Email": user, "Passwd": password}))
auth = [l[5:] for l in login.decode().splitlines() if l.startswith("Auth=")][0]
token = request("GET", api + "/reader/api/0/token", auth=auth).decode().strip()

def ids(query):
    found, continuation = [], None
    while True:
        path = api + "/reader/api/0/stream/items/ids?" + query + ("&c=" + urllib.parse.quote(continuation) if continuation else "")
        page = json.loads(request("GET", path, auth=auth))
        found += [int(r["id"]) for r in page["itemRefs"]]
        continuation = page.get("continuation")
        if not continuation:
            return found

def contents(wanted):
    items = 0
    for start in range(0, len(wanted), 250):
        body = urllib.parse.urlencode([("i", str(i)) for i in wanted[start:start + 250]] + [("T", token)])
        items += len(json.loads(request("POST", api + "/reader/api/0/stream/items/contents", body, auth=auth))["items"])
    return items

if mode == "star":
    # Stars every hundredth unread entry, so that the starred list has something in it.
    unread = ids("s=user/-/state/com.google/reading-list&xt=user/-/state/com.google/read&n=10000")[::100]
    for start in range(0, len(unread), 250):
        body = urllib.parse.urlencode([("i", str(i)) for i in unread[start:start + 250]] + [("a", "user/-/state/com.google/starred"), ("T", token)])
        request("POST", api + "/reader/api/0/edit-tag", body, auth=auth, timed=False)
    sys.exit(0)

timings.clear()
wall = time.perf_counter()
request("GET", api + "/reader/api/0/tag/list?output=json", auth=auth)
request("GET", api + "/reader/api/0/subscription/list?output=json", auth=auth)
request("GET", api + "/reader/api/0/unread-count?output=json", auth=auth)
unread = ids("s=user/-/state/com.google/reading-list&xt=user/-/state/com.google/read&n=10000")
starred = ids("s=user/-/state/com.google/starred&n=10000")
if mode == "full":
    fetched = contents(sorted(set(unread) | set(starred)))
else:
    known = set(json.load(open(state_file)))
    fetched = contents(sorted((set(unread) | set(starred)) - known))
wall = time.perf_counter() - wall
json.dump(sorted(set(unread) | set(starred)), open(state_file, "w"))

# The baseline: as many /healthz round trips on the same connection, right after.
server = sum(timings)
count = len(timings)
timings.clear()
for _ in range(count):
    request("GET", url.path.rstrip("/") + "/healthz")
baseline = sum(timings)
print(f"{mode} {count} {len(unread)} {len(starred)} {fetched} {server:.3f} {baseline:.3f} {wall:.3f}")
