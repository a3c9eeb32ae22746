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
CompareInt64(const void *a, const void *b)
{
	int64		x = *(const int64 *) a;
	int64		y = *(const int64 *) b;

	return (x > y) - (x < y);
}

static inline int
CompareDoubles(const void *a, const void *b)
{
	double		x = *(const double *) a;
	double		y = *(const double *) b;

	return (x > y) - (x < y);
}

/*
 * Whether x is among base[0..n), sorted ascending: an inlined binary search
 * (bpr's negative sampling calls it per draw, on compute threads).
 */
static inline bool
SortedInt32Contains(const int32 *base, int64 n, int32 x)
{
	const int32 *lo = base;
	const int32 *end = base + n;

	while (n > 0)
	{
		int64		half = n / 2;

		if (lo[half] < x)
		{
			lo += half + 1;
			n -= half + 1;
		}
		else
			n = half;
	}
	return lo < end && *lo == x;
}

#endif							/* RECFAIR_COMPARE_H */
