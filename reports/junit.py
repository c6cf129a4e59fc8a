"""The JUnit XML report, for CI systems that show test results.

One testsuite, ``consistency``; one testcase per finding, failing with the finding's message
(its body lists the cited quotes and values); one skipped testcase per input that could not
be read; and a single passing testcase, ``no findings``, when there is nothing to report.
No timestamps or durations, so two runs give the same file.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from consistency.models import Finding, Result

from .common import Documents, how, plural, rounded

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
        lines.append(f"{documents.source(claim.document)} ({documents.name(claim.document)}):")
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
    tests = max(1, len(findings)) + len(result.skipped)
    counts = {
        "tests": str(tests),
        "failures": str(len(findings)),
        "errors": "0",
        "skipped": str(len(result.skipped)),
    }
    root = ET.Element("testsuites", {"name": SUITE, **counts})
    suite = ET.SubElement(root, "testsuite", {"name": SUITE, **counts})
    properties = ET.SubElement(suite, "properties")
    for name, value in (
        ("documents", len(result.documents)),
        ("claims", len(result.claims_list)),
    ):
        ET.SubElement(properties, "property", {"name": name, "value": str(value)})

    for finding in findings:
        case = ET.SubElement(
            suite,
            "testcase",
            {"classname": f"{SUITE}.{finding.kind}", "name": _x(_case_name(finding))},
        )
        failure = ET.SubElement(
            case, "failure", {"message": _x(finding.message), "type": _x(finding.rule)}
        )
        failure.text = _x(_details(finding, documents))
    if not findings:
        case = ET.SubElement(suite, "testcase", {"classname": SUITE, "name": "no findings"})
        out = ET.SubElement(case, "system-out")
        out.text = (
            f"{plural(len(result.documents), 'document')} and "
            f"{plural(len(result.claims_list), 'claim')} checked: no discrepancies found.\n"
        )
    for skipped in result.skipped:
        case = ET.SubElement(
            suite, "testcase", {"classname": f"{SUITE}.input", "name": _x(f"read {skipped.path}")}
        )
        ET.SubElement(case, "skipped", {"message": _x(skipped.reason)})
    return root


def render_junit(result: Result) -> str:
    """The JUnit XML report as text, with an XML declaration, ending in a newline."""
    root = junit_tree(result)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"
