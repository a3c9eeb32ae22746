/*-------------------------------------------------------------------------
 *
 * bpr.h
 *	  Bayesian personalised ranking trained with SGD, with adversarial
 *	  training and its random controls (bpr.c).
 *
 *-------------------------------------------------------------------------
 */
#ifndef RECFAIR_BPR_H
#define RECFAIR_BPR_H

#include "als.h"
#include "common/pg_prng.h"
#include "interactions.h"

/* Defaults of the bpr options (jsonb, so they have no SQL default). */
#define BPR_DEFAULT_LEARNING_RATE 0.05
#define BPR_DEFAULT_REGULARIZATION 0.01
#define BPR_DEFAULT_SAMPLING_EXPONENT 0.75
#define BPR_DEFAULT_ADV_WEIGHT 1.0
#define BPR_DEFAULT_ADV_STEPS 3

typedef enum BprSampling
{
	BPR_SAMPLING_UNIFORM,
	BPR_SAMPLING_POPULARITY		/* in proportion to popularity^exponent */
} BprSampling;

/* A perturbation of the embeddings: the adversarial ones and the controls. */
typedef enum Perturbation
{
	PERTURB_NONE,
	PERTURB_FGSM,				/* one step along the loss gradient (APR) */
	PERTURB_PGD,				/* several projected gradient steps */
	PERTURB_GAUSSIAN,			/* a random direction */
	PERTURB_SIGN				/* random signs, every coordinate alike */
} Perturbation;

typedef struct BprOptions
{
	int			factors;
	int			epochs;
	double		learning_rate;
	double		regularization;
	bool		item_bias;
	BprSampling sampling;
	double		sampling_exponent;
	uint64		seed;
	Perturbation adversarial;
	double		adv_eps;		/* the norm of each row's perturbation */
	double		adv_weight;		/* of the adversarial loss */
	int			adv_steps;		/* pgd */
	int			adv_start_epoch;	/* from this epoch on (1-based) */
	int			threads;		/* T: the strata per side (BprThreads) */
	/* fairness in the objective (train.c reads the groups; NULL: none) */
	const int32 *user_group;	/* per user: its group, -1 for none */
	int			nuser_groups;
	double		user_lambda;	/* weight of the spread of the groups' mean losses */
	const float4 *positive_weight;	/* per item: its positive pairs' weight */
	const int32 *item_group;	/* per item: its group (-1: none), for within_group */
	int			nitem_groups;
	double		within_group;	/* share of negatives drawn from the positive's group */
	double	   *user_group_loss;	/* out: the groups' mean losses, last epoch */
} BprOptions;

/* Pure arithmetic, safe on compute threads; attack.c draws its random perturbations with them too. */
extern double NormalDraw(pg_prng_state *rng);
extern void ScaleToNorm(float4 *v, int k, double eps);
extern int	BprThreads(const Interactions *data);
extern void BprTrain(const Interactions *data, const BprOptions *opt, float4 *user_factors,
					 float4 *item_factors, float4 *item_bias, MemoryBudget *budget,
					 AlsProgressFn progress, void *progress_arg);
extern Perturbation ParsePerturbation(const char *name, bool for_training);
extern const char *PerturbationName(Perturbation p);

#endif							/* RECFAIR_BPR_H */
