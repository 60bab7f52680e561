"""The fact sheet in the two open formats other tools read: schema.org JSON-LD and Wikidata QuickStatements.

JSON-LD: the alliance is an ``Organization`` whose ``member`` links go through ``OrganizationRole`` nodes
(schema.org's way of putting start and end dates on a link); each statement is a ``Quotation`` with
``spokenByCharacter`` and ``creator`` pointing at the speaker and a ``citation`` pointing at the exact
characters of the source's stored text, written as an RFC 5147 fragment (``…/source/1#char=210,251``).

QuickStatements (v1, tab-separated): memberships as ``P463`` (member of) with ``P580``/``P582`` start and
end times at their precision, direct quotes as ``P1683`` (quotation) with ``P585`` (point in time). Each line
carries one source's reference set (its address ``S854``, headline ``S1476``, stated publication date ``S577``
and publisher's item ``S248``, as far as the source has them) and a ``/* … */`` comment naming the csto-kb
keys and ids. Entities are named by the Wikidata ids stored with them (`entity link`), never created twice: one
without an id is left out with a comment, unless the batch is asked to create it (``CREATE`` / ``LAST`` with a
label in every language held). Running the export twice on the same data gives the same file.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from csto_kb.dates import PartialDate
from csto_kb.errors import InvalidInput
from csto_kb.languages import ENGLISH, read_rows
from csto_kb.schemas.facts import Citation
from csto_kb.schemas.factsheet import CitedSource, FactSheet
from csto_kb.schemas.statements import EntityRef, StatementOut

if TYPE_CHECKING:
    from csto_kb.services.linked_entities import LinkedEntities

DEFAULT_BASE = "https://csto-kb.invalid/"
"""Where node ids live until the knowledge base is published: ``.invalid`` (RFC 2606) can never clash with a
real site, and ``export jsonld --base`` replaces it."""

SCHEMA_TYPES = {
    "country": "Country",
    "person": "Person",
    "alliance": "Organization",
    "organisation": "Organization",
    "body": "Organization",
    "legislature": "GovernmentOrganization",
    "ministry": "GovernmentOrganization",
    "media": "NewsMediaOrganization",
}

# Wikidata's own items for "human" and "country": P31 (instance of) on an item the batch creates.
WIKIDATA_INSTANCE_OF = {"person": "Q5", "country": "Q6256"}
QS_PRECISION = {"year": 9, "month": 10, "day": 11}


# --- JSON-LD ---------------------------------------------------------------------------------------------


def _text(value: str, lang: str) -> dict[str, str]:
    return {"@value": value, "@language": lang}


def _names(entity: EntityRef, labels: Mapping[str, Mapping[str, str]]) -> list[dict[str, str]]:
    """The entity's name in every language it has one, its primary one there (English and Arabic first, then
    by tag)."""
    held = labels.get(entity.key, {})
    langs = sorted(held, key=lambda lang: (lang != ENGLISH, lang != "ar", lang))
    return [_text(held[lang], lang) for lang in langs] or [_text(entity.key, ENGLISH)]


def _role_title(s: StatementOut) -> str:
    """The speaker's role for a description tagged English: its English title, else the original, else the
    role as the source writes it."""
    reading = read_rows(s.role.titles, ENGLISH) if s.role is not None else None
    return reading.shown.text if reading is not None else s.role_text


class _Ids:
    def __init__(self, base: str) -> None:
        self.base = base if base.endswith(("/", "#")) else base + "/"

    def entity(self, key: str) -> str:
        return f"{self.base}entity/{key}"

    def source(self, source_id: int) -> str:
        return f"{self.base}source/{source_id}"

    def span(self, source_id: int, start: int | None, end: int | None) -> str:
        source = self.source(source_id)
        return source if start is None else f"{source}#char={start},{end}"


def _span_node(ids: _Ids, fact: Citation | StatementOut) -> list[dict[str, Any]]:
    """The cited spans of a fact: one node per source supporting it."""
    return [{"@id": ids.span(e.source.id, e.span_start, e.span_end)} for e in fact.evidence]


def _source_node(ids: _Ids, src: CitedSource) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@id": ids.source(src.id),
        "@type": "CreativeWork",
        "name": src.label,
        "inLanguage": src.lang,
        "position": src.number,
    }
    if src.title:
        node["headline"] = _text(src.title, src.lang)
    if src.url:
        node["url"] = src.url
    if src.publisher:
        node["publisher"] = {"@type": "Organization", "name": src.publisher}
    if src.published_on:
        node["datePublished"] = src.published_on
    if src.sha256:
        node["identifier"] = {"@type": "PropertyValue", "propertyID": "sha256", "value": src.sha256}
    return node


WIKIDATA_ENTITY = "http://www.wikidata.org/entity/"


def to_jsonld(sheet: FactSheet, linked: LinkedEntities, base: str = DEFAULT_BASE) -> dict[str, Any]:
    """A JSON-LD document (one ``@graph``) of the sheet's alliance, members, speakers, events and quotes; an
    entity with a Wikidata id is ``sameAs`` its item."""
    ids = _Ids(base)
    kinds = linked.kinds
    a = sheet.alliance
    entities: dict[str, EntityRef] = {m.member.key: m.member for m in sheet.members}
    for s in sheet.statements:
        entities.setdefault(s.speaker.key, s.speaker)
        for about in s.about:
            entities.setdefault(about.key, about)
    entities.pop(a.key, None)

    alliance: dict[str, Any] = {
        "@id": ids.entity(a.key),
        "@type": SCHEMA_TYPES.get(kinds.get(a.key, "alliance"), "Organization"),
        "identifier": a.key,
        "name": [_text(n.name, n.lang) for n in a.names if n.is_primary] or [_text(a.name_en or a.key, "en")],
        "alternateName": [_text(n.name, n.lang) for n in a.names if not n.is_primary],
    }
    if a.key in linked.qids:
        alliance["sameAs"] = WIKIDATA_ENTITY + linked.qids[a.key]
    if a.description:
        alliance["description"] = _text(a.description, "en")
    if sheet.founding and sheet.founding[0].starts_on:
        alliance["foundingDate"] = sheet.founding[0].starts_on
    alliance["member"] = [
        {
            "@type": "OrganizationRole",
            "member": {"@id": ids.entity(m.member.key)},
            "roleName": m.status,
            **({"startDate": m.valid_from} if m.valid_from else {}),
            **({"endDate": m.valid_to} if m.valid_to else {}),
            "subjectOf": _span_node(ids, m),
        }
        for m in sheet.members
    ]

    graph: list[dict[str, Any]] = [alliance]
    for key, entity in sorted(entities.items()):
        graph.append(
            {
                "@id": ids.entity(key),
                "@type": SCHEMA_TYPES.get(kinds.get(key, ""), "Thing"),
                "identifier": key,
                "name": _names(entity, linked.labels),
                **({"sameAs": WIKIDATA_ENTITY + linked.qids[key]} if key in linked.qids else {}),
            }
        )
    for e in (*sheet.founding, *sheet.events):
        event: dict[str, Any] = {
            "@id": f"{ids.base}event/{e.id}",
            "@type": "Event",
            "name": [_text(t.text, t.lang) for t in e.titles],
            "subjectOf": _span_node(ids, e),
        }
        if e.starts_on:
            event["startDate"] = e.starts_on
        if e.ends_on:
            event["endDate"] = e.ends_on
        graph.append(event)
    for s in sheet.statements:
        speaker = {"@id": ids.entity(s.speaker.key)}
        quote: dict[str, Any] = {
            "@id": f"{ids.base}statement/{s.id}",
            "@type": "Quotation",
            "text": _text(s.quote, s.lang),
            "inLanguage": s.lang,
            "spokenByCharacter": speaker,
            "creator": speaker,
            "about": [{"@id": ids.entity(x.key)} for x in s.about],
            "citation": _span_node(ids, s),
            "workTranslation": [
                {
                    "@type": "Quotation",
                    "text": _text(t.text, t.lang),
                    "inLanguage": t.lang,
                    "translator": {"name": t.translator},
                }
                for t in s.translations
            ],
        }
        if s.said_on and s.said_on_basis == "stated":  # a "not after" bound is no date of creation
            quote["dateCreated"] = s.said_on
        described = [x for x in (_role_title(s), s.venue, f"{s.mode} speech") if x]
        quote["description"] = _text("; ".join(described), "en")
        graph.append(quote)
    for src in sheet.sources:
        graph.append(_source_node(ids, src))
    # The cited spans: parts of the sources' stored texts.
    facts: list[Citation | StatementOut] = [*sheet.members, *sheet.founding, *sheet.events, *sheet.statements]
    spans = sorted(
        {
            ids.span(e.source.id, e.span_start, e.span_end): e.source.id
            for f in facts
            for e in f.evidence
            if e.span_start is not None
        }.items()
    )
    graph += [
        {"@id": span, "@type": "CreativeWork", "isPartOf": {"@id": ids.source(source_id)}}
        for span, source_id in spans
    ]
    return {"@context": "https://schema.org/", "@graph": graph}


# --- QuickStatements -------------------------------------------------------------------------------------


def qs_string(value: str) -> str:
    """A QuickStatements string literal: one line, no tab, no ASCII double quote (QuickStatements cannot
    escape one; it becomes ”)."""
    flat = " ".join(value.split())
    return '"' + flat.replace('"', "”") + '"'


def qs_time(value: str) -> str:
    """A partial date as a Wikidata time at its precision: 9 year, 10 month, 11 day."""
    date = PartialDate.parse(value)
    return (
        f"+{date.year:04d}-{date.month or 0:02d}-{date.day or 0:02d}T00:00:00Z/{QS_PRECISION[date.precision]}"
    )


def _comment(text: str) -> str:
    return " /* " + " ".join(text.replace("*/", "* /").split()) + " */"


def _reference(sheet: FactSheet, source_id: int, publisher_qids: Mapping[int, str]) -> list[str]:
    """One reference set for one source: its address (S854), headline (S1476), publication date when the source
    states it (S577) and its publisher's item (S248), as far as the source has them."""
    src = next(s for s in sheet.sources if s.id == source_id)
    reference: list[str] = []
    if src.url:
        reference += ["S854", qs_string(src.url)]
    if src.title:
        reference += ["S1476", f"{src.lang}:{qs_string(src.title)}"]
    if src.published_on and src.published_basis == "stated":
        reference += ["S577", qs_time(src.published_on)]
    if source_id in publisher_qids:
        reference += ["S248", publisher_qids[source_id]]
    return reference


def _span(fact_start: int | None, fact_end: int | None) -> str:
    return f"chars {fact_start}–{fact_end}" if fact_start is not None else "no span"


def parse_qids(pairs: list[str]) -> dict[str, str]:
    """``KEY=Q123`` pairs as a mapping; a malformed pair is an InvalidInput naming it."""
    qids: dict[str, str] = {}
    for pair in pairs:
        key, sep, qid = pair.partition("=")
        qid = qid.strip().upper()
        if not sep or not key.strip() or not (qid.startswith("Q") and qid[1:].isdigit() and qid != "Q0"):
            raise InvalidInput(f"qid: expected KEY=Q123, got {pair!r}")
        qids[key.strip()] = qid
    return qids


def to_quickstatements(
    sheet: FactSheet,
    linked: LinkedEntities,
    qids: Mapping[str, str] | None = None,
    *,
    create_missing: bool = False,
) -> str:
    """A QuickStatements v1 batch. Entities are referred to by their Wikidata ids (stored, or given in ``qids``,
    which win); one without an id is left out with a comment, or created when ``create_missing`` (a person as
    P31 Q5, with a label in every language held). Every line carries one source's reference set."""
    known = {**linked.qids, **(qids or {})}
    a = sheet.alliance
    if a.key not in known:
        raise InvalidInput(
            f"qid: {a.key} has no Wikidata id; record it (entity link {a.key} wikidata=Q…) or give --qid {a.key}=Q…"
        )
    alliance = known[a.key]
    # Every line about one subject follows its CREATE, so that LAST means that subject.
    subjects: dict[str, list[str]] = {}
    unreferenced: list[str] = []

    def add(subject: str, line: list[str], source_id: int, note: str) -> None:
        reference = _reference(sheet, source_id, linked.publisher_qids)
        if not reference:
            unreferenced.append(note)
            return
        subjects.setdefault(subject, []).append("\t".join([*line, *reference]) + _comment(note))

    for m in sheet.members:
        if m.status not in ("member", "former"):
            continue  # observers and suspensions need a qualifier with a Wikidata item we cannot name
        line = ["P463", alliance]
        if m.valid_from:
            line += ["P580", qs_time(m.valid_from)]
        if m.valid_to:
            line += ["P582", qs_time(m.valid_to)]
        # One line per source: QuickStatements adds each line's reference to the one claim they share.
        for e in m.evidence:
            note = (
                f"csto-kb membership {m.id}: {m.member.key} {m.status} of {a.key}; "
                f"source {e.source.id}, {_span(e.span_start, e.span_end)}"
            )
            add(m.member.key, line, e.source.id, note)

    for s in sheet.statements:
        if s.mode != "direct":
            continue  # P1683 holds quotations; reported speech is not one
        line = ["P1683", f"{s.lang}:{qs_string(s.quote)}"]
        if s.said_on and s.said_on_basis == "stated":
            line += ["P585", qs_time(s.said_on)]
        for e in s.evidence:
            note = f"csto-kb statement {s.id} by {s.speaker.key}; source {e.source.id}, {_span(e.span_start, e.span_end)}"
            add(s.speaker.key, line, e.source.id, note)

    out: list[str] = []
    for key, lines in subjects.items():
        if key in known:
            out += [f"{known[key]}\t{line}" for line in lines]
        elif create_missing:
            out.append(
                "CREATE" + _comment(f"csto-kb entity {key}: no Wikidata id (entity link {key} wikidata=Q…)")
            )
            for lang, label in sorted(linked.labels.get(key, {}).items()):
                out.append(f"LAST\tL{lang.lower()}\t{qs_string(label)}")
            kind = linked.kinds.get(key)
            if kind in WIKIDATA_INSTANCE_OF:
                out.append(f"LAST\tP31\t{WIKIDATA_INSTANCE_OF[kind]}")
            out += [f"LAST\t{line}" for line in lines]
        else:
            out.append(
                _comment(
                    f"csto-kb entity {key} has no Wikidata id: {len(lines)} lines left out "
                    f"(entity link {key} wikidata=Q…, or --create-missing)"
                ).strip()
            )
    # A claim with no reference at all is not sent: give its source an address (source edit ID --url …).
    out += [_comment(f"left out, its source has no address, headline, stated date or publisher id: {n}").strip()
            for n in unreferenced]  # fmt: skip
    return "\n".join(out) + "\n" if out else ""
