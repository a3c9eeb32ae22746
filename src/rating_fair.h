/*-------------------------------------------------------------------------
 *
 * rating_fair.h
 *	  Yao and Huang's rating unfairness in als_explicit's objective
 *	  (rating_fair.c).
 *
 *-------------------------------------------------------------------------
 */
#ifndef RECFAIR_RATING_FAIR_H
#define RECFAIR_RATING_FAIR_H

#include <math.h>

#include "interactions.h"
#include "utils/jsonb.h"

typedef enum RatingTerm
{
	RATING_TERM_VALUE,
	RATING_TERM_ABSOLUTE,
	RATING_TERM_UNDER,
	RATING_TERM_OVER,
	RATING_TERM_NON_PARITY
} RatingTerm;

typedef struct RatingFairness
{
	bool		active;
	char	   *user_group_col;
	RatingTerm	term;
	double		lambda;
	int			epochs;
	double		learning_rate;
	double		before;			/* the term on the training ratings, before and after */
	double		after;
} RatingFairness;

/*
 * The quantities a per-item term compares for two groups with mean errors
 * d_a, d_b on an item (the term adds |u_a - u_b|), and their derivatives
 * w = du/dd: value d, absolute |d|, underestimation max(0, -d),
 * overestimation max(0, d).  Shared by evaluate() and the fine-tuning.
 */
static inline void
RatingTermParts(RatingTerm term, double da, double db, double *ua, double *ub, double *wa, double *wb)
{
	switch (term)
	{
		case RATING_TERM_VALUE:
			*ua = da, *ub = db, *wa = 1, *wb = 1;
			break;
		case RATING_TERM_ABSOLUTE:
			*ua = fabs(da), *ub = fabs(db), *wa = (da > 0) - (da < 0), *wb = (db > 0) - (db < 0);
			break;
		case RATING_TERM_UNDER:
			*ua = Max(0.0, -da), *ub = Max(0.0, -db), *wa = da < 0 ? -1 : 0, *wb = db < 0 ? -1 : 0;
			break;
		default:				/* RATING_TERM_OVER */
			*ua = Max(0.0, da), *ub = Max(0.0, db), *wa = da > 0 ? 1 : 0, *wb = db > 0 ? 1 : 0;
			break;
	}
}

extern void ParseRatingFairness(Jsonb *options, RatingFairness *rf);
extern const char *RatingTermName(RatingTerm term);
extern void RatingFairnessFineTune(const Interactions *data, RatingFairness *rf, const int32 *user_group, int ngroups,
								   const float4 *user_factors, const float4 *user_bias, float4 *item_factors,
								   float4 *item_bias, double global_mean, int k, double regularization,
								   MemoryBudget *budget);

#endif							/* RECFAIR_RATING_FAIR_H */
