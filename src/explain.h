/*-------------------------------------------------------------------------
 *
 * explain.h
 *	  Why a model scores an item for a user (explain.c).
 *
 *-------------------------------------------------------------------------
 */
#ifndef RECFAIR_EXPLAIN_H
#define RECFAIR_EXPLAIN_H

#include "serve.h"

extern void ExplainRows(const ModelCache *m, int64 user_id, int n, const int32 *item_index,
						int64 *reason_item, double *reason_contribution, bool *has_reason);

#endif							/* RECFAIR_EXPLAIN_H */
