/*-------------------------------------------------------------------------
 *
 * idset.h
 *	  The recfair.idset type: a set of bigint ids, sorted and delta-coded.
 *
 *-------------------------------------------------------------------------
 */
#ifndef RECFAIR_IDSET_H
#define RECFAIR_IDSET_H

/*
 * Encodes ids that are already sorted ascending and distinct (the caller
 * guarantees it) into a new idset datum.
 */
extern Datum IdSetFromSorted(const int64 *ids, int32 n);


/*
 * The ids of a user_factors.seen value of the given type: an idset, or a
 * bigint[] in a database whose extension is not yet updated to 0.4.0
 * (ALTER EXTENSION recfair UPDATE), so that new binaries serve old tables.
 */
extern int64 *SeenItemIds(Datum value, Oid type, int32 *n);

#endif							/* RECFAIR_IDSET_H */
