/*-------------------------------------------------------------------------
 *
 * legacy.h
 *	  Calls through the SQL signatures of 0.5.0 and earlier (legacy.c).
 *
 *-------------------------------------------------------------------------
 */
#ifndef RECFAIR_LEGACY_H
#define RECFAIR_LEGACY_H

#include "fmgr.h"

/* A new argument and a value as text: a default, or the options key that moved to it. */
typedef struct LegacyArg
{
	int			arg;			/* -1 ends a list */
	Oid			type;
	const char *value;			/* the default, or the options key */
} LegacyArg;

/* How an old signature's arguments map onto the new one. */
typedef struct LegacySignature
{
	int			old_nargs;
	int			new_nargs;
	const int  *old_to_new;		/* per old argument: its new position, or -1 */
	int			source;			/* the old text source argument, or -1 */
	int			source_rel;		/* the new regclass and query arguments */
	int			source_query;
	int			options;		/* the old options argument, or -1 */
	int			options_new;	/* where what is left of it goes, or -1 */
	const LegacyArg *defaults;	/* new arguments the old signature lacks */
	const LegacyArg *moved;		/* options keys that are arguments now */
} LegacySignature;

extern Datum CallWithLegacyArgs(FunctionCallInfo old, const LegacySignature *sig, PGFunction impl);

#endif							/* RECFAIR_LEGACY_H */
