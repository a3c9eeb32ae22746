/*-------------------------------------------------------------------------
 *
 * compare.h
 *	  qsort/bsearch comparators of plain numbers, shared by the files that
 *	  sort ids and indexes.
 *
 *-------------------------------------------------------------------------
 */
#ifndef RECFAIR_COMPARE_H
#define RECFAIR_COMPARE_H

static inline int
CompareInt32(const void *a, const void *b)
{
	int32		x = *(const int32 *) a;
	int32		y = *(const int32 *) b;

	return (x > y) - (x < y);
}

static inline int
CompareDoubles(const void *a, const void *b)
{
	double		x = *(const double *) a;
	double		y = *(const double *) b;

	return (x > y) - (x < y);
}

#endif							/* RECFAIR_COMPARE_H */
