"""What the UI shows about each published table, generated from schemas/ (no per-table code).

Every asset whose key is a table of schemas/package.json gets the table's own description and its
column schema (`dagster/column_schema`); table materialisations report `dagster/row_count`.
"""

from collections.abc import Sequence

import dagster as dg

from pipeline import schema


def column_schema(table: str) -> dg.TableSchema:
    """The table's columns, types, descriptions and constraints as a Dagster TableSchema."""
    key = schema.primary_key(table)
    columns = []
    for spec in schema.table_schema(table)["fields"]:
        constraints = spec.get("constraints", {})
        other = [f"{name} {value}" for name, value in constraints.items() if name not in ("required", "unique")]
        columns.append(
            dg.TableColumn(
                name=spec["name"],
                type=spec["type"],
                description=spec.get("description"),
                constraints=dg.TableColumnConstraints(
                    nullable=not constraints.get("required", False),
                    unique=bool(constraints.get("unique")) or key == [spec["name"]],
                    other=other,
                ),
            )
        )
    table_constraints = [f"primary key ({', '.join(key)})"] + [
        f"foreign key ({', '.join(_as_list(fk['fields']))}) → "
        f"{fk['reference'].get('resource') or table}({', '.join(_as_list(fk['reference']['fields']))})"
        for fk in schema.foreign_keys(table)
    ]
    return dg.TableSchema(columns=columns, constraints=dg.TableConstraints(other=table_constraints))


def _as_list(value: str | list[str]) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def table_description(table: str) -> str:
    spec = schema.table_schema(table)
    title, description = spec.get("title", table), spec.get("description", "")
    return f"{title}: {description}" if description else title


def _describe(spec: dg.AssetSpec) -> dg.AssetSpec:
    table = spec.key.to_user_string()
    if table not in schema.table_names():
        return spec
    return spec.replace_attributes(description=table_description(table)).merge_attributes(
        metadata={"dagster/column_schema": column_schema(table), "schema": f"schemas/{table}.schema.json"}
    )


def describe_tables(assets: Sequence[dg.AssetsDefinition]) -> list[dg.AssetsDefinition]:
    """The assets with every published table's description and column schema from schemas/."""
    return list(dg.map_asset_specs(_describe, assets))


def table_metadata(row_count: int) -> dict[str, object]:
    """Materialisation metadata of a published table."""
    return {"dagster/row_count": row_count}
