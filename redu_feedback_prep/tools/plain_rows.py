# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Stored columns of many records as plain values, with one query the ORM builds (the validation's reads)."""

from odoo.tools import SQL, Query


def plain_rows(records, field_names):
    """{id: {"id": id, field: value}} of ``records``, the values as ``read(field_names, load=None)`` gives
    them (False for an empty value, 0 for an empty number, ids for many2one fields), for stored fields.

    One query built by the ORM (``_as_query``, ``_field_to_sql``, which flushes the fields it reads),
    without ``read``'s formatting of each value through the record cache: the validation reads every
    column of thousands of agreements and their partners at once. Access is the caller's business
    (the validation reads as superuser).
    """
    if not records:
        return {}
    return query_rows(records, ids_query(records, records._ids), field_names)


def int_array(values):
    """``values`` as one PostgreSQL array literal of integers (a query parameter, cast with ``::int4[]``)."""
    # integers whatever the caller passes: nothing else gets into the literal
    return "{" + ",".join(map(str, map(int, values))) + "}"


def text_array(values):
    """``values`` (strings) as one PostgreSQL array literal (a query parameter, cast with ``::text[]``): each
    element quoted, its backslashes and double quotes escaped (PostgreSQL's array input syntax)."""
    return "{" + ",".join('"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"' for value in values) + "}"


def ids_query(model, ids):
    """The :class:`Query` of the records ``ids`` of ``model``, unordered: ``browse(ids)._as_query(ordered=False)``
    with the ids given to PostgreSQL as one array, not as the tuple of ``id IN %s``, which psycopg2 quotes id by
    id in Python (its ``SQL_IN`` adapter): 100,000 ids in one query took 180-250 ms that way and 105-115 ms as
    one array, and a validation run of 100,000 agreements makes five such queries."""
    query = Query(model.env, model._table, model._table_sql)
    if not ids:
        query.add_where(SQL("FALSE"))
    else:
        query.add_where(SQL("%s = ANY(%s::int4[])", SQL.identifier(model._table, "id"), int_array(ids)))
    return query


def query_tuples(model, query, field_names):
    """The records of ``model`` that ``query`` selects as tuples ``(id, *values)`` in the order of
    ``field_names``, with one query the ORM builds (its fields flushed first); an empty value is ``None``
    (SQL's NULL), as the caller compares it: no dict per record (a validation reads tens of thousands)."""
    table = model._table
    columns = [model._field_to_sql(table, name, query) for name in field_names]
    return model.env.execute_query(query.select(SQL.identifier(table, "id"), *columns))


def query_rows(model, query, field_names):
    """{id: {"id": id, field: value}} of the records of ``model`` that ``query`` (a :class:`Query` of
    ``model``'s table, from ``_search`` or ``_as_query``) selects, as :func:`plain_rows` gives them."""
    names = ["id", *field_names]
    empty = [None] + [
        0 if model._fields[name].type in ("integer", "float", "monetary") else False for name in field_names
    ]
    rows = {}
    # tuples made into dicts with zip, the NULLs replaced only in the rows that have one (execute_query_dict
    # builds each dict column by column: a third of the reading of 100,000 agreements)
    for values in query_tuples(model, query, field_names):
        if None in values:
            values = [empty[index] if value is None else value for index, value in enumerate(values)]
        rows[values[0]] = dict(zip(names, values, strict=True))
    return rows
