"""A deterministic generator of realistic knowledge bases for the benchmarks, and a builder of ready databases.

``write_dataset`` writes, for a number of statements and a seed, three files into a folder:

- ``entities.jsonl``: speakers (people with an English and an Arabic name and aliases), countries and
  alliances, with their memberships and force levels;
- ``sources.jsonl``: articles whose stored text is the concatenation of the quotes they report;
- ``statements.jsonl``: one ``StatementIn`` per line, article by article, as ``csto-kb import statements``
  reads it.

The same scale and seed give byte-identical files. Probes that the benchmark queries have a fixed size at every
scale, so that query times can be compared across scales: one speaker (``PROBE_SPEAKER_KEY``) says exactly
``PROBE_STATEMENTS`` statements, exactly ``PHRASE_HITS`` quotes contain ``PHRASE``, and exactly ``CSTO_ABOUT``
statements are about the CSTO. Everything else is spread at random.

``build_base`` creates a database at the newest migration with the curated seed and the generated entities,
names, sources, memberships and force levels (Core executemany); ``import_statements`` then loads the
statements through csto-kb's own bulk import service.

Run: python -m bench.generate --scale 10000 --out bench/.work/data-10000 [--db sqlite:///x.sqlite3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PHRASE = "قوات حفظ السلام"
PROBE_SPEAKER_KEY = "probe-speaker"
PROBE_STATEMENTS = 20
SOURCE_ID_BASE = 1001
"""Generated sources get ids from here on, so that statements can name them before the database exists."""

# --- vocabularies ----------------------------------------------------------------------------------------
# Given names, patronymics and family names in parallel English and Arabic spellings.
GIVEN = [
    ("Ahmed", "أحمد"),
    ("Mohammed", "محمد"),
    ("Ali", "علي"),
    ("Omar", "عمر"),
    ("Khaled", "خالد"),
    ("Hassan", "حسن"),
    ("Youssef", "يوسف"),
    ("Ibrahim", "إبراهيم"),
    ("Mahmoud", "محمود"),
    ("Tariq", "طارق"),
    ("Sami", "سامي"),
    ("Nabil", "نبيل"),
    ("Karim", "كريم"),
    ("Walid", "وليد"),
    ("Faisal", "فيصل"),
    ("Salem", "سالم"),
    ("Adel", "عادل"),
    ("Hisham", "هشام"),
    ("Ziad", "زياد"),
    ("Rami", "رامي"),
    ("Layla", "ليلى"),
    ("Fatima", "فاطمة"),
    ("Mariam", "مريم"),
    ("Huda", "هدى"),
    ("Rania", "رانيا"),
    ("Sergei", "سيرغي"),
    ("Vladimir", "فلاديمير"),
    ("Nikolai", "نيكولاي"),
    ("Dmitry", "دميتري"),
    ("Alexander", "ألكسندر"),
    ("Andrei", "أندريه"),
    ("Yuri", "يوري"),
    ("Igor", "إيغور"),
    ("Oleg", "أوليغ"),
    ("Nursultan", "نور سلطان"),
    ("Kassym", "قاسم"),
    ("Askar", "عسكر"),
    ("Rustam", "رستم"),
    ("Emomali", "إمام علي"),
    ("Sadyr", "صادر"),
    ("Almazbek", "ألماز بيك"),
    ("Nikol", "نيكول"),
    ("Armen", "أرمين"),
    ("Tigran", "تيغران"),
    ("Irina", "إيرينا"),
    ("Natalia", "ناتاليا"),
    ("Olga", "أولغا"),
    ("Anna", "آنا"),
    ("Elena", "إيلينا"),
    ("Viktor", "فيكتور"),
]
FAMILY = [
    ("Al-Masri", "المصري"),
    ("Haddad", "حداد"),
    ("Khoury", "خوري"),
    ("Nasser", "ناصر"),
    ("Saleh", "صالح"),
    ("Al-Amin", "الأمين"),
    ("Darwish", "درويش"),
    ("Mansour", "منصور"),
    ("Qasim", "قاسم"),
    ("Hamdan", "حمدان"),
    ("Al-Rashid", "الرشيد"),
    ("Zayed", "زايد"),
    ("Barakat", "بركات"),
    ("Jaber", "جابر"),
    ("Sabbagh", "الصباغ"),
    ("Ivanov", "إيفانوف"),
    ("Petrov", "بيتروف"),
    ("Sidorov", "سيدوروف"),
    ("Smirnov", "سميرنوف"),
    ("Kuznetsov", "كوزنتسوف"),
    ("Popov", "بوبوف"),
    ("Volkov", "فولكوف"),
    ("Sokolov", "سوكولوف"),
    ("Lebedev", "ليبيديف"),
    ("Kozlov", "كوزلوف"),
    ("Novikov", "نوفيكوف"),
    ("Morozov", "موروزوف"),
    ("Tokayev", "توكاييف"),
    ("Nazarbayev", "نزارباييف"),
    ("Rahmon", "رحمون"),
    ("Japarov", "جاباروف"),
    ("Sarkissian", "سركيسيان"),
    ("Grigoryan", "غريغوريان"),
    ("Hakobyan", "هاكوبيان"),
    ("Lukashenko", "لوكاشينكو"),
    ("Orlov", "أورلوف"),
    ("Shoigu", "شويغو"),
    ("Lavrov", "لافروف"),
    ("Zakharova", "زاخاروفا"),
    ("Belousov", "بيلوسوف"),
    ("Aliyev", "علييف"),
    ("Karimov", "كريموف"),
    ("Mirziyoyev", "ميرضيائيف"),
    ("Atambayev", "أتامباييف"),
    ("Bakiyev", "باكييف"),
    ("Omarov", "عمروف"),
    ("Yusupov", "يوسوبوف"),
    ("Abdullayev", "عبد اللاييف"),
    ("Rahimov", "رحيموف"),
    ("Nurmagomedov", "نورماغوميدوف"),
]
TITLES = [
    ("Minister of Defence", "وزير الدفاع"),
    ("Foreign Minister", "وزير الخارجية"),
    ("Secretary General", "الأمين العام"),
    ("Chief of the General Staff", "رئيس هيئة الأركان"),
    ("spokesperson", "المتحدث الرسمي"),
    ("President", "الرئيس"),
    ("Prime Minister", "رئيس الوزراء"),
    ("ambassador", "السفير"),
    ("analyst", "المحلل"),
    ("commander", "القائد"),
]
AR_WORDS = [
    "قال",
    "أكد",
    "أعلن",
    "الوزير",
    "الرئيس",
    "المنظمة",
    "معاهدة",
    "الأمن",
    "الجماعي",
    "الدول",
    "الأعضاء",
    "التعاون",
    "العسكري",
    "التدريبات",
    "المشتركة",
    "الحدود",
    "الاستقرار",
    "المنطقة",
    "القمة",
    "الاجتماع",
    "موسكو",
    "يريفان",
    "مينسك",
    "أستانا",
    "بيشكيك",
    "دوشنبه",
    "الأزمة",
    "الحكومة",
    "البرلمان",
    "القرار",
    "المساعدة",
    "الدعم",
    "الحلف",
    "الشمال",
    "الأطلسي",
    "العلاقات",
    "الثنائية",
    "الاتفاقية",
    "الاستراتيجية",
    "الإرهاب",
    "التطرف",
    "المخدرات",
    "الحدودية",
    "الجيش",
    "القوات",
    "المسلحة",
    "الدفاع",
    "الجوي",
    "المناورات",
    "المراقبة",
    "الأزمات",
    "الجانب",
    "الروسي",
    "الجانب",
    "الأرميني",
    "كازاخستان",
    "قرغيزستان",
    "طاجيكستان",
    "بيلاروس",
    "أرمينيا",
    "روسيا",
    "الوضع",
    "الأمني",
    "التهديدات",
    "الخارجية",
    "السيادة",
    "الوطنية",
    "المفاوضات",
    "الوساطة",
    "السلام",
    "الاستجابة",
    "السريعة",
    "الوحدات",
    "الجماعية",
    "في",
    "على",
    "من",
    "إلى",
    "مع",
    "أن",
    "هذا",
    "هذه",
    "التي",
    "الذي",
    "خلال",
    "بعد",
    "قبل",
    "حول",
    "بين",
    "ضد",
    "نحو",
    "منذ",
    "عن",
    "لدى",
    "كما",
    "أيضا",
    "ضرورة",
    "تعزيز",
    "مواصلة",
    "تطوير",
    "إجراء",
    "مناقشة",
    "دراسة",
    "تنفيذ",
    "الالتزامات",
    "المسؤولية",
    "الموقف",
    "الرسمي",
    "البيان",
]
EN_WORDS = [
    "said",
    "stated",
    "announced",
    "minister",
    "president",
    "organisation",
    "treaty",
    "collective",
    "security",
    "member",
    "states",
    "military",
    "cooperation",
    "joint",
    "exercises",
    "border",
    "stability",
    "region",
    "summit",
    "meeting",
    "Moscow",
    "Yerevan",
    "Minsk",
    "Astana",
    "Bishkek",
    "Dushanbe",
    "crisis",
    "government",
    "parliament",
    "decision",
    "assistance",
    "support",
    "alliance",
    "NATO",
    "bilateral",
    "relations",
    "agreement",
    "strategic",
    "terrorism",
    "extremism",
    "drug",
    "trafficking",
    "army",
    "armed",
    "forces",
    "air",
    "defence",
    "manoeuvres",
    "monitoring",
    "Russian",
    "side",
    "Armenian",
    "side",
    "Kazakhstan",
    "Kyrgyzstan",
    "Tajikistan",
    "Belarus",
    "Armenia",
    "Russia",
    "security",
    "situation",
    "external",
    "threats",
    "national",
    "sovereignty",
    "negotiations",
    "mediation",
    "peace",
    "rapid",
    "reaction",
    "collective",
    "units",
    "the",
    "of",
    "to",
    "and",
    "in",
    "on",
    "with",
    "that",
    "this",
    "for",
    "by",
    "from",
    "against",
    "towards",
    "since",
    "about",
    "also",
    "must",
    "strengthen",
    "continue",
    "develop",
    "hold",
    "discuss",
    "study",
    "implement",
    "obligations",
    "responsibility",
    "official",
    "position",
    "statement",
    "peacekeeping",
    "contingent",
    "deployment",
    "withdrawal",
    "mandate",
]
CUES = {"ar": ["قال", "أكد", "أعلن", "صرح", "أوضح"], "en": ["said", "stated", "announced", "told", "added"]}
PUBLISHERS = [
    "Sky News Arabia",
    "RT Arabic",
    "TASS",
    "Al Jazeera",
    "Asharq Al-Awsat",
    "Interfax",
    "BBC Arabic",
]
SEED_ABOUT = ["russia", "armenia", "belarus", "kazakhstan", "kyrgyzstan", "tajikistan", "azerbaijan", "nato"]


@dataclass(frozen=True)
class Scale:
    """How many of each thing a knowledge base of ``statements`` statements holds."""

    statements: int

    @property
    def speakers(self) -> int:
        return 20_000 if self.statements >= 10_000 else max(10, self.statements // 4)

    @property
    def sources(self) -> int:
        return min(50_000, max(3, self.statements // 20))

    @property
    def phrase_hits(self) -> int:
        return 40 if self.statements >= 10_000 else max(2, self.statements // 100)

    @property
    def csto_about(self) -> int:
        return 200 if self.statements >= 10_000 else max(2, self.statements // 50)

    @property
    def countries(self) -> int:
        return 60 if self.statements >= 10_000 else 6

    @property
    def alliances(self) -> int:
        return 12 if self.statements >= 10_000 else 2


def _quote(rng: random.Random, lang: str, with_phrase: bool) -> str:
    words = AR_WORDS if lang == "ar" else EN_WORDS
    target = rng.randint(80, 300)
    parts: list[str] = []
    length = 0
    phrase_at = rng.randint(0, 4) if with_phrase else -1
    while length < target:
        word = PHRASE if len(parts) == phrase_at else rng.choice(words)
        parts.append(word)
        length += len(word) + 1
        if rng.random() < 0.08 and length < target - 10:
            parts[-1] += "،" if lang == "ar" else ","
    text = " ".join(parts)
    if with_phrase and PHRASE not in text:
        text = f"{PHRASE} {text}"
    return text + "."


def _date(rng: random.Random) -> str:
    day = dt.date(2002, 5, 14) + dt.timedelta(days=rng.randrange(8000))
    roll = rng.random()
    return day.isoformat() if roll < 0.9 else day.isoformat()[:7] if roll < 0.97 else day.isoformat()[:4]


def _people(rng: random.Random, count: int) -> list[dict[str, Any]]:
    """Speakers with unique full names in both scripts (given, patronymic, family), a title, and aliases."""
    combos = len(GIVEN) * len(GIVEN) * len(FAMILY)
    picks = rng.sample(range(combos), count)
    people = []
    for n, pick in enumerate(picks):
        g, rest = divmod(pick, len(GIVEN) * len(FAMILY))
        p, f = divmod(rest, len(FAMILY))
        (ge, ga), (pe, pa), (fe, fa) = GIVEN[g], GIVEN[p], FAMILY[f]
        title = TITLES[rng.randrange(len(TITLES))]
        key = PROBE_SPEAKER_KEY if n == 0 else f"person-{n:05d}"
        names = [
            {"name": f"{ge} {pe} {fe}", "lang": "en", "is_primary": True},
            {"name": f"{ga} {pa} {fa}", "lang": "ar", "is_primary": True},
            {"name": f"{ge} {fe}", "lang": "en", "is_primary": False},
            {"name": f"{title[1]} {ga} {fa}", "lang": "ar", "is_primary": False},
        ]
        people.append({"key": key, "kind": "person", "names": names, "description": title[0]})
    return people


def _organisations(rng: random.Random, scale: Scale) -> list[dict[str, Any]]:
    orgs: list[dict[str, Any]] = []
    for n in range(scale.countries):
        en, ar = (
            FAMILY[n % len(FAMILY)][0].replace("Al-", "") + f"ia {n}",
            FAMILY[n % len(FAMILY)][1] + f"ستان {n}",
        )
        orgs.append(
            {
                "key": f"country-{n:03d}",
                "kind": "country",
                "names": [
                    {"name": f"Republic of {en}", "lang": "en", "is_primary": True},
                    {"name": f"جمهورية {ar}", "lang": "ar", "is_primary": True},
                ],
            }
        )
    for n in range(scale.alliances):
        orgs.append(
            {
                "key": f"alliance-{n:02d}",
                "kind": "alliance",
                "names": [
                    {"name": f"Defence Pact {n}", "lang": "en", "is_primary": True},
                    {"name": f"حلف الدفاع {n}", "lang": "ar", "is_primary": True},
                ],
                "members": sorted(
                    rng.sample(range(scale.countries), min(scale.countries, rng.randint(4, 12)))
                ),
                "forces": [
                    {
                        "unit": rng.choice(
                            ["rapid reaction force", "peacekeeping contingent", "air defence units"]
                        ),
                        "count": rng.randrange(1000, 30000, 500),
                        "as_of": _date(rng)[:4],
                        "readiness": rng.choice(["permanent_alert", "peacekeeping", "other"]),
                    }
                    for _ in range(rng.randint(2, 6))
                ],
            }
        )
    return orgs


def write_dataset(folder: Path, statements: int, seed: int = 20220415) -> Scale:
    """Write the entities, sources and statements of a knowledge base of ``statements`` statements."""
    scale = Scale(statements)
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    people = _people(rng, scale.speakers)
    orgs = _organisations(rng, scale)
    with (folder / "entities.jsonl").open("w", encoding="utf-8") as out:
        for entity in (*people, *orgs):
            out.write(json.dumps(entity, ensure_ascii=False) + "\n")

    probe = set(rng.sample(range(statements), min(PROBE_STATEMENTS, statements)))
    phrase = set(rng.sample(range(statements), scale.phrase_hits))
    about_csto = set(rng.sample(range(statements), scale.csto_about))
    about_pool = SEED_ABOUT + [o["key"] for o in orgs]
    per_source, extra = divmod(statements, scale.sources)
    index = 0
    with (
        (folder / "sources.jsonl").open("w", encoding="utf-8") as sources,
        (folder / "statements.jsonl").open("w", encoding="utf-8") as lines,
    ):
        for s in range(scale.sources):
            source_id = SOURCE_ID_BASE + s
            lang = "ar" if rng.random() < 0.6 else "en"
            body_parts: list[str] = []
            offset = 0
            header = f"{rng.choice(PUBLISHERS)} — {source_id}\n\n"
            body_parts.append(header)
            offset += len(header)
            latest = ""  # a source is published on or after every statement it reports
            for _ in range(per_source + (1 if s < extra else 0)):
                # The phrase is Arabic, so a statement chosen to carry it is in Arabic whatever its source.
                qlang = "ar" if index in phrase else lang
                quote = _quote(rng, qlang, index in phrase)
                person = people[0] if index in probe else people[1 + rng.randrange(len(people) - 1)]
                speaker_name = rng.choice(
                    [person["key"], person["names"][0]["name"], person["names"][1]["name"]]
                )
                about = (
                    ["csto"] if index in about_csto else rng.sample(about_pool, rng.choice([0, 0, 1, 1, 2]))
                )
                item: dict[str, Any] = {
                    "speaker": speaker_name,
                    "quote": quote,
                    "lang": qlang,
                    "source": source_id,
                    "said_on": _date(rng),
                    "mode": rng.choices(["direct", "indirect", "mixed"], [70, 25, 5])[0],
                    "cue": rng.choice(CUES[qlang]),
                    "about": about,
                }
                if rng.random() < 0.5:
                    item["span_start"], item["span_end"] = offset, offset + len(quote)
                if rng.random() < 0.1:
                    other = "en" if qlang == "ar" else "ar"
                    item["translation"] = _quote(rng, other, False)
                    item["translation_lang"] = other
                    item["translator"] = "bench translator"
                latest = max(latest, f"{item['said_on'][:4]}-12-31")
                lines.write(json.dumps(item, ensure_ascii=False) + "\n")
                body_parts.append(quote + "\n\n")
                offset += len(quote) + 2
                index += 1
            body = "".join(body_parts)
            sources.write(
                json.dumps(
                    {
                        "id": source_id,
                        "title": f"Report {source_id}",
                        "url": f"https://news.invalid/{source_id}",
                        "publisher": header.split(" — ")[0],
                        "lang": lang,
                        "published_on": max(_date(rng)[:10], latest),
                        "body": body,
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
    (folder / "done").write_text(json.dumps({"statements": statements, "seed": seed}))
    return scale


def _jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)


def _chunks(items: Iterator[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def build_base(url: str, folder: Path) -> None:
    """A database at the newest migration holding the curated seed, the generated entities and sources."""
    from sqlalchemy import func, insert, select, text

    from csto_kb.model import Entity, EntityName, Evidence, ForceLevel, ForceLevelUnit, Membership, Source
    from csto_kb.model.base import utcnow
    from csto_kb.services.bootstrap import open_knowledge_base
    from csto_kb.text import normalise

    engine = open_knowledge_base(url)  # runs csto_kb.db.migrate.upgrade, then loads the curated seed
    now = utcnow()
    with engine.begin() as connection:
        first_id = int(connection.execute(select(func.max(Entity.id))).scalar_one() or 0) + 1
        max_source = int(connection.execute(select(func.max(Source.id))).scalar_one() or 0)
        if max_source >= SOURCE_ID_BASE:
            raise SystemExit(f"{url} already holds generated sources")
        ids: dict[str, int] = dict(connection.execute(select(Entity.key, Entity.id)).all())
        entities = list(_jsonl(folder / "entities.jsonl"))
        for n, entity in enumerate(entities):
            ids[entity["key"]] = first_id + n
        connection.execute(
            insert(Entity),
            [
                {
                    "id": ids[e["key"]],
                    "key": e["key"],
                    "kind": e["kind"],
                    "part_of_id": None,
                    "description": e.get("description"),
                    "recorded_at": now,
                }
                for e in entities
            ],
        )
        connection.execute(
            insert(EntityName),
            [
                {
                    "entity_id": ids[e["key"]],
                    "name": n["name"],
                    "lang": n["lang"],
                    "name_norm": normalise(n["name"]),
                    "is_primary": n["is_primary"],
                    "recorded_at": now,
                }
                for e in entities
                for n in e["names"]
            ],
        )
        for chunk in _chunks(_jsonl(folder / "sources.jsonl"), 2000):
            connection.execute(
                insert(Source),
                [
                    {
                        **s,
                        "sha256": hashlib.sha256(s["body"].encode()).hexdigest(),
                        "body_chars": len(s["body"]),
                        "published_basis": "stated",
                        "publisher_id": None,
                        "published_note": None,
                        "file_name": None,
                        "added_at": now,
                    }
                    for s in chunk
                ],
            )
        claim = {"note": None, "retracted_at": None, "retracted_reason": None, "recorded_at": now}
        # The first generated source stands as the evidence of generated memberships and force levels.
        members = [
            {
                **claim,
                "alliance_id": ids[e["key"]],
                "member_id": ids[f"country-{m:03d}"],
                "status": "member",
                "valid_from": "2002",
                "valid_to": None,
            }
            for e in entities
            if e["kind"] == "alliance"
            for m in e["members"]
        ]
        forces = [
            {**claim, "organisation_id": ids[e["key"]], "approximate": False, **f}
            for e in entities
            if e["kind"] == "alliance"
            for f in e["forces"]
        ]
        # A figure's label is a row of its own (force_level_unit), in English.
        units = [f.pop("unit") for f in forces]
        evidence = {
            "source_id": SOURCE_ID_BASE,
            "span_start": None,
            "span_end": None,
            "method": "imported",
            "extractor_version": None,
            "confidence": None,
            "note": None,
            "recorded_by": "bench",
            "retracted_at": None,
            "retracted_reason": None,
            "recorded_at": now,
        }
        for model, rows, column in (
            (Membership, members, "membership_id"),
            (ForceLevel, forces, "force_level_id"),
        ):
            if not rows:
                continue
            ids_made = (
                connection.execute(insert(model).returning(model.id, sort_by_parameter_order=True), rows)
                .scalars()
                .all()
            )
            connection.execute(insert(Evidence), [{**evidence, column: i} for i in ids_made])
            if model is ForceLevel:
                labels = [
                    {"force_level_id": i, "lang": "en", "text": u, "is_original": True, "recorded_at": now}
                    for i, u in zip(ids_made, units, strict=True)
                ]
                connection.execute(insert(ForceLevelUnit), labels)
        if connection.dialect.name == "postgresql":
            for table in ("entity", "source"):
                connection.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"
                    )
                )
    engine.dispose()


def import_statements(url: str, folder: Path) -> str:
    """Load the generated statements through csto-kb's bulk import service; its summary line."""
    from csto_kb.db.engine import make_engine
    from csto_kb.db.unit_of_work import UnitOfWork
    from csto_kb.services.bulk_import import import_statements as bulk

    engine = make_engine(url)
    with (folder / "statements.jsonl").open("rb") as handle:
        report = bulk(UnitOfWork(engine, by="bench", reason="generated"), handle)
    engine.dispose()
    return report.summary()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--scale", type=int, required=True, help="number of statements")
    parser.add_argument("--seed", type=int, default=20220415)
    parser.add_argument("--out", type=Path, required=True, help="folder for the JSON Lines files")
    parser.add_argument(
        "--db", help="also build a database at this URL (sqlite:///PATH or postgresql+psycopg://…)"
    )
    args = parser.parse_args()
    if not (args.out / "done").exists():
        write_dataset(args.out, args.scale, args.seed)
    if args.db:
        build_base(args.db, args.out)
        print(import_statements(args.db, args.out))


if __name__ == "__main__":
    main()
