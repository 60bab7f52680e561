"""The relational model: SQLAlchemy declarative classes over one MetaData with a naming convention."""

from csto_kb.model.base import Base
from csto_kb.model.candidates import Candidate
from csto_kb.model.changes import Change
from csto_kb.model.entities import Entity, EntityMerge, EntityName, ExternalId, Role, RoleTitle
from csto_kb.model.evidence import CLAIM_TABLES, Evidence
from csto_kb.model.facts import (
    Event,
    EventParticipant,
    EventTitle,
    ForceLevel,
    ForceLevelUnit,
    Membership,
    OrganisationFact,
    OrganisationFactText,
)
from csto_kb.model.sources import Source
from csto_kb.model.statements import Statement, Translation, statement_about

__all__ = [
    "CLAIM_TABLES",
    "Base",
    "Candidate",
    "Change",
    "Entity",
    "EntityMerge",
    "EntityName",
    "Event",
    "EventParticipant",
    "EventTitle",
    "Evidence",
    "ExternalId",
    "ForceLevel",
    "ForceLevelUnit",
    "Membership",
    "OrganisationFact",
    "OrganisationFactText",
    "Role",
    "RoleTitle",
    "Source",
    "Statement",
    "Translation",
    "statement_about",
]
