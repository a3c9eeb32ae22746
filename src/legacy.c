/*-------------------------------------------------------------------------
 *
 * legacy.c
 *	  The SQL signatures of recfair 0.5.0 and earlier, served by this
 *	  library until ALTER EXTENSION recfair UPDATE installs the new ones.
 *
 * A new library is installed before a database's SQL objects are updated
 * (a package upgrade, then ALTER EXTENSION), and in between the old
 * definitions call the same C symbols with their old arguments.  As
 * pg_stat_statements does for its API versions, each entry point tells the
 * two apart by PG_NARGS() and this file turns an old call into a new one:
 * the source text becomes the regclass argument or the *_query argument
 * (guessed from its first word, as 0.5.0 did), options keys that are now
 * arguments move to them, price becomes deficit_scale, and the arguments
 * the old signature lacks take the defaults the new one declares.  The
 * call then runs the current code: only the argument list is old.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <ctype.h>

#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "compat.h"
#include "fmgr.h"
#include "legacy.h"
#include "nodes/makefuncs.h"
#include "options.h"
#include "storage/lock.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/jsonb.h"
#include "utils/lsyscache.h"
#include "utils/regproc.h"
#include "utils/varlena.h"

/* 0.5.0 read a source as a query when it began with one of these words. */
static bool
LooksLikeQuery(const char *source)
{
	static const char *const keywords[] = {"select", "with", "values", "table"};
	const char *p = source;

	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '(')
		p++;
	for (int i = 0; i < lengthof(keywords); i++)
	{
		size_t		len = strlen(keywords[i]);

		if (pg_strncasecmp(p, keywords[i], len) == 0 &&
			!IS_HIGHBIT_SET(p[len]) && !isalnum((unsigned char) p[len]) &&
			p[len] != '_' && p[len] != '$' && p[len] != '.')
			return true;
	}
	return false;
}

/* An old source argument as the new pair: a relation, or a query. */
static void
MoveSource(FunctionCallInfo old, int oldarg, FunctionCallInfo nf, int relarg, int queryarg)
{
	char	   *source;
	Oid			relid;

	nf->args[relarg].isnull = nf->args[queryarg].isnull = true;
	if (old->args[oldarg].isnull)
		return;
	source = TextDatumGetCString(old->args[oldarg].value);
	if (LooksLikeQuery(source))
	{
		nf->args[queryarg].value = CStringGetTextDatum(source);
		nf->args[queryarg].isnull = false;
		return;
	}
	relid = RangeVarGetRelid(makeRangeVarFromNameList(QualifiedNameList(source)), AccessShareLock, true);
	if (!OidIsValid(relid))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_TABLE),
				 errmsg("relation \"%s\" does not exist", source)));
	nf->args[relarg].value = ObjectIdGetDatum(relid);
	nf->args[relarg].isnull = false;
}

/* A value given as text, through its type's input function. */
static Datum
InputValue(const char *text, Oid type)
{
	Oid			input;
	Oid			ioparam;

	getTypeInputInfo(type, &input, &ioparam);
	return OidInputFunctionCall(input, (char *) text, ioparam, -1);
}

/*
 * Run impl with the new argument list of an old call: the arguments both
 * have, the new arguments' defaults, the source, and the options keys that
 * became arguments.
 */
Datum
CallWithLegacyArgs(FunctionCallInfo old, const LegacySignature *sig, PGFunction impl)
{
	LOCAL_FCINFO(nf, FUNC_MAX_ARGS);
	Jsonb	   *options = NULL;
	Datum		result;

	Assert(sig->new_nargs <= FUNC_MAX_ARGS);
	InitFunctionCallInfoData(*nf, old->flinfo, sig->new_nargs, old->fncollation, old->context, old->resultinfo);
	for (int i = 0; i < sig->new_nargs; i++)
		nf->args[i].isnull = true;
	for (const LegacyArg *d = sig->defaults; d->arg >= 0; d++)
	{
		nf->args[d->arg].value = InputValue(d->value, d->type);
		nf->args[d->arg].isnull = false;
	}
	for (int i = 0; i < old->nargs; i++)
		if (sig->old_to_new[i] >= 0)
			nf->args[sig->old_to_new[i]] = old->args[i];
	if (sig->source >= 0)
		MoveSource(old, sig->source, nf, sig->source_rel, sig->source_query);

	if (sig->options >= 0 && !old->args[sig->options].isnull)
	{
		Datum		rest = old->args[sig->options].value;
		char	   *price;

		options = DatumGetJsonbP(rest);
		for (const LegacyArg *m = sig->moved; m->arg >= 0; m++)
		{
			char	   *value = JB_ROOT_IS_OBJECT(options) ? OptionText(options, m->value) : NULL;

			if (value != NULL)
			{
				nf->args[m->arg].value = InputValue(value, m->type);
				nf->args[m->arg].isnull = false;
			}
			rest = DirectFunctionCall2(jsonb_delete, rest, CStringGetTextDatum(m->value));
		}
		price = JB_ROOT_IS_OBJECT(options) ? OptionText(options, "price") : NULL;
		if (price != NULL)
		{
			/* a number (checked as 0.5.0 checked it), written back as one */
			double		value = OptionNumber(options, "price", 0.0, 1e-6, 1e6);

			rest = DirectFunctionCall2(jsonb_delete, rest, CStringGetTextDatum("price"));
			rest = DirectFunctionCall2(jsonb_concat, rest,
									   DirectFunctionCall1(jsonb_in,
														   CStringGetDatum(psprintf("{\"deficit_scale\": %.17g}", value))));
		}
		if (sig->options_new >= 0)
		{
			nf->args[sig->options_new].value = rest;
			nf->args[sig->options_new].isnull = false;
		}
	}

	result = impl(nf);
	old->isnull = nf->isnull;
	return result;
}
