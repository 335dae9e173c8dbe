"""RFC 5545's rules for a calendar file, checked line by line, for the tests."""

from __future__ import annotations

from datetime import date


def line_problems(raw: bytes) -> list[str]:
    """CRLF line ends, lines of at most 75 octets, folded lines that unfold to valid UTF-8."""
    problems = []
    if not raw.endswith(b"\r\n"):
        problems.append("the file does not end in CRLF")
    lines = raw.split(b"\r\n")[:-1]
    for number, line in enumerate(lines, 1):
        if b"\n" in line or b"\r" in line:
            problems.append(f"line {number}: a bare LF or CR")
        if len(line) > 75:
            problems.append(f"line {number}: {len(line)} octets, more than 75")
    try:
        unfolded = raw.replace(b"\r\n ", b"").replace(b"\r\n\t", b"").decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.append(f"not valid UTF-8 once unfolded: {exc}")
        return problems
    content = unfolded.split("\r\n")
    if content[0] != "BEGIN:VCALENDAR" or content[-2] != "END:VCALENDAR":
        problems.append("the file must start with BEGIN:VCALENDAR and end with END:VCALENDAR")
    return problems


def event_problems(calendar) -> list[str]:
    """Required properties: VERSION and PRODID; each event's UID, DTSTAMP, DTSTART and a later
    DTEND; each alarm's ACTION, TRIGGER and, for DISPLAY, DESCRIPTION. No to-dos."""
    problems = []
    for name in ("VERSION", "PRODID"):
        if name not in calendar:
            problems.append(f"VCALENDAR has no {name}")
    if list(calendar.walk("VTODO")):
        problems.append("to-dos (VTODO), which Outlook ignores")
    for event in calendar.walk("VEVENT"):
        for name in ("UID", "DTSTAMP", "DTSTART", "DTEND"):
            if name not in event:
                problems.append(f"{event.get('UID')}: no {name}")
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        if not (type(start) is date and type(end) is date and end > start):
            problems.append(f"{event.get('UID')}: not an all-day event with an exclusive DTEND after DTSTART")
        alarms = event.walk("VALARM")
        if len(alarms) != 1:
            problems.append(f"{event.get('UID')}: {len(alarms)} alarms, not 1")
        for alarm in alarms:
            for name in ("ACTION", "TRIGGER", "DESCRIPTION"):
                if name not in alarm:
                    problems.append(f"{event.get('UID')}: alarm has no {name}")
    return problems
