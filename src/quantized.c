/*-------------------------------------------------------------------------
 *
 * quantized.c
 *	  Quantized scoring for models without an item index: the serving cache
 *	  also holds the item matrix as int8, each item's row scaled by its own
 *	  largest magnitude (q = round(127 y / max|y|)), a quarter of the float
 *	  matrix's bytes.  A request quantizes the user's factors the same way,
 *	  scores every item approximately with int8 products summed in int32
 *	  (AVX2 when the CPU has it, chosen at run time), keeps the best
 *	  2 x wanted + 64 approximate scores (wanted: k or the fair re-ranker's
 *	  candidates, plus the user's seen items), and re-scores those exactly
 *	  in float32 (over every item, or over an item index's probed lists).
 *	  The list is then ranked on exact scores only, so it
 *	  equals exact scoring unless an item of the exact top k fell outside
 *	  the candidates by its approximate score; bench/serving.sh measures
 *	  recall@10 against exact scoring, and recfair.exact_search forces it.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <cblas.h>
#include <math.h>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

#include "compare.h"
#include "quantized.h"
#include "utils/memutils.h"

/* Build the int8 copy of the cached (private) item matrix, in the entry's context. */
void
QuantizeItems(ModelCache *m)
{
	Size		n = Max(m->nitems, 1);

	m->qfactors = MemoryContextAllocHuge(m->cxt, mul_size(n, m->k));
	m->qscale = MemoryContextAllocHuge(m->cxt, mul_size(n, sizeof(float4)));
	for (int32 i = 0; i < m->nitems; i++)
	{
		const float4 *y = m->factors + (int64) i * m->k;
		int8	   *q = m->qfactors + (int64) i * m->k;
		float4		top = 0.0f;

		for (int f = 0; f < m->k; f++)
			top = Max(top, fabsf(y[f]));
		m->qscale[i] = top > 0 ? top / 127.0f : 0.0f;
		for (int f = 0; f < m->k; f++)
			q[f] = top > 0 ? (int8) lrintf(y[f] * 127.0f / top) : 0;
	}
}

static void
ApproxGeneric(const int8 *q, const float4 *scale, int32 n, int k, const int8 *xq, float4 xs, float4 *out)
{
	for (int32 i = 0; i < n; i++)
	{
		const int8 *row = q + (int64) i * k;
		int32		acc = 0;

		for (int f = 0; f < k; f++)
			acc += (int32) row[f] * xq[f];
		out[i] = (float4) acc * scale[i] * xs;
	}
}

#if defined(__x86_64__)
__attribute__((target("avx2")))
static void
ApproxAvx2(const int8 *q, const float4 *scale, int32 n, int k, const int8 *xq, float4 xs, float4 *out)
{
	int			k16 = k & ~15;

	for (int32 i = 0; i < n; i++)
	{
		const int8 *row = q + (int64) i * k;
		__m256i		acc = _mm256_setzero_si256();
		__m128i		lo;
		int32		sum;

		for (int f = 0; f < k16; f += 16)
		{
			__m256i		a = _mm256_cvtepi8_epi16(_mm_loadu_si128((const __m128i *) (row + f)));
			__m256i		b = _mm256_cvtepi8_epi16(_mm_loadu_si128((const __m128i *) (xq + f)));

			acc = _mm256_add_epi32(acc, _mm256_madd_epi16(a, b));
		}
		lo = _mm_add_epi32(_mm256_castsi256_si128(acc), _mm256_extracti128_si256(acc, 1));
		lo = _mm_hadd_epi32(lo, lo);
		lo = _mm_hadd_epi32(lo, lo);
		sum = _mm_cvtsi128_si32(lo);
		for (int f = k16; f < k; f++)
			sum += (int32) row[f] * xq[f];
		out[i] = (float4) sum * scale[i] * xs;
	}
}
#endif

/* The query quantized as the items are: xq (k values) and its scale. */
static float4
QuantizeQuery(const ModelCache *m, const float4 *query, int8 *xq)
{
	float4		top = 0.0f;

	for (int f = 0; f < m->k; f++)
		top = Max(top, fabsf(query[f]));
	for (int f = 0; f < m->k; f++)
		xq[f] = top > 0 ? (int8) lrintf(query[f] * 127.0f / top) : 0;
	return top > 0 ? top / 127.0f : 0.0f;
}

/* Approximate scores of items [start, start + n) into out[start..]: the int8 products, scaled back. */
static void
ApproxRange(const ModelCache *m, const int8 *xq, float4 xs, int32 start, int32 n, float4 *out)
{
	const int8 *q = m->qfactors + (int64) start * m->k;

#if defined(__x86_64__)
	if (__builtin_cpu_supports("avx2"))
	{
		ApproxAvx2(q, m->qscale + start, n, m->k, xq, xs, out + start);
		return;
	}
#endif
	ApproxGeneric(q, m->qscale + start, n, m->k, xq, xs, out + start);
}

/*
 * Scores for a user: exact float32 scores of the candidates the int8 copy
 * ranks best, the other items unset when ranges is given (ranges then
 * lists the candidates), else -inf.
 */
/*
 * Re-score exactly the best candidates of approximate scores (over every
 * item, or the positions of `scanned`): into scores; ranges, when given,
 * becomes those candidates, else every other item is set to -inf.
 */
static void
RescoreBest(const ModelCache *m, const float4 *query, int32 ncand, const ScoredRanges *scanned, float4 *scores,
			ScoredRanges *ranges)
{
	Candidate  *top = palloc(sizeof(Candidate) * Max(ncand, 1));
	int32	   *pos = palloc(sizeof(int32) * Max(ncand, 1));
	float4	   *exact = palloc(sizeof(float4) * Max(ncand, 1));
	int			n = TopKOf(m, scores, scanned, ncand, top);

	for (int i = 0; i < n; i++)
		pos[i] = top[i].index;
	/* in item order, for the memory */
	qsort(pos, n, sizeof(int32), CompareInt32);
	for (int i = 0; i < n; i++)
		exact[i] = cblas_sdot(m->k, m->factors + (int64) pos[i] * m->k, 1, query, 1);
	if (ranges != NULL)
	{
		ranges->n = n;
		ranges->start = pos;
		ranges->end = palloc(sizeof(int32) * Max(n, 1));
		for (int i = 0; i < n; i++)
			ranges->end[i] = pos[i] + 1;
	}
	else
		for (int32 i = 0; i < m->nitems; i++)
			scores[i] = -INFINITY;
	for (int i = 0; i < n; i++)
		scores[pos[i]] = exact[i];
}

/* Candidates to re-score for `wanted` items. */
static inline int32
Candidates(const ModelCache *m, int32 wanted)
{
	return (int32) Min((int64) m->nitems, 2 * (int64) wanted + 64);
}

/*
 * Scores for a user: exact float32 scores of the candidates the int8 copy
 * ranks best, the other items unset when ranges is given (ranges then
 * lists the candidates), else -inf.
 */
float4 *
QuantizedScores(const ModelCache *m, const float4 *query, int32 wanted, ScoredRanges *ranges)
{
	float4	   *scores = MemoryContextAllocHuge(CurrentMemoryContext, mul_size(sizeof(float4), Max(m->nitems, 1)));
	int8	   *xq = palloc(m->k);
	float4		xs = QuantizeQuery(m, query, xq);

	ApproxRange(m, xq, xs, 0, m->nitems, scores);
	RescoreBest(m, query, Candidates(m, wanted), NULL, scores, ranges);
	return scores;
}

/*
 * The same over the positions of `ranges` only (an item index's probed
 * lists): on return ranges lists the candidates re-scored exactly.
 */
void
QuantizedRangeScores(const ModelCache *m, const float4 *query, int32 wanted, float4 *scores, ScoredRanges *ranges)
{
	int8	   *xq = palloc(m->k);
	float4		xs = QuantizeQuery(m, query, xq);
	ScoredRanges scanned = *ranges;

	for (int32 r = 0; r < scanned.n; r++)
		ApproxRange(m, xq, xs, scanned.start[r], scanned.end[r] - scanned.start[r], scores);
	RescoreBest(m, query, Candidates(m, wanted), &scanned, scores, ranges);
}
