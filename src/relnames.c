/*-------------------------------------------------------------------------
 *
 * relnames.c
 *	  Names of the tables that generate_dataset() and split() create from a
 *	  user's prefix: parsed as an identifier (optionally schema-qualified),
 *	  checked for length, and quoted, so that no user text reaches SQL
 *	  unquoted.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/namespace.h"
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
	names = stringToQualifiedNameList(prefix);
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
