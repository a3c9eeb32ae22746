/*-------------------------------------------------------------------------
 *
 * attack.h
 *	  Perturbing a trained model's embeddings as an attack says, for the
 *	  robustness metrics of evaluate() (attack.c).
 *
 *-------------------------------------------------------------------------
 */
#ifndef RECFAIR_ATTACK_H
#define RECFAIR_ATTACK_H

#include "bpr.h"
#include "interactions.h"
#include "serve.h"
#include "utils/jsonb.h"

typedef struct AttackSpec
{
	Perturbation method;		/* PERTURB_NONE: no attack */
	double		eps;			/* the norm of each row's perturbation */
	int			steps;			/* pgd */
	uint64		seed;			/* negatives and random directions */
} AttackSpec;

extern void ParseAttack(Jsonb *options, AttackSpec *spec);
extern void PerturbModel(const ModelCache *m, const AttackSpec *spec, const int64 *user_ids, int32 nusers,
						 const float4 *x, float4 *item_out, float4 *x_out, MemoryBudget *budget);

#endif							/* RECFAIR_ATTACK_H */
