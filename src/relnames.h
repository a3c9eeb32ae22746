/*-------------------------------------------------------------------------
 *
 * relnames.h
 *	  Names of the tables that generate_dataset() and split() create from a
 *	  user's prefix.
 *
 *-------------------------------------------------------------------------
 */
#ifndef RECFAIR_RELNAMES_H
#define RECFAIR_RELNAMES_H

extern char *PrefixedTableName(const char *prefix, const char *suffix);

#endif							/* RECFAIR_RELNAMES_H */
