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

extern void ParseRatingFairness(Jsonb *options, RatingFairness *rf);
extern const char *RatingTermName(RatingTerm term);
extern void RatingFairnessFineTune(const Interactions *data, RatingFairness *rf, const int32 *user_group, int ngroups,
								   const float4 *user_factors, const float4 *user_bias, float4 *item_factors,
								   float4 *item_bias, double global_mean, int k, double regularization,
								   MemoryBudget *budget);

#endif							/* RECFAIR_RATING_FAIR_H */
