/*-------------------------------------------------------------------------
 *
 * options.h
 *	  Typed access to a jsonb options argument.
 *
 *-------------------------------------------------------------------------
 */
#ifndef RECFAIR_OPTIONS_H
#define RECFAIR_OPTIONS_H

#include "fmgr.h"
#include "utils/jsonb.h"

/*
 * An option of an earlier version that this one takes elsewhere: as the
 * argument of the same name (option NULL), or as another option.
 */
typedef struct MovedOption
{
	const char *key;
	const char *option;
} MovedOption;

extern void CheckOptionKeys(Jsonb *options, const char *const *known, int nknown,
							const MovedOption *moved, int nmoved);
extern char *OptionText(Jsonb *options, const char *key);
extern bool OptionPresent(Jsonb *options, const char *key);
extern Jsonb *OptionObject(Jsonb *options, const char *key);
extern int64 OptionInteger(Jsonb *options, const char *key, int64 dflt, int64 min, int64 max);
extern double OptionNumber(Jsonb *options, const char *key, double dflt, double min, double max);
extern bool OptionBool(Jsonb *options, const char *key, bool dflt);
extern const char *ArgName(FunctionCallInfo fcinfo, int n);
extern char *TextArgOrNull(FunctionCallInfo fcinfo, int n);
extern void CheckArgsNotNull(FunctionCallInfo fcinfo, int nargs, uint32 nullable);

#endif							/* RECFAIR_OPTIONS_H */
