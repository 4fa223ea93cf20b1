"""Lines up the steady load's per-second outcomes (loadtest Steady) with what a proof script did.

    python3 report.py STEADY_JSON EVENTS_FILE TITLE [ROW=VALUE ...]
                      [--max-failed N] [--max-recovery SECONDS] [--max-slowest-failure-ms MS]

EVENTS_FILE has one "<unix seconds> <label>" line per action the script took (a restart, a kill,
the database going away and coming back). Prints a Markdown table: requests, failures, purchases,
the invariants checked in the database, and for each event the failures in the seconds after it
and how long after it the last of them came. The last line is one JSON object with the figures.
Exits 1, naming the reason, when an invariant is violated or a given limit is exceeded.
"""
import argparse
import json

parser = argparse.ArgumentParser()
parser.add_argument("steady")
parser.add_argument("events")
parser.add_argument("title")
parser.add_argument("rows", nargs="*", help="extra NAME=VALUE rows")
parser.add_argument("--max-failed", type=int)
parser.add_argument("--max-recovery", type=float, help="seconds after each event by which failures must stop")
parser.add_argument("--max-slowest-failure-ms", type=float)
args = parser.parse_intermixed_args()

result = json.load(open(args.steady))
events = []
for line in open(args.events):
    if line.strip():
        at, label = line.split(" ", 1)
        events.append((float(at), label.strip()))
title = args.title
extra = [row.split("=", 1) for row in args.rows]

timeline = result["timeline"]  # [second, ok, failed]
figures = {
    "requests": result["requests"],
    "failed": result["failed"],
    "purchases": result["purchases"],
    "tickets": result["ticketsSold"],
    "seconds": round(result["endedAt"] - result["startedAt"], 1),
}


def window(index):
    """The failures from the event's second until the next event's (or the end of the load), and
    how long after the event the last of them came, to the end of its second (0 when none)."""
    start = events[index][0]
    end = int(events[index + 1][0]) if index + 1 < len(events) else float("inf")
    failures, last = 0, None
    for second, ok, failed in timeline:
        if failed and int(start) <= second < end:
            failures += failed
            last = second + 1
    return failures, 0.0 if last is None else round(max(0.0, last - start), 1)


rows = [
    ("Load", f'{figures["seconds"]} s, {figures["requests"]} requests, {figures["purchases"]} purchases ({figures["tickets"]} tickets)'),
    ("Failed requests", f'{figures["failed"]}'),
]
for index, (at, label) in enumerate(events):
    failures, seconds = window(index)
    figures[f"after:{label.split(':')[0]}"] = {"failed": failures, "lastFailureSeconds": seconds}
    rows.append((f"After {label}", f"{failures} failed" + (f", the last {seconds} s after it" if failures else "")))
if result["failed"]:
    rows.append(("Failures answered 503 problem+json", f'{result["problem503"]} of {result["failed"]}'))
    rows.append(("Slowest failed request", f'{result["slowestFailureMs"]} ms'))
    figures["problem503"] = result["problem503"]
    figures["slowestFailureMs"] = result["slowestFailureMs"]
inv = result["invariants"]
rows.append(("Paid orders / valid tickets", f'{inv["paidOrders"]} / {inv["validTickets"]}'))
rows.append(("Oversold units", inv["oversold"]))
rows.append(("Paid orders missing tickets", inv["paidOrdersMissingTickets"]))
rows.append(("Units SOLD without a paid order", inv["soldUnitsWithoutPaidOrder"]))
rows.append(("Tickets without a paid order", inv["ticketsWithoutPaidOrder"]))
rows.extend((name, value) for name, value in extra)
figures["invariants"] = inv

print(f"\n### {title}\n")
print("| Measure | Value |")
print("| --- | --- |")
for name, value in rows:
    print(f"| {name} | {value} |")
print()
print(json.dumps(figures))

problems = []
for name in ("oversold", "paidOrdersMissingTickets", "soldUnitsWithoutTicket", "soldUnitsWithoutPaidOrder", "ticketsWithoutPaidOrder"):
    if inv[name]:
        problems.append(f"{name} = {inv[name]}")
if figures["purchases"] == 0:
    problems.append("no purchase succeeded")
if args.max_failed is not None and result["failed"] > args.max_failed:
    problems.append(f"{result['failed']} failed requests (at most {args.max_failed} allowed)")
for index, (at, label) in enumerate(events):
    _, seconds = window(index)
    if args.max_recovery is not None and seconds > args.max_recovery:
        problems.append(f"after {label}: requests failed for {seconds} s (at most {args.max_recovery} s)")
if args.max_slowest_failure_ms is not None and result["slowestFailureMs"] > args.max_slowest_failure_ms:
    problems.append(f"a failed request took {result['slowestFailureMs']} ms (at most {args.max_slowest_failure_ms} ms)")
if problems:
    raise SystemExit("FAILED: " + "; ".join(problems))
