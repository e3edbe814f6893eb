#!/usr/bin/env python3
"""What a shared precompiled preamble could save (issue 13's stretch item).

For each compile database given: group its TUs by (directory, flags,
preamble), where the preamble is the leading run of comments and
preprocessor lines as clang's preamble is; then, for every group of two or
more, build one PCH of that preamble with clang++-19 and parse each TU of
the group with it (-include-pch), against parsing each from scratch. Both
sides are clang's own -fsyntax-only, so this is the most a shared preamble
could save unawaited, whose cost is clang's parse plus a few per cent.

  bench/preamble.py [--max-groups N] compile_commands.json...

Prints, per database: TUs, groups, TUs in shared groups, and for those the
CPU of plain parses, of the PCH builds, and of the PCH-backed parses.
"""
import argparse
import collections
import json
import os
import resource
import shlex
import subprocess
import sys
import tempfile


def preamble(path):
    """The leading comments and preprocessor lines of \\p path."""
    lines, in_block = [], False
    try:
        text = open(path, errors="replace").read().splitlines()
    except OSError:
        return None
    for line in text:
        s = line.strip()
        if in_block:
            in_block = "*/" not in s
            continue
        if not s or s.startswith("//"):
            continue
        if s.startswith("/*"):
            in_block = "*/" not in s
            continue
        if not s.startswith("#"):
            break
        lines.append(s)
    return "\n".join(lines)


def flags(entry):
    """The entry's arguments without its file, its outputs and -c."""
    args = entry.get("arguments") or shlex.split(entry["command"])
    own = os.path.realpath(os.path.join(entry["directory"], entry["file"]))
    keep, skip = [], False
    for a in args[1:]:
        if skip:
            skip = False
        elif a in ("-o", "-MF", "-MT", "-MQ"):
            skip = True
        elif a in ("-c", "-MD", "-MMD"):
            pass
        elif os.path.realpath(os.path.join(entry["directory"], a)) == own:
            pass
        else:
            keep.append(a)
    return tuple(keep)


def cpu(cmd, cwd):
    """CPU seconds of \\p cmd (user + system), and whether it succeeded."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    ok = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL,
                        stderr=subprocess.DEVNULL).returncode == 0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime +
            after.ru_stime - before.ru_stime), ok


def measure(db_path, max_groups):
    db = json.load(open(db_path))
    groups = collections.defaultdict(list)
    for e in db:
        f = os.path.realpath(os.path.join(e["directory"], e["file"]))
        p = preamble(f)
        if p is not None:
            groups[(e["directory"], flags(e), p)].append(f)
    shared = sorted((g for g in groups.items() if len(g[1]) > 1),
                    key=lambda g: -len(g[1]))[:max_groups]
    plain = pch_build = pch_parse = 0.0
    tus = failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for n, ((cwd, args, text), files) in enumerate(shared):
            header = os.path.join(tmp, f"preamble{n}.h")
            pch = header + ".pch"
            with open(header, "w") as h:
                h.write(text + "\n")
            t, ok = cpu(["clang++-19", *args, "-x", "c++-header", header,
                         "-o", pch], cwd)
            if not ok:
                failed += len(files)
                continue
            pch_build += t
            for f in files:
                t_plain, ok_plain = cpu(
                    ["clang++-19", *args, "-fsyntax-only", f], cwd)
                t_pch, ok_pch = cpu(["clang++-19", *args, "-include-pch", pch,
                                     "-fsyntax-only", f], cwd)
                if not (ok_plain and ok_pch):
                    failed += 1
                    continue
                plain += t_plain
                pch_parse += t_pch
                tus += 1
    name = os.path.basename(os.path.dirname(os.path.dirname(db_path))) or db_path
    in_shared = sum(len(f) for f in groups.values() if len(f) > 1)
    print(f"{name}: {sum(len(f) for f in groups.values())} TUs, "
          f"{len(groups)} distinct (flags, preamble), {in_shared} in shared "
          f"groups; measured {tus} TUs in {len(shared)} groups "
          f"({failed} failed): plain {plain:.1f} s, PCH builds {pch_build:.1f} s "
          f"+ PCH parses {pch_parse:.1f} s = "
          f"{(pch_build + pch_parse) / plain if plain else 0:.2f}x")
    sys.stdout.flush()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--max-groups", type=int, default=1000)
    ap.add_argument("databases", nargs="+")
    a = ap.parse_args()
    for db in a.databases:
        measure(db, a.max_groups)


if __name__ == "__main__":
    main()
