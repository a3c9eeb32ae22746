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

extern void CheckOptionKeys(Jsonb *options, const char *const *known, int nknown);
extern char *OptionText(Jsonb *options, const char *key);
extern int64 OptionInteger(Jsonb *options, const char *key, int64 dflt, int64 min, int64 max);
extern double OptionNumber(Jsonb *options, const char *key, double dflt, double min, double max);
extern bool OptionBool(Jsonb *options, const char *key, bool dflt);
extern void CheckArgsNotNull(FunctionCallInfo fcinfo, int nargs, uint32 nullable);

#endif							/* RECFAIR_OPTIONS_H */
