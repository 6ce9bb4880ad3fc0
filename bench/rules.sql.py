#!/usr/bin/env python3
"""Prints SQL that gives the bench user N rules (bench/refresh-bench --rules N): the queries of rule-queries.txt (shared
with the RuleBenchmarks), a mix like readers write: words and phrases that rarely match (the farm's text is made of 75
words, so rules are written to match a few entries, as real ones do), English and Chinese, fields, prefixes, regular
expressions; every twenty-fifth rule keeps only what it matches in one feed; the actions take turns."""
import os
import sys

n = int(sys.argv[1])
queries = [line for line in open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "rule-queries.txt"), encoding="utf-8").read().split("\n") if line]
actions = [(1, 0, 0, None), (0, 1, 0, None), (0, 0, 1, None), (0, 0, 0, "later")]
rows = []
for i in range(n):
    query = queries[i % len(queries)].replace("'", "''")
    read, star, hide, label = actions[i % len(actions)]
    # Every twenty-fifth rule keeps only what it matches, in one feed.
    keep_only = i % 25 == 24
    feed = f"(SELECT feed_id FROM subscriptions WHERE user_id = (SELECT id FROM users WHERE username = 'bench') ORDER BY feed_id LIMIT 1 OFFSET {i})" if keep_only else "NULL"
    label_sql = "NULL" if label is None else f"'{label}{i}'"
    rows.append(
        f"((SELECT id FROM users WHERE username = 'bench'), 'rule {i}', {i + 1}, TRUE, '{query}', {feed}, {'TRUE' if keep_only else 'FALSE'}, "
        f"{'TRUE' if read else 'FALSE'}, {'TRUE' if star else 'FALSE'}, {'TRUE' if hide else 'FALSE'}, {label_sql}, 0, 0)")
print("INSERT INTO rules (user_id, name, position, enabled, query, feed_id, keep_only, mark_read, star, hide, label, created_at, updated_at) VALUES")
print(",\n".join(rows) + ";")
