#!/usr/bin/env python3
"""Privacy scan: after the suite, no log may contain a child's name or ID number.

The tests write down every child's name and ID number they send (support/PersonalData, into
target/privacy/personal-data-<pid>.txt). This script reads those and searches every log the suite
produced: the Surefire reports and test output (target/surefire-reports*/), the logs of apps the
tests start in processes of their own (target/app-logs/), and any *.log under target/.

Findings:
  ID_NUMBER   an 18-character ID number with a valid check character (the algorithm of
              registry/IdNumber) and a real birth date, recorded or not; or any recorded one;
  CHILD_NAME  a recorded child's name (two characters or more, with a Chinese character) in a
              log line. A name that is also a word of the platform's own texts (src/main,
              processes, forms), such as 风险 or 正常, cannot be told from that word and is
              skipped; how many were skipped is printed.
Values are printed masked. Exit status: 0 clean, 1 findings, 2 nothing recorded to check against.

  python3 .ci/privacy-scan.py [--root DIR]   scan DIR/target (DIR defaults to the project)
  python3 .ci/privacy-scan.py --self-test    plant values in a temporary tree, expect findings
"""
import argparse
import datetime
import os
import re
import sys
import tempfile
from pathlib import Path

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHECK = "10X98765432"
ID_CANDIDATE = re.compile(r"(?<![0-9])([0-9]{17}[0-9Xx])(?![0-9A-Za-z])")
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")
LOG_SUFFIXES = (".txt", ".xml", ".log", ".dumpstream", ".dump")
MAX_PRINTED = 200


def check_character(first17):
    return CHECK[sum(int(d) * w for d, w in zip(first17, WEIGHTS)) % 11]


def is_valid_id(value):
    value = value.upper()
    if len(value) != 18 or not value[:17].isdigit() or check_character(value[:17]) != value[17]:
        return False
    try:
        birth = datetime.date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        return False
    return 1900 <= birth.year <= 2100


def mask(kind, value):
    if kind == "ID_NUMBER":
        return value[:6] + "*" * 11 + value[17:] if len(value) == 18 else "*" * len(value)
    return value[:1] + "*" * (len(value) - 1)


def recorded_values(target):
    ids, names, files = set(), set(), 0
    for path in sorted((target / "privacy").glob("personal-data-*.txt")):
        files += 1
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            kind, _, value = line.partition("\t")
            if kind == "ID_NUMBER" and value:
                ids.add(value.upper())
            elif kind == "CHILD_NAME" and value:
                names.add(value)
    return ids, names, files


def platform_words(root, longest):
    """Every run of Chinese characters in the platform's own texts, and each part of it."""
    words = set()
    for folder in ("src/main", "processes", "forms"):
        for path in (root / folder).rglob("*"):
            if not path.is_file() or path.suffix in (".png", ".jpg", ".svg", ".ico"):
                continue
            text = path.read_text(encoding="utf-8", errors="ignore")
            for run in CJK_RUN.findall(text):
                for start in range(len(run)):
                    for end in range(start + 1, min(len(run), start + longest) + 1):
                        words.add(run[start:end])
    return words


def log_files(target):
    privacy = (target / "privacy").resolve()
    found = set()
    for folder in target.glob("surefire-reports*"):
        found.update(p for p in folder.rglob("*") if p.is_file() and p.suffix in LOG_SUFFIXES)
    app_logs = target / "app-logs"
    if app_logs.is_dir():
        found.update(p for p in app_logs.rglob("*") if p.is_file())
    found.update(p for p in target.rglob("*.log") if p.is_file())
    return sorted(p for p in found if privacy not in p.resolve().parents)


class NameIndex:
    """Finds any of many names in a line: looks only where a name's first character stands."""

    def __init__(self, names):
        self.names = names
        self.lengths = {}
        for name in names:
            self.lengths.setdefault(name[0], set()).add(len(name))

    def find(self, line):
        if line.isascii():
            return []
        hits = []
        for i, char in enumerate(line):
            for length in self.lengths.get(char, ()):
                if line[i:i + length] in self.names:
                    hits.append(line[i:i + length])
        return hits


def scan(root, out=sys.stdout):
    """Prints the findings and a summary; returns (findings, recorded values)."""
    target = root / "target"
    ids, names, record_files = recorded_values(target)
    scannable = {n for n in names if len(n) >= 2 and CJK.search(n)}
    words = platform_words(root, max((len(n) for n in scannable), default=1))
    common = {n for n in scannable if n in words}
    index = NameIndex(scannable - common)

    findings, files, lines = [], 0, 0
    for path in log_files(target):
        files += 1
        with open(path, encoding="utf-8", errors="replace") as log:
            for number, line in enumerate(log, start=1):
                lines += 1
                for match in ID_CANDIDATE.finditer(line):
                    value = match.group(1).upper()
                    if value in ids or is_valid_id(value):
                        findings.append((path, number, "ID_NUMBER", value))
                for name in index.find(line):
                    findings.append((path, number, "CHILD_NAME", name))

    for path, number, kind, value in findings[:MAX_PRINTED]:
        print(f"{path.relative_to(root)}:{number}: {kind} {mask(kind, value)}", file=out)
    if len(findings) > MAX_PRINTED:
        print(f"... and {len(findings) - MAX_PRINTED} more", file=out)
    print(f"privacy scan: {files} log files, {lines} lines; checked against {len(ids)} ID numbers"
          f" and {len(index.names)} child names recorded by the tests in {record_files} files"
          f" ({len(scannable)} names scannable, {len(common)} skipped as words of the platform's"
          f" own texts, {len(names) - len(scannable)} too short or without Chinese characters);"
          f" every valid ID number counts; {len(findings)} findings", file=out)
    if common:
        print("names skipped as words of the platform's own texts: "
              + ", ".join(sorted(mask("CHILD_NAME", n) for n in common)[:20]), file=out)
    return findings, len(ids) + len(names)


def self_test():
    """Plants values in a temporary project and expects exactly the findings it planted."""
    recorded_id = "32010620150304" + "001"
    recorded_id += check_character(recorded_id)
    unrecorded_id = "32011320170101" + "123"
    unrecorded_id += check_character(unrecorded_id)
    wrong_check = unrecorded_id[:17] + ("1" if unrecorded_id[17] != "1" else "2")
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "src/main").mkdir(parents=True)
        (root / "src/main/Texts.java").write_text('String level = "风险等级";\n', encoding="utf-8")
        target = root / "target"
        (target / "privacy").mkdir(parents=True)
        (target / "privacy/personal-data-1.txt").write_text(
            f"ID_NUMBER\t{recorded_id}\nCHILD_NAME\t张小测\nCHILD_NAME\t风险\nCHILD_NAME\t甲\n",
            encoding="utf-8")
        (target / "surefire-reports").mkdir()
        (target / "surefire-reports/SomeTest-output.txt").write_text(
            "clean line, nothing personal\n"
            "created case for 张小测 today\n"
            f"registered child {recorded_id}\n"
            f"a valid number nobody recorded: {unrecorded_id}\n"
            f"a number that is no ID number: {wrong_check} and a timestamp 1764325000123\n"
            "风险等级 RED, 甲方\n", encoding="utf-8")
        (target / "app-logs/node-1").mkdir(parents=True)
        (target / "app-logs/node-1/app.log").write_text("INFO child 张小测\n", encoding="utf-8")
        (target / "e2e-screenshots").mkdir()
        (target / "e2e-screenshots/page.html").write_text(f"<p>{recorded_id}</p>", encoding="utf-8")
        with open(os.devnull, "w") as quiet:
            findings, _ = scan(root, out=quiet)
        got = sorted((str(p.relative_to(root)), n, k) for p, n, k, _ in findings)
    expected = sorted([
        ("target/surefire-reports/SomeTest-output.txt", 2, "CHILD_NAME"),
        ("target/surefire-reports/SomeTest-output.txt", 3, "ID_NUMBER"),
        ("target/surefire-reports/SomeTest-output.txt", 4, "ID_NUMBER"),
        ("target/app-logs/node-1/app.log", 1, "CHILD_NAME"),
    ])
    if got != expected:
        print(f"privacy scan self-test FAILED: expected {expected}, got {got}")
        return 1
    print(f"privacy scan self-test: the {len(expected)} planted values found, nothing else")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", default=str(Path(__file__).resolve().parent.parent))
    parser.add_argument("--self-test", action="store_true")
    args = parser.parse_args()
    if args.self_test:
        return self_test()
    findings, recorded = scan(Path(args.root).resolve())
    if recorded == 0:
        print("privacy scan: no recorded personal data in target/privacy (did the suite run?)")
        return 2
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
