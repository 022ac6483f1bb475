#!/usr/bin/env python3
"""The architecture, checked from the includes. Every include names its layer and library
from the project's root ("app/outbox/OutboxStore.h"), so the arrows between modules can be
read off the sources. Rules:

  1. app/ (the non-UI libraries) never includes ui/ or server/; only the composition root
     (app/ConsoleRoot, app/main.cpp) reaches ui/.
  2. server/ includes only server/ and the shared libraries app/domain, app/protocol, app/core,
     app/audio, app/sql, app/stats. The representative simulator (server/simulator) is a client of the protocol and
     may also use app/sync; the server's transcription (server/transcription) and its
     executable (server/app) load the console's engine plugins through app/transcription.
  3. plugins/ include only app/transcription and app/core.
  4. server/services never includes server/net (handlers see a Caller, fan-out an EventFanOut).
  5. ui/ does not include the engine (app/sync, app/outbox, app/protocol, app/storage,
     app/sql, app/delivery): widgets call intents of app/session, app/workspace, app/voice,
     app/scripts, and may name the domain's types (app/domain).
  6. No cycle between modules (a module is a folder: app/outbox, ui/workspace, server/net).
  7. Every library under app/ that does work worth logging has its own logging category
     (Q_LOGGING_CATEGORY); the pure ones (app/core, app/domain, app/protocol, app/audio, app/stats) return
     their errors to the caller instead.

Where main does not meet a rule yet, the place is listed in known-violations.txt: the check
fails on any violation not listed (a new arrow the wrong way), and on a listed one that is
gone (so the list only shrinks). Usage: check_layers.py SOURCE_DIR [--print-graph]"""

import os
import re
import sys
from collections import defaultdict

ENGINE = {"app/sync", "app/outbox", "app/protocol", "app/storage", "app/sql", "app/delivery"}
SERVER_MAY = {"app/domain", "app/protocol", "app/core", "app/audio", "app/sql", "app/stats"}
PLUGINS_MAY = {"app/transcription", "app/core"}
EXTRA_SERVER_MAY = {"server/simulator": {"app/sync"},
                    "server/transcription": {"app/transcription"},
                    "server/app": {"app/transcription"}}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def module_of(path):
    """'app/outbox/OutboxStore.h' -> 'app/outbox'; top-level app files -> 'app/root'."""
    parts = path.split("/")
    if parts[0] not in ("app", "ui", "server", "plugins"):
        return None
    if len(parts) == 2:
        return parts[0] + "/root"
    return parts[0] + "/" + parts[1]


def edges(root):
    """(from module, to module, file, included path) for every include across modules."""
    found = []
    for tree in ("app", "ui", "server", "plugins"):
        for dirpath, _, files in os.walk(os.path.join(root, tree)):
            for name in files:
                if not name.endswith((".h", ".cpp")):
                    continue
                full = os.path.join(dirpath, name)
                rel = os.path.relpath(full, root)
                source = module_of(rel)
                for target_path in INCLUDE.findall(open(full, encoding="utf-8").read()):
                    target = module_of(target_path) if "/" in target_path else None
                    if target and target != source:
                        found.append((source, target, rel, target_path))
    return found


def violations(found):
    result = set()
    graph = defaultdict(set)
    for source, target, rel, inc in found:
        graph[source].add(target)
        s_tree, t_tree = source.split("/")[0], target.split("/")[0]
        if s_tree == "app" and source != "app/root" and t_tree in ("ui", "server"):
            result.add(f"rule 1: {rel} includes {inc}")
        may = SERVER_MAY | EXTRA_SERVER_MAY.get(source, set())
        if s_tree == "server" and t_tree != "server" and target not in may:
            result.add(f"rule 2: {rel} includes {inc}")
        if s_tree == "plugins" and target not in PLUGINS_MAY:
            result.add(f"rule 3: {rel} includes {inc}")
        if source == "server/services" and target == "server/net":
            result.add(f"rule 4: {rel} includes {inc}")
        if s_tree == "ui" and target in ENGINE:
            result.add(f"rule 5: {rel} includes {inc}")
    # Rule 6: a cycle shows as a pair of modules each reaching the other.
    reach = {m: reachable(graph, m) for m in list(graph)}
    for a in sorted(reach):
        for b in sorted(reach[a]):
            if a < b and a in reach.get(b, set()):
                result.add(f"rule 6: cycle between {a} and {b}")
    return result, graph


PURE = {"app/core", "app/domain", "app/protocol", "app/audio", "app/stats", "app/dashboard"}
CATEGORY = re.compile(r"Q_LOGGING_CATEGORY\(")


def missing_categories(root):
    """Rule 7: the app/ libraries without a logging category of their own."""
    result = set()
    for name in sorted(os.listdir(os.path.join(root, "app"))):
        folder = os.path.join(root, "app", name)
        module = f"app/{name}"
        if not os.path.isdir(folder) or module in PURE:
            continue
        sources = [os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".cpp")]
        if sources and not any(CATEGORY.search(open(f, encoding="utf-8").read())
                               for f in sources):
            result.add(f"rule 7: {module} has no logging category")
    return result


def reachable(graph, start):
    seen, todo = set(), [start]
    while todo:
        for nxt in graph.get(todo.pop(), ()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def main():
    root = sys.argv[1]
    found, graph = violations(edges(root))
    found |= missing_categories(root)
    if "--print-graph" in sys.argv:
        for module in sorted(graph):
            print(f"{module} -> {', '.join(sorted(graph[module]))}")
        return 0
    listed_file = os.path.join(os.path.dirname(os.path.abspath(__file__)), "known-violations.txt")
    listed = {line.strip() for line in open(listed_file, encoding="utf-8")
              if line.strip() and not line.startswith("#")}
    new = sorted(found - listed)
    gone = sorted(listed - found)
    for v in new:
        print(f"FAIL new: {v}")
    for v in gone:
        print(f"FAIL fixed but still listed (remove it from known-violations.txt): {v}")
    print(f"{len(found)} known violations remain; {len(new)} new, {len(gone)} gone")
    passed = 0 if new or gone else 1
    print(f"{passed} passed, {1 - passed} failed")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
