"""What the linked-data exports (`csto_kb.exporters.linked_data`) know of the entities a fact sheet names, read
on the sheet's own DB-API connection by the compiled queries (`csto_kb.sql.factsheet_definitions`).

Only the standard library is imported here: on a ready database the exports run without SQLAlchemy.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from csto_kb.sql import facts
from csto_kb.sql.compiled import FACT_SQL

if TYPE_CHECKING:
    from csto_kb.schemas.entities import NameOut
    from csto_kb.schemas.factsheet import FactSheet


@dataclass(frozen=True)
class LinkedEntities:
    """What the linked-data exports know of the entities a sheet names: each one's kind, Wikidata id and
    primary name per language, and the Wikidata id of each cited source's publisher."""

    kinds: dict[str, str]
    qids: dict[str, str]
    labels: dict[str, dict[str, str]]
    publisher_qids: dict[int, str]


def sheet_entity_ids(sheet: FactSheet) -> set[int]:
    """The entities a linked-data export describes: the alliance, its members, the speakers and what they
    spoke about, the participants of its founding and events, and who asserted its force figures."""
    ids = {sheet.alliance.id}
    ids |= {m.member.id for m in sheet.members}
    ids |= {s.speaker.id for s in sheet.statements}
    ids |= {a.id for s in sheet.statements for a in s.about}
    ids |= {p.entity.id for e in (*sheet.founding, *sheet.events) for p in e.participants}
    ids |= {f.asserted_by.id for f in sheet.forces if f.asserted_by}
    return ids


def _label(names: list[NameOut], lang: str) -> str | None:
    """The primary name in ``lang``, else the first in it (`csto_kb.model.Entity.name_in`)."""
    in_lang = [n for n in names if n.lang == lang]
    primary = next((n for n in in_lang if n.is_primary), None)
    chosen = primary or (in_lang[0] if in_lang else None)
    return chosen.name if chosen else None


def read_linked_entities(connection: Any, dialect: str, sheet: FactSheet) -> LinkedEntities:
    """The sheet's entities as the linked-data exports need them, read in the caller's transaction (the one
    the sheet was read in, so both describe the same moment).

    Labels come from the names the sheet already holds (``entity_names``: every name of every entity it
    refers to, in the order recorded), so they are not read twice.
    """
    sql = FACT_SQL[dialect]
    entities = facts.fetch(connection, facts.with_ids(sql["linked_entities"], sheet_entity_ids(sheet)))
    cited = [src.id for src in sheet.sources]
    publishers = facts.fetch(connection, facts.with_ids(sql["publisher_wikidata_ids"], cited))
    labels: dict[str, dict[str, str]] = {}
    for entity in entities:
        names = sheet.entity_names.get(int(entity["id"]), [])
        for lang in sorted({n.lang for n in names}):
            label = _label(names, lang)
            if label:
                labels.setdefault(str(entity["key"]), {})[lang] = label
    return LinkedEntities(
        kinds={str(e["key"]): str(e["kind"]) for e in entities},
        qids={str(e["key"]): str(e["wikidata"]) for e in entities if e["wikidata"] is not None},
        labels=labels,
        publisher_qids={int(p["id"]): str(p["value"]) for p in publishers},
    )
