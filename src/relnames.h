/*-------------------------------------------------------------------------
 *
 * relnames.h
 *	  The tables that generate_dataset(), split() and recommend_all()
 *	  create from a user's name or prefix: names, the SQL that makes them,
 *	  the rows that report them.
 *
 *-------------------------------------------------------------------------
 */
#ifndef RECFAIR_RELNAMES_H
#define RECFAIR_RELNAMES_H

#include "fmgr.h"

extern char *PrefixedTableName(const char *prefix, const char *suffix);
extern char *NewTableName(const char *given);
extern void RunTableSql(const char *sql, int expected);
extern Oid	TableOid(const char *qualified);
extern void ReportTable(FunctionCallInfo fcinfo, Oid relid, int64 rows);

#endif							/* RECFAIR_RELNAMES_H */
