/*-------------------------------------------------------------------------
 *
 * relnames.c
 *	  The tables that generate_dataset() and split() create from a user's
 *	  prefix: their names (parsed as an identifier, optionally
 *	  schema-qualified, checked for length, and quoted, so that no user text
 *	  reaches SQL unquoted), the SQL that makes them, and the
 *	  (table_name, rows) rows both functions return.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/namespace.h"
#include "compat.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "nodes/value.h"
#include "relnames.h"
#include "utils/builtins.h"
#include "utils/regproc.h"
#include "utils/varlena.h"

/* The longest suffix we append, for the hint. */
#define LONGEST_SUFFIX "_interactions"

/* The quoted, possibly schema-qualified name <prefix>_<suffix>. */
char *
PrefixedTableName(const char *prefix, const char *suffix)
{
	List	   *names;
	char	   *schema = NULL;
	char	   *name;

	if (prefix[0] == '\0')
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("prefix must not be empty")));
	names = QualifiedNameList(prefix);
	if (list_length(names) == 2)
		schema = strVal(linitial(names));
	else if (list_length(names) != 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_NAME),
				 errmsg("invalid prefix \"%s\"", prefix),
				 errhint("Use a table name prefix, optionally qualified with a schema.")));
	name = psprintf("%s_%s", strVal(llast(names)), suffix);
	if (strlen(name) >= NAMEDATALEN)
		ereport(ERROR,
				(errcode(ERRCODE_NAME_TOO_LONG),
				 errmsg("table name \"%s\" is too long", name),
				 errhint("Use a prefix of at most %d characters.",
						 NAMEDATALEN - 1 - (int) strlen(LONGEST_SUFFIX))));
	return quote_qualified_identifier(schema, name);
}

/* A new table's name as the caller gave it (optionally schema-qualified), quoted. */
char *
NewTableName(const char *given)
{
	List	   *names;

	if (given[0] == '\0')
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("table name must not be empty")));
	names = QualifiedNameList(given);
	if (list_length(names) > 2)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_NAME),
				 errmsg("invalid table name \"%s\"", given),
				 errhint("Use a table name, optionally qualified with a schema.")));
	if (strlen(strVal(llast(names))) >= NAMEDATALEN)
		ereport(ERROR,
				(errcode(ERRCODE_NAME_TOO_LONG),
				 errmsg("table name \"%s\" is too long", strVal(llast(names)))));
	return quote_qualified_identifier(list_length(names) == 2 ? strVal(linitial(names)) : NULL,
									  strVal(llast(names)));
}

/* Run one statement through SPI; any result other than `expected` is an error. */
void
RunTableSql(const char *sql, int expected)
{
	int			rc = SPI_execute(sql, false, 0);

	if (rc != expected)
		elog(ERROR, "SPI_execute failed (%s): %s", SPI_result_code_string(rc), sql);
}

/* The relation a quoted, possibly qualified name names. */
Oid
TableOid(const char *qualified)
{
	return RangeVarGetRelid(makeRangeVarFromNameList(QualifiedNameList(qualified)),
							NoLock, false);
}

/* One (table_name regclass, rows bigint) row of a materialized result. */
void
ReportTable(FunctionCallInfo fcinfo, Oid relid, int64 rows)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	Datum		values[2] = {ObjectIdGetDatum(relid), Int64GetDatum(rows)};
	bool		nulls[2] = {false, false};

	tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
}
