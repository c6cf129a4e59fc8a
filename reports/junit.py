"""The JUnit XML report, for CI systems that show test results.

One testsuite, ``consistency``; one testcase per finding, and ``--fail-on`` decides what is a
failure, so that a green job lists none:

* a finding at or above ``--fail-on`` that nothing accepts: ``<failure>`` with the
  finding's message (its body lists the cited quotes, values and file lines);
* an accepted finding (the accepted list, or a ``--baseline``): ``<skipped>`` with the
  reason it was accepted;
* a finding below ``--fail-on``: a passing testcase, its details in ``<system-out>``.

One skipped testcase per input that could not be read, and a single passing testcase,
``no findings``, when there is nothing to report. No timestamps or durations, so two runs
give the same file.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from consistency.models import Finding, Result

from .common import (
    Documents,
    acceptance,
    accepted_words,
    fail_on,
    how,
    plural,
    rounded,
    status,
    where,
)

SUITE = "consistency"

# Characters XML 1.0 cannot carry, even escaped; article text may hold them (a form feed
# from a PDF copy, say).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _x(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _case_name(finding: Finding) -> str:
    name = f"{finding.rule} {finding.entity} / {finding.event}"
    return f"{name} [{finding.id}]" if finding.id else name


def _details(finding: Finding, documents: Documents) -> str:
    lines = [
        f"{finding.severity} {finding.kind} finding, confidence {rounded(finding.confidence)}",
        finding.message,
        "",
    ]
    for cited in finding.cited:
        claim = cited.claim
        at = where(claim, documents)
        lines.append(f"{documents.source(claim.document)} ({at.label}):")
        lines.append(f'  "{claim.sentence}"')
        value = f"  value: {cited.value}"
        resolved = how(cited, finding.kind)
        if resolved:
            value += f" ({resolved})"
        lines.append(value)
    if finding.reconcile:
        lines.append("")
        lines.append("What could reconcile them:")
        lines.extend(f"  - {reason}" for reason in finding.reconcile)
    return "\n".join(lines) + "\n"


def junit_tree(result: Result) -> ET.Element:
    """The report as an ElementTree ``<testsuites>`` element."""
    documents = Documents(result)
    findings = result.findings_list
    statuses = [status(result, f) for f in findings]
    tests = max(1, len(findings)) + len(result.skipped)
    counts = {
        "tests": str(tests),
        "failures": str(statuses.count("failing")),
        "errors": "0",
        "skipped": str(statuses.count("accepted") + len(result.skipped)),
    }
    root = ET.Element("testsuites", {"name": SUITE, **counts})
    suite = ET.SubElement(root, "testsuite", {"name": SUITE, **counts})
    properties = ET.SubElement(suite, "properties")
    for name, value in (
        ("documents", len(result.documents)),
        ("claims", len(result.claims_list)),
        ("fail-on", fail_on(result)),
    ):
        ET.SubElement(properties, "property", {"name": name, "value": str(value)})

    for finding, state in zip(findings, statuses, strict=True):
        _finding_case(suite, result, documents, finding, state)
    if not findings:
        case = ET.SubElement(suite, "testcase", {"classname": SUITE, "name": "no findings"})
        out = ET.SubElement(case, "system-out")
        out.text = (
            f"{plural(len(result.documents), 'document')} and "
            f"{plural(len(result.claims_list), 'claim')} checked: no discrepancies found.\n"
        )
    for skipped in result.skipped:
        what = "read" if skipped.kind == "input" else "run"
        case = ET.SubElement(
            suite,
            "testcase",
            {"classname": f"{SUITE}.{skipped.kind}", "name": _x(f"{what} {skipped.path}")},
        )
        ET.SubElement(case, "skipped", {"message": _x(skipped.reason)})
    return root


def _finding_case(
    suite: ET.Element, result: Result, documents: Documents, finding: Finding, state: str
) -> None:
    """One finding's test case: a failure when it fails the run, skipped when accepted,
    else passing with a note that its severity is below --fail-on."""
    case = ET.SubElement(
        suite,
        "testcase",
        {"classname": f"{SUITE}.{finding.kind}", "name": _x(_case_name(finding))},
    )
    details = _x(_details(finding, documents))
    if state == "failing":
        failure = ET.SubElement(
            case, "failure", {"message": _x(finding.message), "type": _x(finding.rule)}
        )
        failure.text = details
        return
    if state == "accepted":
        entry = acceptance(result, finding)
        words = accepted_words(entry) if entry is not None else "accepted"
        ET.SubElement(case, "skipped", {"message": _x(words)})
    else:
        details = (
            f"{finding.severity} severity is below --fail-on {fail_on(result)}: "
            f"reported, not a failure.\n\n{details}"
        )
    ET.SubElement(case, "system-out").text = details


def render_junit(result: Result) -> str:
    """The JUnit XML report as text, with an XML declaration, ending in a newline."""
    root = junit_tree(result)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"
