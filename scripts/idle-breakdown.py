#!/usr/bin/env python3
"""Per-connection breakdown of an IdleBreakdown run (see scripts/idle-breakdown.sh).

    scripts/idle-breakdown.py DIR [DIR...] [--classes N]

For each directory: the live heap added per connection, by part and by class (class histograms before
and after, each taken after a full GC), and the native memory the JVM committed meanwhile (NMT diff).
"""
import re
import sys

CONNECTIONS = 10000


def histogram(path):
    rows = {}
    for line in open(path):
        m = re.match(r'\s*\d+:\s+(\d+)\s+(\d+)\s+(\S+)', line)
        if m:
            rows[m.group(3)] = (int(m.group(1)), int(m.group(2)))
    return rows


def part(cls):
    if cls == 'jdk.internal.vm.StackChunk':
        return 'virtual-thread stack (StackChunk)'
    if cls.startswith('java.lang.VirtualThread'):
        return 'virtual-thread objects'
    if cls.startswith('dev.tether.'):
        return 'Tether objects'
    if cls.startswith('org.eclipse.jetty'):
        return 'Jetty objects'
    if cls.startswith('org.apache.'):
        return 'Tomcat objects'
    if cls.startswith(('sun.nio.ch', 'java.net.', 'java.io.FileDescriptor', 'java.nio.channels')):
        return 'JDK socket objects'
    if cls == '[B':
        return 'byte[] (buffers, string bytes)'
    if cls.startswith('java.lang.Thread'):
        return 'platform Thread objects'
    return 'shared JDK types (String, Object[], locks, collections, timers)'


def nmt_committed_delta(text, category):
    m = re.search(r'-\s+' + re.escape(category) + r' \(reserved=\d+KB(?: [+-]\d+KB)?, committed=\d+KB(?: ([+-]\d+)KB)?', text)
    return int(m.group(1)) if m and m.group(1) else 0


def report(directory, classes):
    before = histogram(directory + '/histo-before.txt')
    after = histogram(directory + '/histo-after.txt')
    n = CONNECTIONS
    deltas = []
    for cls in set(before) | set(after):
        b = before.get(cls, (0, 0))
        a = after.get(cls, (0, 0))
        deltas.append((a[1] - b[1], a[0] - b[0], cls))
    deltas.sort(reverse=True)
    parts = {}
    for size, _, cls in deltas:
        parts[part(cls)] = parts.get(part(cls), 0) + size
    print('==', directory, '|', open(directory + '/summary.txt').read().strip())
    print('  live heap: %.2f KiB/conn' % (sum(parts.values()) / 1024 / n))
    for name, size in sorted(parts.items(), key=lambda p: -p[1]):
        if abs(size) / n >= 10:
            print('    %-62s %6.2f KiB/conn' % (name, size / 1024 / n))
    nmt = open(directory + '/nmt-diff.txt').read()
    stacks = re.search(r'stack: reserved=\d+KB [+-]\d+KB, committed=\d+KB ([+-]\d+)KB', nmt)
    threads = re.search(r'threads #\d+ ([+-]\d+)', nmt)
    print('  native memory committed (NMT), KiB/conn:')
    print('    %-62s %6.2f' % ('Java heap (G1 committed)', nmt_committed_delta(nmt, 'Java Heap') / n))
    print('    %-62s %6.2f' % ('thread stacks (%s threads)' % (threads.group(1) if threads else '?'),
                                (int(stacks.group(1)) if stacks else 0) / n))
    for category in ('GC', 'Code', 'Arena Chunk', 'Internal', 'Other', 'Class'):
        print('    %-62s %6.2f' % (category, nmt_committed_delta(nmt, category) / n))
    print('  classes (bytes/conn, instances/conn):')
    for size, count, cls in deltas[:classes]:
        print('    %8.1f %6.2f  %s' % (size / n, count / n, cls))


def main(args):
    classes = 30
    if '--classes' in args:
        i = args.index('--classes')
        classes = int(args[i + 1])
        del args[i:i + 2]
    for directory in args:
        report(directory.rstrip('/'), classes)


if __name__ == '__main__':
    main(sys.argv[1:])
