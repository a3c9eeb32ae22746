/*-------------------------------------------------------------------------
 *
 * model_store.h
 *	  Models as rows: recfair.models, recfair.user_factors and
 *	  recfair.item_factors.  All functions here run inside an SPI connection.
 *
 *-------------------------------------------------------------------------
 */
#ifndef RECFAIR_MODEL_STORE_H
#define RECFAIR_MODEL_STORE_H

#include "interactions.h"

/* The GUC recfair.default_model. */
extern char *recfair_default_model;

extern Oid	RecfairTableOid(const char *name);
extern void LockModelName(const char *model);
extern void DeleteModelFactors(const char *model);
extern Oid	EmbeddingTypeOid(void);
extern Datum MakeEmbedding(const float4 *x, int k);
/* bias may be NULL (a NULL bias column) */
/* seen_weights: per interaction (user_weights' order), as training used them; NULL for none */
extern void StoreUserFactors(const char *model, const Interactions *data, const float4 *factors,
							 const float4 *bias, const float4 *seen_weights, int k);
extern void StoreItemFactors(const char *model, const Interactions *data,
							 const float4 *factors, const float4 *bias, int k);
extern char *ResolveModelName(const char *model);

#endif							/* RECFAIR_MODEL_STORE_H */
