"""The W3C Reconciliation Service API (version 0.2, what OpenRefine speaks) over entity names and aliases."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, RootModel

from csto_kb.schemas.common import NonBlank

MAX_QUERIES = 100


class ReconcileQuery(BaseModel):
    """One name to match; ``properties`` and ``type_strict`` are accepted and not used."""

    model_config = ConfigDict(extra="ignore")

    query: NonBlank = Field(max_length=300)
    type: str | list[str] | None = Field(default=None, description="an entity kind: person, country …")
    limit: int = Field(default=5, ge=1, le=100)


class ReconcileQueries(RootModel[dict[str, ReconcileQuery]]):
    """A batch of queries keyed by the client's ids (q0, q1 …)."""


class TypeRef(BaseModel):
    id: str
    name: str


class ReconcileCandidate(BaseModel):
    id: str = Field(description="the entity's key")
    name: str
    description: str | None = None
    type: list[TypeRef]
    score: float = Field(description="0–100: 100 for a whole name or alias, less for a partial one")
    match: bool = Field(description="true when this is the one entity with the whole name")


class ReconcileResult(BaseModel):
    result: list[ReconcileCandidate]


class ServiceView(BaseModel):
    url: str


class ServiceManifest(BaseModel):
    versions: list[str] = ["0.2"]
    name: str
    identifierSpace: str
    schemaSpace: str
    defaultTypes: list[TypeRef]
    view: ServiceView
