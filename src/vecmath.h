/*-------------------------------------------------------------------------
 *
 * vecmath.h
 *	  Small kernels on raw float4 arrays, shared by the embedding operators
 *	  and the aggregates.
 *
 * Sums are accumulated in double: the SQL operators promise results that
 * match a hand computation to float8 precision, whatever the dimension.  Hot
 * paths that score many vectors at once (serving, training) go through BLAS
 * or their own measured kernels instead of these.
 *
 *-------------------------------------------------------------------------
 */
#ifndef RECFAIR_VECMATH_H
#define RECFAIR_VECMATH_H

static inline double
vec_dot(const float4 *a, const float4 *b, int n)
{
	double		sum = 0.0;

	for (int i = 0; i < n; i++)
		sum += (double) a[i] * (double) b[i];
	return sum;
}

static inline double
vec_norm_squared(const float4 *a, int n)
{
	return vec_dot(a, a, n);
}

static inline double
vec_l2_squared(const float4 *a, const float4 *b, int n)
{
	double		sum = 0.0;

	for (int i = 0; i < n; i++)
	{
		double		d = (double) a[i] - (double) b[i];

		sum += d * d;
	}
	return sum;
}

#endif							/* RECFAIR_VECMATH_H */
