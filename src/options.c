/*-------------------------------------------------------------------------
 *
 * options.c
 *	  Reading the jsonb options argument (algorithm-specific extras): typed
 *	  values with range checks, refusal of unknown keys, and hints for the
 *	  keys that became arguments in 0.6.0; and arguments by their catalog
 *	  names, for errors that name them.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "funcapi.h"
#include "lib/stringinfo.h"
#include "options.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/lsyscache.h"
#include "utils/numeric.h"
#include "utils/syscache.h"

/* The value of a jsonb key as text (numbers and strings), or NULL. */
char *
OptionText(Jsonb *options, const char *key)
{
	JsonbValue	v;

	if (!getKeyJsonValueFromContainer(&options->root, key, strlen(key), &v))
		return NULL;
	switch (v.type)
	{
		case jbvString:
			return pnstrdup(v.val.string.val, v.val.string.len);
		case jbvNumeric:
			return DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(v.val.numeric)));
		case jbvBool:
			return pstrdup(v.val.boolean ? "true" : "false");
		case jbvNull:
			return NULL;
		default:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("option \"%s\" must be a string or a number", key)));
	}
	return NULL;
}

/* Whether options has the key (with any value, null included). */
bool
OptionPresent(Jsonb *options, const char *key)
{
	JsonbValue	v;

	return JB_ROOT_IS_OBJECT(options) &&
		getKeyJsonValueFromContainer(&options->root, key, strlen(key), &v) != NULL;
}

/* A key whose value is a jsonb object, as a Jsonb of its own; NULL when absent or null. */
Jsonb *
OptionObject(Jsonb *options, const char *key)
{
	JsonbValue	v;

	if (!getKeyJsonValueFromContainer(&options->root, key, strlen(key), &v) || v.type == jbvNull)
		return NULL;
	if (v.type != jbvBinary || !JsonContainerIsObject(v.val.binary.data))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("option \"%s\" must be a jsonb object", key)));
	return JsonbValueToJsonb(&v);
}

/* The option's text as a number, or NaN when it is not one. */
static double
ParseOptionNumber(const char *text)
{
	char	   *end;
	double		value;

	errno = 0;
	value = strtod(text, &end);
	if (end == text || *end != '\0' || errno != 0)
		return NAN;
	return value;
}

double
OptionNumber(Jsonb *options, const char *key, double dflt, double min, double max)
{
	char	   *text = OptionText(options, key);
	double		value;

	if (text == NULL)
		return dflt;
	value = ParseOptionNumber(text);
	if (isnan(value) || value < min || value > max)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("option \"%s\" must be a number between %g and %g, not \"%s\"",
						key, min, max, text)));
	return value;
}

/* A whole-number option: like OptionNumber, and 2.9 is an error, not 2. */
int64
OptionInteger(Jsonb *options, const char *key, int64 dflt, int64 min, int64 max)
{
	char	   *text = OptionText(options, key);
	double		value;

	if (text == NULL)
		return dflt;
	value = ParseOptionNumber(text);
	if (isnan(value) || value < (double) min || value > (double) max || value != floor(value))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("option \"%s\" must be an integer between " INT64_FORMAT " and " INT64_FORMAT ", not \"%s\"",
						key, min, max, text)));
	return (int64) value;
}

static bool
KeyIsKnown(const char *key, const char *const *known, int nknown)
{
	for (int i = 0; i < nknown; i++)
		if (strcmp(known[i], key) == 0)
			return true;
	return false;
}

/*
 * Refuse keys not in known[] (typos), listing the known ones, and keys that
 * an earlier version took as options and this one takes elsewhere (moved[]),
 * with a hint naming the new form.
 */
void
CheckOptionKeys(Jsonb *options, const char *const *known, int nknown,
				const MovedOption *moved, int nmoved)
{
	JsonbIterator *it;
	JsonbValue	v;
	JsonbIteratorToken tok;

	if (!JB_ROOT_IS_OBJECT(options))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("options must be a jsonb object")));
	it = JsonbIteratorInit(&options->root);
	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		char	   *key;
		StringInfoData list;

		if (tok != WJB_KEY)
			continue;
		key = pnstrdup(v.val.string.val, v.val.string.len);
		if (KeyIsKnown(key, known, nknown))
		{
			pfree(key);
			continue;
		}
		for (int i = 0; i < nmoved; i++)
		{
			if (strcmp(moved[i].key, key) != 0)
				continue;
			if (moved[i].option != NULL)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("option \"%s\" is now called \"%s\"", key, moved[i].option),
						 errhint("Write options => '{\"%s\": ...}'.", moved[i].option)));
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("option \"%s\" is now an argument", key),
					 errdetail("Since recfair 0.6.0 every commonly used setting is a named argument, and options holds only algorithm-specific extras."),
					 errhint("Write %s => ... in the call, outside options.", key)));
		}
		initStringInfo(&list);
		for (int i = 0; i < nknown; i++)
			appendStringInfo(&list, "%s%s", i > 0 ? ", " : "", known[i]);
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown option \"%s\"", key),
				 nknown > 0 ? errhint("Known options: %s.", list.data)
				 : errhint("This function takes no options.")));
	}
}

/* A boolean option: true/false as jsonb booleans or strings. */
bool
OptionBool(Jsonb *options, const char *key, bool dflt)
{
	char	   *text = OptionText(options, key);
	bool		result;

	if (text == NULL)
		return dflt;
	if (!parse_bool(text, &result))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("option \"%s\" must be true or false, not \"%s\"", key, text)));
	return result;
}

/*
 * The name of argument n (from 0) as the function's catalog entry gives it,
 * which is the one a caller writes in named notation; "argument N+1" when it
 * has none.
 */
const char *
ArgName(FunctionCallInfo fcinfo, int n)
{
	HeapTuple	tup;
	Oid		   *types;
	char	  **names = NULL;
	char	   *modes;
	const char *name = NULL;

	tup = SearchSysCache1(PROCOID, ObjectIdGetDatum(fcinfo->flinfo->fn_oid));
	if (HeapTupleIsValid(tup))
	{
		if (n < get_func_arg_info(tup, &types, &names, &modes) && names != NULL && names[n][0] != '\0')
			name = pstrdup(names[n]);
		ReleaseSysCache(tup);
	}
	return name ? name : psprintf("argument %d", n + 1);
}

/* A text argument as a C string, or NULL for SQL NULL. */
char *
TextArgOrNull(FunctionCallInfo fcinfo, int n)
{
	return PG_ARGISNULL(n) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(n));
}

/*
 * Error (22004) naming the first argument among the first nargs that is
 * NULL, unless its bit is set in `nullable` (bit i: argument i may be NULL).
 */
void
CheckArgsNotNull(FunctionCallInfo fcinfo, int nargs, uint32 nullable)
{
	for (int i = 0; i < nargs; i++)
	{
		if (!PG_ARGISNULL(i) || (nullable & (1U << i)) != 0)
			continue;
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("%s must not be NULL", ArgName(fcinfo, i))));
	}
}
