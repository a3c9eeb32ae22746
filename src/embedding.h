/*-------------------------------------------------------------------------
 *
 * embedding.h
 *	  The recfair.embedding type: a dense vector of float4, stored as a
 *	  varlena.  Every C file that reads or builds embeddings includes this
 *	  header; the arithmetic on raw float arrays lives in vecmath.h.
 *
 * On-disk layout (also the layout of the binary send/recv format, in network
 * byte order there):
 *
 *		int32	vl_len_		varlena header (set with SET_VARSIZE only)
 *		int16	dim			number of dimensions, 1 .. EMBEDDING_MAX_DIM
 *		int16	unused		always zero; reserved for a future element type
 *		float4	x[dim]		the values, all finite
 *
 *-------------------------------------------------------------------------
 */
#ifndef RECFAIR_EMBEDDING_H
#define RECFAIR_EMBEDDING_H

#include "compat.h"
#include "fmgr.h"

#define EMBEDDING_MAX_DIM 16000

typedef struct Embedding
{
	int32		vl_len_;		/* varlena header (do not touch directly!) */
	int16		dim;			/* number of dimensions */
	int16		unused;			/* reserved, always zero */
	float4		x[FLEXIBLE_ARRAY_MEMBER];
} Embedding;

#define EMBEDDING_SIZE(_dim)		(offsetof(Embedding, x) + sizeof(float4) * (_dim))
#define DatumGetEmbeddingP(X)		((Embedding *) PG_DETOAST_DATUM(X))
#define PG_GETARG_EMBEDDING_P(n)	DatumGetEmbeddingP(PG_GETARG_DATUM(n))
#define PG_RETURN_EMBEDDING_P(x)	PG_RETURN_POINTER(x)

/* Allocate a zero-filled embedding of the given (already validated) size. */
extern Embedding *InitEmbedding(int dim);

/* Errors shared by every file that accepts embeddings or builds them. */
extern void CheckEmbeddingDim(int dim);

/* embedding_agg.c, shared with als_agg.c */
extern MemoryContext AggregateContext(FunctionCallInfo fcinfo);
extern struct ArrayType *ZeroedFloat8Array(MemoryContext context, int n);

#endif							/* RECFAIR_EMBEDDING_H */
