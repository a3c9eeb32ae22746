/*-------------------------------------------------------------------------
 *
 * quantized.h
 *	  Quantized scoring (quantized.c): an int8 copy of the item matrix, one
 *	  scale per item, scored with SIMD to pick candidates that are then
 *	  re-scored exactly in float32.
 *
 *-------------------------------------------------------------------------
 */
#ifndef RECFAIR_QUANTIZED_H
#define RECFAIR_QUANTIZED_H

#include "serve.h"

/*
 * Catalogs smaller than this are scored exactly: the float scan is as fast.
 * bench/serving.sh, 64 factors, without an index: the int8 copy served
 * 0.9x exact's requests/s at 20,000 items, 0.96x at 40,000, 1.3x at 70,000.
 */
#define QUANTIZE_MIN_ITEMS 50000

extern void QuantizeItems(ModelCache *m);
extern bool QuantizedUsable(const ModelCache *m, const ScoredRanges *ranges, int64 scanned);
extern float4 *QuantizedScores(const ModelCache *m, const float4 *query, int32 wanted, const int32 *excluded,
							   int32 nexcluded, ScoredRanges *ranges);
extern void QuantizedRangeScores(const ModelCache *m, const float4 *query, int32 wanted, const int32 *excluded,
								 int32 nexcluded, float4 *scores, ScoredRanges *ranges);
extern void QuantizedAddGroupBest(const ModelCache *m, float4 *scores, ScoredRanges *ranges);

#endif							/* RECFAIR_QUANTIZED_H */
