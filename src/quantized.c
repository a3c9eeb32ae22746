/*-------------------------------------------------------------------------
 *
 * quantized.c
 *	  Quantized scoring: the serving cache of a large catalog also holds
 *	  the item matrix as int8, each item's row scaled by its own largest
 *	  magnitude (q = round(127 y / max|y|)), a quarter of the float
 *	  matrix's bytes.  A request quantizes the user's factors the same way,
 *	  scores every item (or an item index's probed lists) approximately
 *	  with int8 products summed in int32 (AVX2 when the CPU has it, chosen
 *	  at run time), leaves out the user's seen items, keeps the best
 *	  2 x k + 64 approximate scores (a fair re-ranker's candidates + 64,
 *	  and each group's best when it asks), and re-scores those exactly in
 *	  float32.  The list is then ranked on exact scores only, so it
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
/*
 * The sum of each 32-bit lane of a, b, ..., h: eight items' partial sums
 * reduced together (two rounds of pairwise adds, then the two halves).
 */
__attribute__((target("avx2")))
static inline __m256i
SumLanes8(__m256i a, __m256i b, __m256i c, __m256i d, __m256i e, __m256i f, __m256i g, __m256i h)
{
	__m256i		ab = _mm256_hadd_epi32(a, b);
	__m256i		cd = _mm256_hadd_epi32(c, d);
	__m256i		ef = _mm256_hadd_epi32(e, f);
	__m256i		gh = _mm256_hadd_epi32(g, h);
	__m256i		abcd = _mm256_hadd_epi32(ab, cd);
	__m256i		efgh = _mm256_hadd_epi32(ef, gh);

	/* lanes 0-3: a..d's low halves, 4-7: their high halves; the same for e..h */
	return _mm256_add_epi32(_mm256_permute2x128_si256(abcd, efgh, 0x20),
							_mm256_permute2x128_si256(abcd, efgh, 0x31));
}

/*
 * One item's 32 products summed into 8 int32 lanes.  _mm256_maddubs_epi16
 * multiplies unsigned by signed bytes, so the query goes in as |xq| and the
 * row takes the query's signs (_mm256_sign_epi8); both lie in [-127, 127]
 * (quantization never makes -128), so each pair sums to at most
 * 2 x 127 x 127 and cannot saturate int16.
 */
__attribute__((target("avx2")))
static inline __m256i
Dot32(const int8 *row, __m256i absq, __m256i signq, __m256i ones)
{
	__m256i		r = _mm256_sign_epi8(_mm256_loadu_si256((const __m256i *) row), signq);

	return _mm256_madd_epi16(_mm256_maddubs_epi16(absq, r), ones);
}

/*
 * Eight items at a time: each item's products over 32-factor blocks kept
 * in 8 lanes, the eight reduced together, scaled and stored as one vector.
 * Factors past the last whole block of 32 are added one by one.
 */
__attribute__((target("avx2")))
static void
ApproxAvx2(const int8 *q, const float4 *scale, int32 n, int k, const int8 *xq, float4 xs, float4 *out)
{
	int			k32 = k & ~31;
	int			nblocks = k32 / 32;
	__m256i		ones = _mm256_set1_epi16(1);
	__m256i		absq[8];		/* |xq| per block of 32: factors up to 256 take the fast path */
	__m256i		signq[8];
	__m256		vxs = _mm256_set1_ps(xs);
	int32		i = 0;

	if (nblocks > 8)
	{
		ApproxGeneric(q, scale, n, k, xq, xs, out);
		return;
	}
	for (int b = 0; b < nblocks; b++)
	{
		signq[b] = _mm256_loadu_si256((const __m256i *) (xq + 32 * b));
		absq[b] = _mm256_abs_epi8(signq[b]);
	}
	for (; i + 8 <= n; i += 8)
	{
		const int8 *row = q + (int64) i * k;
		__m256i		acc[8];
		__m256i		sums;

		for (int j = 0; j < 8; j++)
		{
			acc[j] = _mm256_setzero_si256();
			for (int b = 0; b < nblocks; b++)
				acc[j] = _mm256_add_epi32(acc[j], Dot32(row + (int64) j * k + 32 * b, absq[b], signq[b], ones));
		}
		sums = SumLanes8(acc[0], acc[1], acc[2], acc[3], acc[4], acc[5], acc[6], acc[7]);
		if (k32 < k)
		{
			int32		tail[8];

			for (int j = 0; j < 8; j++)
			{
				tail[j] = 0;
				for (int f = k32; f < k; f++)
					tail[j] += (int32) row[(int64) j * k + f] * xq[f];
			}
			sums = _mm256_add_epi32(sums, _mm256_loadu_si256((const __m256i *) tail));
		}
		_mm256_storeu_ps(out + i, _mm256_mul_ps(_mm256_mul_ps(_mm256_cvtepi32_ps(sums),
															  _mm256_loadu_ps(scale + i)), vxs));
	}
	if (i < n)
		ApproxGeneric(q + (int64) i * k, scale + i, n - i, k, xq, xs, out + i);
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
 * Each group's best `per_group` approximate scores among the positions of
 * `scanned` (every item when NULL), for the groups `needed` says, appended to pos from *n on: one min-heap (worst kept at the root)
 * per group, in the slots of heaps.  Most items fail one comparison with
 * their group's threshold: its heap's worst once full, +inf for a group
 * not needed (excluded items, at -inf, never pass).
 */
static void
GroupBest(const ModelCache *m, const float4 *scores, const ScoredRanges *scanned, const int32 *group_of,
		  int32 ngroups, int32 per_group, const bool *needed, int32 *pos, int32 *n)
{
	Candidate  *heaps = palloc(mul_size(mul_size(sizeof(Candidate), ngroups), per_group));
	int32	   *sizes = palloc0(sizeof(int32) * ngroups);
	float4	   *thr = palloc(sizeof(float4) * ngroups);
	int32		nranges = scanned ? scanned->n : 1;

	for (int32 g = 0; g < ngroups; g++)
		thr[g] = needed[g] ? -INFINITY : INFINITY;
	for (int32 r = 0; r < nranges; r++)
	{
		int32		from = scanned ? scanned->start[r] : 0;
		int32		to = scanned ? scanned->end[r] : m->nitems;

		for (int32 i = from; i < to; i++)
		{
			int32		g = group_of[i];
			float4		s = scores[i];
			Candidate  *h;
			int32		j;

			if (!(s > thr[g]))
				continue;
			h = heaps + (int64) g * per_group;
			if (sizes[g] == per_group)
			{
				/* replace the worst and sift it down */
				j = 0;
				for (;;)
				{
					int32		c = 2 * j + 1;

					if (c >= per_group)
						break;
					if (c + 1 < per_group && h[c + 1].score < h[c].score)
						c++;
					if (h[c].score >= s)
						break;
					h[j] = h[c];
					j = c;
				}
			}
			else
			{
				/* append and sift up */
				j = sizes[g]++;
				while (j > 0 && h[(j - 1) / 2].score > s)
				{
					h[j] = h[(j - 1) / 2];
					j = (j - 1) / 2;
				}
			}
			h[j].score = s;
			h[j].index = i;
			if (sizes[g] == per_group)
				thr[g] = h[0].score;
		}
	}
	for (int32 g = 0; g < ngroups; g++)
		for (int32 j = 0; j < sizes[g]; j++)
			pos[(*n)++] = heaps[(int64) g * per_group + j].index;
	pfree(heaps);
	pfree(sizes);
	pfree(thr);
}

/* Candidates of each group a fair re-ranker may take `wanted` of. */
static inline int32
GroupCandidates(int32 wanted)
{
	return 2 * wanted + 16;
}

/*
 * Whether a caller reading `ranges` is served through the int8 copy when
 * `scanned` items are scored: a plain list, a fair re-ranker's top
 * candidates, or those and each group's best unless the groups' best
 * would be so many of the scanned items that exact scores of all of them
 * cost less (many small groups, such as brands).
 */
bool
QuantizedUsable(const ModelCache *m, const ScoredRanges *ranges, int64 scanned)
{
	if (m->qfactors == NULL || ranges == NULL)
		return false;
	if (ranges->group_of != NULL)
		return (int64) ranges->ngroups * GroupCandidates(ranges->group_wanted) * 16 <= scanned;
	return ranges->plain || ranges->pool;
}

/*
 * Move the `keep` best of c[0..n) to its front, in no order (Hoare's
 * selection: expected O(n)); returns the worst of them.
 */
static float4
KeepBest(Candidate *c, int32 n, int32 keep)
{
	int32		lo = 0;
	int32		hi = n - 1;
	float4		worst = INFINITY;

	while (lo < hi)
	{
		float4		pivot = c[lo + (hi - lo) / 2].score;
		int32		i = lo;
		int32		j = hi;

		while (i <= j)
		{
			while (c[i].score > pivot)
				i++;
			while (c[j].score < pivot)
				j--;
			if (i <= j)
			{
				Candidate	tmp = c[i];

				c[i++] = c[j];
				c[j--] = tmp;
			}
		}
		/* c[lo..j] >= pivot >= c[i..hi], and between them the pivot's equals */
		if (keep - 1 <= j)
			hi = j;
		else if (keep - 1 >= i)
			lo = i;
		else
			break;
	}
	for (int32 i = 0; i < keep; i++)
		worst = Min(worst, c[i].score);
	return worst;
}

/* Room BestOf needs for `want` candidates: it selects whenever 4 x want are buffered. */
static inline Size
BestRoom(int32 want)
{
	return mul_size(sizeof(Candidate), Max(4 * (Size) want, 1));
}

/*
 * The `want` best approximate scores of the positions of `scanned` (every
 * item when NULL), excluded ones (-inf) left out, into out (BestRoom), in
 * no order; returns how many.  Items enter a buffer when they beat the
 * worst kept so far, and a selection keeps the best whenever it fills:
 * one comparison for most items, no heap (the candidates need no order).
 */
static int32
BestOf(const ModelCache *m, const float4 *scores, const ScoredRanges *scanned, int32 want, Candidate *out)
{
	int32		room = 4 * want;
	int32		n = 0;
	float4		thr = -INFINITY;
	int32		nranges = scanned ? scanned->n : 1;

	if (want <= 0)
		return 0;
	for (int32 r = 0; r < nranges; r++)
	{
		int32		from = scanned ? scanned->start[r] : 0;
		int32		to = scanned ? scanned->end[r] : m->nitems;

		for (int32 i = from; i < to; i++)
		{
			if (!(scores[i] > thr))
				continue;
			out[n].score = scores[i];
			out[n].index = i;
			if (++n == room)
			{
				thr = KeepBest(out, n, want);
				n = want;
			}
		}
	}
	if (n > want)
	{
		KeepBest(out, n, want);
		n = want;
	}
	return n;
}

/*
 * Re-score exactly the best candidates of approximate scores (over every
 * item, or the positions of `scanned`): into scores; ranges, when given,
 * becomes those candidates, else every other item is set to -inf.
 */
static void
RescoreBest(const ModelCache *m, const float4 *query, int32 ncand, const ScoredRanges *scanned,
			float4 *scores, ScoredRanges *ranges)
{
	Candidate  *top = palloc(BestRoom(ncand));
	int32	   *pos = palloc(sizeof(int32) * Max(ncand, 1));
	float4	   *exact;
	int			n;

	n = BestOf(m, scores, scanned, ncand, top);
	for (int i = 0; i < n; i++)
		pos[i] = top[i].index;
	exact = palloc(sizeof(float4) * Max(n, 1));
	for (int i = 0; i < n; i++)
		exact[i] = cblas_sdot(m->k, m->factors + (int64) pos[i] * m->k, 1, query, 1);
	if (ranges != NULL)
	{
		ranges->n = n;
		ranges->candidates = true;
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

/* What QuantizedAddGroupBest needs: the query and the ranges scored (NULL: every item). */
static void
KeepForSecondLook(const ModelCache *m, const float4 *query, const ScoredRanges *scanned, ScoredRanges *ranges)
{
	ranges->query = palloc(sizeof(float4) * m->k);
	memcpy(ranges->query, query, sizeof(float4) * m->k);
	ranges->nscanned = scanned ? scanned->n : -1;
	ranges->scanned_start = scanned ? scanned->start : NULL;
	ranges->scanned_end = scanned ? scanned->end : NULL;
}

/*
 * Candidates to re-score for `wanted` items: 2 x wanted + 64 for a plain
 * list, whose every item must be exact; wanted + 64 for a fair
 * re-ranker's pool (wanted is its 10 x k candidates; its groups' best, when
 * asked for, come on top: QuantizedAddGroupBest), where an item near the
 * pool's edge trading places with one just outside changes no list the
 * re-ranker builds from its best.
 */
static inline int32
Candidates(const ModelCache *m, int32 wanted, const ScoredRanges *ranges)
{
	int64		margin = ranges->pool ? 64 : (int64) wanted + 64;

	return (int32) Min((int64) m->nitems, (int64) wanted + margin);
}

/*
 * Scores for a user: exact float32 scores of the candidates the int8 copy
 * ranks best, the other items unset when ranges is given (ranges then
 * lists the candidates), else -inf.  The excluded positions (the user's
 * seen items) are left out before the candidates are chosen, so `wanted`
 * counts only the items the caller may return.  A fair re-ranker adds
 * each group's best afterwards (QuantizedAddGroupBest).
 */
float4 *
QuantizedScores(const ModelCache *m, const float4 *query, int32 wanted, const int32 *excluded, int32 nexcluded,
				ScoredRanges *ranges)
{
	float4	   *scores = MemoryContextAllocHuge(CurrentMemoryContext, mul_size(sizeof(float4), Max(m->nitems, 1)));
	int8	   *xq = palloc(m->k);
	float4		xs = QuantizeQuery(m, query, xq);

	ApproxRange(m, xq, xs, 0, m->nitems, scores);
	for (int32 i = 0; i < nexcluded; i++)
		scores[excluded[i]] = -INFINITY;
	RescoreBest(m, query, Candidates(m, wanted, ranges), NULL, scores, ranges);
	KeepForSecondLook(m, query, NULL, ranges);
	return scores;
}

/*
 * The same over the positions of `ranges` only (an item index's probed
 * lists), every excluded position inside them: on return ranges lists the
 * candidates re-scored exactly.
 */
void
QuantizedRangeScores(const ModelCache *m, const float4 *query, int32 wanted, const int32 *excluded,
					 int32 nexcluded, float4 *scores, ScoredRanges *ranges)
{
	ScoredRanges scanned = *ranges;
	int8	   *xq = palloc(m->k);
	float4		xs = QuantizeQuery(m, query, xq);

	for (int32 r = 0; r < scanned.n; r++)
		ApproxRange(m, xq, xs, scanned.start[r], scanned.end[r] - scanned.start[r], scores);
	for (int32 i = 0; i < nexcluded; i++)
		scores[excluded[i]] = -INFINITY;
	RescoreBest(m, query, Candidates(m, wanted, &scanned), &scanned, scores, ranges);
	KeepForSecondLook(m, query, &scanned, ranges);
}

/* Exact scores of items [start, end), the excluded ones (-inf) left so. */
static void
ExactRange(const ModelCache *m, const float4 *query, int32 start, int32 end, float4 *scores)
{
	int32		nexcluded = 0;
	int32	   *excluded;

	for (int32 i = start; i < end; i++)
		nexcluded += isinf(scores[i]) && scores[i] < 0;
	excluded = palloc(sizeof(int32) * Max(nexcluded, 1));
	nexcluded = 0;
	for (int32 i = start; i < end; i++)
		if (isinf(scores[i]) && scores[i] < 0)
			excluded[nexcluded++] = i;
	openblas_set_num_threads(1);
	cblas_sgemv(CblasRowMajor, CblasNoTrans, end - start, m->k, 1.0f, m->factors + (int64) start * m->k, m->k,
				query, 1, 0.0f, scores + start, 1);
	for (int32 i = 0; i < nexcluded; i++)
		scores[excluded[i]] = -INFINITY;
	pfree(excluded);
}

static int
ComparePositions(const void *a, const void *b)
{
	int32		x = *(const int32 *) a;
	int32		y = *(const int32 *) b;

	return (x > y) - (x < y);
}

/*
 * A fair re-ranker's second look, when a group outside the candidates of
 * QuantizedScores or QuantizedRangeScores (ranges, as they returned) must
 * take a position: each group's best approximate scores among the items
 * they scored (ranges->group_of and its fields, set by the caller now)
 * join the candidates, re-scored exactly; or, when those would be too many
 * (QuantizedUsable), every scored item gets its exact score and ranges
 * says so (the scored ranges, or n = -1: every item).  The approximate
 * scores are still in scores: nothing is scanned twice.
 */
void
QuantizedAddGroupBest(const ModelCache *m, float4 *scores, ScoredRanges *ranges)
{
	ScoredRanges scanned = {.n = ranges->nscanned, .start = ranges->scanned_start, .end = ranges->scanned_end};
	const ScoredRanges *over = ranges->nscanned >= 0 ? &scanned : NULL;
	int64		nscored = 0;
	int32	   *known;
	bool	   *needed;
	int32	   *count;
	int32	   *pos;
	int32	   *end;
	int32		n = ranges->n;
	int32		w;

	for (int32 r = 0; over != NULL && r < scanned.n; r++)
		nscored += scanned.end[r] - scanned.start[r];
	if (over == NULL)
		nscored = m->nitems;
	if (!QuantizedUsable(m, ranges, nscored))
	{
		for (int32 r = 0; r < (over ? scanned.n : 1); r++)
			ExactRange(m, ranges->query, over ? scanned.start[r] : 0, over ? scanned.end[r] : m->nitems, scores);
		ranges->n = over ? scanned.n : -1;
		ranges->start = scanned.start;
		ranges->end = scanned.end;
		ranges->candidates = false;
		return;
	}
	/* the candidates so far (one position each), sorted to look the groups' best up in */
	known = palloc(sizeof(int32) * Max(n, 1));
	for (int32 i = 0; i < n; i++)
		known[i] = ranges->start[i];
	qsort(known, n, sizeof(int32), ComparePositions);
	/* a group with k candidates has its best k among them (the others score lower) */
	count = palloc0(sizeof(int32) * ranges->ngroups);
	needed = palloc(sizeof(bool) * ranges->ngroups);
	for (int32 i = 0; i < n; i++)
		count[ranges->group_of[known[i]]]++;
	for (int32 g = 0; g < ranges->ngroups; g++)
		needed[g] = count[g] < ranges->group_wanted;
	pos = palloc(mul_size(sizeof(int32), add_size(n, mul_size(ranges->ngroups, GroupCandidates(ranges->group_wanted)))));
	memcpy(pos, known, sizeof(int32) * n);
	GroupBest(m, scores, over, ranges->group_of, ranges->ngroups, GroupCandidates(ranges->group_wanted), needed,
			  pos, &n);
	w = ranges->n;
	for (int32 i = ranges->n; i < n; i++)
		if (bsearch(&pos[i], known, ranges->n, sizeof(int32), ComparePositions) == NULL)
		{
			pos[w++] = pos[i];
			scores[pos[i]] = cblas_sdot(m->k, m->factors + (int64) pos[i] * m->k, 1, ranges->query, 1);
		}
	end = palloc(sizeof(int32) * Max(w, 1));
	for (int32 i = 0; i < w; i++)
		end[i] = pos[i] + 1;
	ranges->n = w;
	ranges->start = pos;
	ranges->end = end;
	pfree(known);
	pfree(count);
	pfree(needed);
}
