#!/usr/bin/env python3
"""Summarises `jfr print --events jdk.ObjectAllocationSample` output (scripts/echo-allocations.sh).

usage: echo-allocations.py ALLOCATIONS_TXT RESULTS_JSON SECONDS_RECORDED

JFR samples allocations and gives each sample a weight (the bytes it stands for), so the figures are
estimates; per message they divide the recorded weight by the messages echoed in the recorded seconds
(the benchmark's measured rate). Events from JFR's own threads are left out.
"""
import collections
import json
import re
import sys

UNITS = {"bytes": 1, "kB": 1024, "MB": 1024 ** 2, "GB": 1024 ** 3}


def samples(text):
    for event in text.split("jdk.ObjectAllocationSample")[1:]:
        cls = re.search(r"objectClass = (\S+)", event)
        weight = re.search(r"weight = ([\d.,]+) (\w+)", event)
        thread = re.search(r'eventThread = "([^"]*)"', event)
        if not cls or not weight:
            continue
        if thread and thread.group(1).startswith("JFR "):
            continue
        frames = re.findall(r"^\s+([\w.$<>/]+)\(", event, re.M)
        ours = [f for f in frames if f.startswith(("dev.tether", "org.eclipse.jetty", "org.apache"))][:2]
        site = " <- ".join(ours) if ours else (frames[0] if frames else "?")
        yield cls.group(1), site, float(weight.group(1).replace(",", "")) * UNITS.get(weight.group(2), 1)


def main():
    text = open(sys.argv[1]).read()
    rate = json.load(open(sys.argv[2]))["results"][0]["metrics"][0]["value"]
    messages = rate * float(sys.argv[3])
    by_class = collections.Counter()
    by_site = collections.Counter()
    for cls, site, weight in samples(text):
        by_class[cls] += weight
        by_site[(cls, site)] += weight
    total = sum(by_class.values())
    print(f"recorded: {total / 1e6:.1f} MB sampled weight; {messages:,.0f} messages at {rate:,.0f} msg/s;"
          f" {total / messages:.0f} B per message")
    print("\nby class (share, bytes per message):")
    for cls, weight in by_class.most_common(12):
        print(f"  {weight / total * 100:5.1f} %  {weight / messages:7.1f} B  {cls}")
    print("\nby site:")
    for (cls, site), weight in by_site.most_common(12):
        print(f"  {weight / total * 100:5.1f} %  {weight / messages:7.1f} B  {cls}  at {site}")


if __name__ == "__main__":
    main()
